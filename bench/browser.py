"""A built site on localhost and Debian's Chromium: what the browser benchmarks (and the
browser tests, through ``tests/helpers``) load a page with. Never a downloaded browser."""

from __future__ import annotations

import functools
import http.server
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _Quiet,
          path: str = "/") -> Iterator[str]:
    """Serve ``site`` on a free loopback port for the ``with`` block; yields its base URL
    (``path`` on that port, for a handler that serves the site under a path)."""
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()


def start_server(command: list[str], **popen: Any) -> subprocess.Popen:
    """Start a server (``mkdocs serve``) that :func:`stop` can end as Ctrl-C does, however
    this process was started. A shell's background job (``cmd &`` without job control)
    ignores SIGINT and its children inherit that: such a server never heard the signal, was
    killed after 20 s, and left its folder behind (seen: a test suite started so)."""
    return subprocess.Popen(command, preexec_fn=_hear_ctrl_c, **popen)  # noqa: PLW1509 - one signal call


def _hear_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop(process: subprocess.Popen) -> None:
    """End a server started for a page (``mkdocs serve``) as Ctrl-C does, so its shutdown
    runs and cleans up; then for sure."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


shared: Any = None
"""A Chromium already running in this process (the test session's), which the benches use:
Playwright's sync API allows one instance per process, so a bench must not start its own then."""


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium for the ``with`` block: the shared one if any, else one of its own."""
    if shared is not None:
        yield shared
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
