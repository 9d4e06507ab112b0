"""Render deferred pages in a second process while the site generator renders the theme.

Our pages and the theme's templating are two equal halves of a build; on a
2-core machine they can overlap. The worker is forked, so it shares the
resolved graph without pickling it, and sends back strings in build order.
Where fork is unavailable the pages render in-process, on demand.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Sequence

Rendered = tuple[str, str | None]


class BackgroundError(RuntimeError):
    pass


def _work(pages: Sequence[tuple[str, Callable[[], Rendered]]], conn) -> None:
    try:
        for src, render in pages:
            conn.send((src, *render()))
        conn.send(None)
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("", "__error__", traceback.format_exc()))
    finally:
        conn.close()


class BackgroundRenderer:
    """``get(src)`` returns a deferred page's (html, search_html), waiting for the worker."""

    def __init__(self, pages: Sequence[tuple[str, Callable[[], Rendered]]]):
        self._renders = dict(pages)
        self._done: dict[str, Rendered] = {}
        self._conn = None
        self._proc = None
        if pages and "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            receive, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_work, args=(list(pages), send), daemon=True)
            self._proc.start()
            send.close()
            self._conn = receive

    def get(self, src: str) -> Rendered:
        if src in self._done:
            return self._done.pop(src)
        if self._conn is None:
            return self._renders[src]()
        while True:
            try:
                message = self._conn.recv()
            except EOFError:
                raise BackgroundError("page worker stopped before rendering " + src) from None
            if message is None:
                self.close()
                return self._renders[src]()
            got, html, search = message
            if html == "__error__":
                self.close()
                raise BackgroundError(f"rendering pages failed:\n{search}")
            if got == src:
                return html, search
            self._done[got] = (html, search)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.kill()
            self._proc = None
