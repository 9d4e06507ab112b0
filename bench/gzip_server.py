"""A built site on localhost served the way a real host serves it: text compressed with gzip.

Lighthouse judges transfer sizes ("Enable text compression", and every timing that waits for
bytes), so a benchmark that served the site uncompressed through ``http.server`` would charge
the portal for a host setting, not for the pages. Every static host the portal goes live on
(GitHub Pages, Netlify, nginx) compresses text; this server does the same for the bench:
``Content-Encoding: gzip`` on HTML, CSS, JS, JSON, SVG, XML and text when the client asks for
it, ``Vary: Accept-Encoding`` on those, other files (PNG, gzip archives) as they are.
"""

from __future__ import annotations

import gzip
import http.server
import io
import os
from contextlib import AbstractContextManager
from pathlib import Path

try:
    from bench import browser
except ImportError:  # run as a script: the sibling module
    import browser  # type: ignore[no-redef]

#: Media types worth compressing (the others are compressed already or tiny).
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
              "image/svg+xml", "application/manifest+json", "application/geo+json",
              "text/calendar")
LEVEL = 6  # nginx's and most hosts' default trade-off


def compressible(content_type: str) -> bool:
    """Whether a response of this Content-Type is sent gzipped."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith(TEXT_TYPES) or media.endswith(("+json", "+xml"))


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header admits gzip (``gzip;q=0`` refuses it)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip()
            return not (q.startswith("q=") and float(q[2:] or 0) == 0)
    return False


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """``SimpleHTTPRequestHandler`` with gzip for text, quiet, and correct for HEAD."""

    def log_message(self, *args: object) -> None:  # the bench prints its own table
        pass

    def send_head(self) -> io.BytesIO | object | None:  # type: ignore[override]
        """Serve the file as the parent does, then swap in a compressed body for text.

        The parent has already sent the status and headers up to ``end_headers`` once it
        returns, so this reimplements only the file case (directories redirect or fall back
        to ``index.html`` through the parent, which then calls back into the file case).
        """
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        content_type = self.guess_type(path)
        if not (os.path.isfile(path) and compressible(content_type)
                and accepts_gzip(self.headers.get("Accept-Encoding"))):
            return super().send_head()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), compresslevel=LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> AbstractContextManager[str]:
    """Serve ``site`` gzipped on a loopback port for the ``with`` block; yields its base URL."""
    return browser.serve(site, GzipHandler)
