"""Serve a built site the way GitHub Pages does: under the path of ``site_url``
(``/i4ms-portal/``) and with ``404.html`` for any missing page, so the 404 page is seen with the
absolute asset links MkDocs gives it (a plain file server at ``/`` would show it unstyled)."""

from __future__ import annotations

import http.server
import io
from contextlib import AbstractContextManager
from pathlib import Path

from bench.browser import serve


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


def serve_as_pages(site: Path, prefix: str) -> AbstractContextManager[str]:
    """Serve ``site`` under ``prefix`` on a free loopback port; the context yields its URL."""
    return serve(site, type("PagesHandler", (_PagesHandler,), {"prefix": prefix}), prefix)
