"""Render deferred pages in a second process while the site generator renders the theme.

Our pages and the theme's templating are two equal halves of a build; on a
2-core machine they can overlap. The worker is forked, so it shares the
resolved graph without pickling it, and sends back strings in build order.
Where fork is unavailable the pages render in-process, on demand.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from i4ms.outputs.plan import Asset

Rendered = tuple[str, str | None, str]
"""A page's (html, search_html, head)."""


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
            got, *rendered = message
            if got == "" and rendered[0] == "__error__":
                self.close()
                raise BackgroundError(f"rendering pages failed:\n{rendered[1]}")
            if got == src:
                return tuple(rendered)  # type: ignore[return-value]
            self._done[got] = tuple(rendered)  # type: ignore[assignment]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.kill()
            self._proc = None


def _yield_to_pages() -> None:
    """The files no page needs come last: on 2 cores the theme and the page worker need both."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)


def _make_and_write(make: Callable[[], Sequence[Asset]], site_dir: Path, conn) -> None:
    try:
        _yield_to_pages()
        assets = make()
        try:
            if conn.recv() != "write":
                return
        except EOFError:  # the build stopped: write nothing
            return
        conn.send(("ok", write_assets(assets, site_dir)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def write_assets(assets: Sequence[Asset], site_dir: Path) -> int:
    for asset in assets:
        path = site_dir / asset.path
        path.parent.mkdir(parents=True, exist_ok=True)
        data = asset.content.encode("utf-8") if isinstance(asset.content, str) else asset.content
        path.write_bytes(data)
    return len(assets)


class AssetWriter:
    """Makes the files no page needs (search indexes, open data, badges) in a forked process
    while the pages build, and writes them into the site folder once the generator has
    cleaned it (``start_writing``); ``finish`` waits for them and raises on failure.

    On a 2-core machine this moves a third of our work off the path of the theme's own
    rendering. Where fork is unavailable, ``finish`` makes and writes them in-process.
    """

    def __init__(self, make: Callable[[], Sequence[Asset]], site_dir: Path):
        self._make = make
        self._site_dir = site_dir
        self._conn = None
        self._proc = None
        self._started = False
        if "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(target=_make_and_write, args=(make, site_dir, child), daemon=True)
            self._proc.start()
            child.close()

    def start_writing(self) -> None:
        if self._conn is not None and not self._started:
            self._conn.send("write")
            self._started = True

    def finish(self) -> int:
        """How many files were written."""
        if self._conn is None:
            return write_assets(self._make(), self._site_dir)
        self.start_writing()
        try:
            status, detail = self._conn.recv()
        except EOFError:
            raise BackgroundError("the open-data and search files worker stopped") from None
        finally:
            self._conn.close()
            self._conn = None
            if self._proc is not None:
                self._proc.join(timeout=30)
                self._proc = None
        if status != "ok":
            raise BackgroundError(f"making the open-data and search files failed:\n{detail}")
        return detail
