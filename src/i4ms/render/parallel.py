"""Where the work of a build runs: pages rendered ahead in a forked worker, and the files no
page needs made aside in another, at low priority.

Our pages and the engine's own templating are two equal halves of a build; on a 2-core
machine they overlap. The workers are forked, so they share the resolved graph without
pickling it, and send back strings. Where fork is unavailable everything runs in-process,
on demand. A worker's failure always reaches the build as a :class:`BackgroundError` with
the worker's traceback; a build that stops early stops its workers (``close``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from i4ms.outputs.plan import Asset
from i4ms.render.emit import write_assets
from i4ms.render.pages import RenderedPage

PageJob = tuple[str, Callable[[], RenderedPage]]


class BackgroundError(RuntimeError):
    pass


@dataclass(frozen=True)
class _Failed:
    """What a worker sends instead of a result: where it failed and its traceback."""

    what: str
    detail: str


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _render_pages(pages: Sequence[PageJob], conn) -> None:
    src = ""
    try:
        for src, render in pages:
            conn.send((src, render()))
        conn.send(None)
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        with contextlib.suppress(OSError):
            conn.send(_Failed(src, traceback.format_exc()))
    finally:
        conn.close()


class BackgroundRenderer:
    """``get(src)`` returns a page's :class:`RenderedPage`, waiting for the worker, which
    renders the pages in the order given (the engine's build order)."""

    def __init__(self, pages: Sequence[PageJob]):
        self._renders = dict(pages)
        self._done: dict[str, RenderedPage] = {}
        self._conn = None
        self._proc = None
        if pages and _can_fork():
            ctx = multiprocessing.get_context("fork")
            receive, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_render_pages, args=(list(pages), send), daemon=True)
            self._proc.start()
            send.close()
            self._conn = receive

    def get(self, src: str) -> RenderedPage:
        if src in self._done:
            return self._done.pop(src)
        if self._conn is None:
            return self._renders[src]()
        while True:
            try:
                message = self._conn.recv()
            except EOFError:
                self.close()
                raise BackgroundError(f"the page worker stopped before rendering {src}") from None
            if message is None:  # the worker is done; a page it was not given renders here
                self.close()
                return self._renders[src]()
            if isinstance(message, _Failed):
                self.close()
                raise BackgroundError(f"rendering {message.what or 'pages'} failed:\n{message.detail}")
            got, rendered = message
            if got == src:
                return rendered
            self._done[got] = rendered

    def close(self, wait: float = 5) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(timeout=wait)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join()
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
        with contextlib.suppress(OSError):
            conn.send(_Failed("the open-data and search files", traceback.format_exc()))
    finally:
        conn.close()


class AssetWriter:
    """Makes the files no page needs (search indexes, open data, badges) in a forked process
    while the pages build, and writes them into the site folder once the engine has cleaned
    it (``start_writing``); ``finish`` waits for them and raises on failure.
    """

    def __init__(self, make: Callable[[], Sequence[Asset]], site_dir: Path):
        self._make = make
        self._site_dir = site_dir
        self._conn = None
        self._proc = None
        self._started = False
        if _can_fork():
            ctx = multiprocessing.get_context("fork")
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(target=_make_and_write, args=(make, site_dir, child), daemon=True)
            self._proc.start()
            child.close()

    def start_writing(self) -> None:
        if self._conn is not None and not self._started:
            self._started = True
            # A worker that failed has closed its end: its report waits in the pipe for finish.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._conn.send("write")

    def finish(self) -> int:
        """How many files were written."""
        if self._conn is None:
            return write_assets(self._make(), self._site_dir)
        self.start_writing()
        try:
            message = self._conn.recv()
        except EOFError:
            raise BackgroundError("the open-data and search files worker stopped without a "
                                  "word (killed, or out of memory?)") from None
        finally:
            self.close()
        if isinstance(message, _Failed):
            raise BackgroundError(f"making {message.what} failed:\n{message.detail}")
        return message[1]

    def close(self, wait: float = 30) -> None:
        """Let the worker end (after ``finish``), or stop it at once (``wait=0``: the build
        failed elsewhere): it writes nothing more."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(timeout=wait)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join()
            self._proc = None
