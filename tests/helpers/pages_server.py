"""Serve a built site the way GitHub Pages does: under the path of ``site_url``
(``/i4ms-portal/``) and with ``404.html`` for any missing page, so the 404 page is seen with the
absolute asset links MkDocs gives it (a plain file server at ``/`` would show it unstyled)."""

from __future__ import annotations

import functools
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix):]
        local = Path(self.translate_path(self.path))
        if not (local.is_file() or (local.is_dir() and (local / "index.html").is_file())):
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_as_pages(site: Path, prefix: str) -> Iterator[str]:
    """Serve ``site`` under ``prefix`` on a free loopback port; yields the site's base URL."""
    handler_class = type("Handler", (_PagesHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
