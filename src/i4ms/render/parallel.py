"""Where the work of a build runs: pages rendered ahead in a forked worker, and the files no
page needs made aside in others (one per run of the plan's file jobs), at low priority.

Our pages and the engine's own templating are two equal halves of a build; on a 2-core
machine they overlap. The workers are forked, so they share the resolved graph without
pickling it, and send back strings. Where fork is unavailable everything runs in-process,
on demand. A worker's failure always reaches the build as a :class:`BackgroundError` with
the worker's traceback; a build that stops early stops its workers (``close``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import pickle
import shutil
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from i4ms.outputs.plan import Asset, OutputCollision, check_runs
from i4ms.render.emit import write_assets
from i4ms.render.pages import RenderedPage

PageJob = tuple[str, Callable[[], RenderedPage]]
T = TypeVar("T")


class BackgroundError(RuntimeError):
    pass


@dataclass(frozen=True)
class _Failed:
    """What a worker sends instead of a result: where it failed and its traceback."""

    what: str
    detail: str


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _render_pages(pages: Sequence[PageJob], conn, spool: int) -> None:
    src = ""
    offset = 0
    try:
        with open(spool, "wb", closefd=False) as out:
            for src, render in pages:
                data = pickle.dumps(tuple(render()), protocol=pickle.HIGHEST_PROTOCOL)
                out.write(data)
                out.flush()  # in the file before the parent hears of it
                conn.send((src, offset, len(data)))
                offset += len(data)
        conn.send(None)
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        with contextlib.suppress(OSError):
            conn.send(_Failed(src, traceback.format_exc()))
    finally:
        conn.close()


class BackgroundRenderer:
    """``get(src)`` returns a page's :class:`RenderedPage`, rendered ahead by ``workers``
    forked page workers that take turns over the pages in the order given (the engine's
    build order), :data:`TURN` pages at a time.

    One worker keeps ahead of `mkdocs build`, whose theme pass per page is the longer one.
    Under `mkdocs serve` the theme's output of an unchanged page is reused and the engine
    asked faster than one worker rendered: at 700 synthetic experiments it waited 0.9-1.3 s
    of a rebuild for pages (profiled; 0.02-0.3 s with two), while the other core had time
    to spare.
    """

    def __init__(self, pages: Sequence[PageJob], workers: int = 1):
        shares: list[list[PageJob]] = [[] for _ in range(max(1, workers) if _can_fork() else 1)]
        for n, page in enumerate(pages):
            shares[n // TURN % len(shares)].append(page)
        self._workers = [_PageWorker(share) for share in shares if share]
        self._owner = {src: worker for worker in self._workers for src in worker.sources}

    def get(self, src: str) -> RenderedPage:
        return self._owner[src].get(src)

    def close(self, wait: float = 5) -> None:
        for worker in self._workers:
            worker.close(wait)


TURN = 8
"""Pages a worker renders before the next one's turn: the engine asks in order, so each
worker stays about as far ahead as the other."""


class _PageWorker:
    """One forked worker rendering its pages in order; ``get(src)`` waits for it.

    Pages go into a spool file and only their place in it down the pipe. Sent down the pipe
    itself, a worker could run only a pipe's buffer (two or three pages) ahead of the engine,
    and sat blocked while the engine did its own work (measured at 700 experiments under
    ``mkdocs serve``: 0.5-0.7 s of each rebuild blocked in ``send``); a reading thread in the
    parent would take the engine's interpreter lock a thousand times a build instead.
    """

    def __init__(self, pages: Sequence[PageJob]):
        self._renders = dict(pages)
        self.sources = list(self._renders)
        self._done: dict[str, tuple[int, int]] = {}
        self._conn = None
        self._proc = None
        self._spool = None
        if pages and _can_fork():
            ctx = multiprocessing.get_context("fork")
            # Open for the renderer's life (closed in close), shared with the forked worker.
            self._spool = tempfile.TemporaryFile(prefix="i4ms-pages-", dir=_spool_dir())  # noqa: SIM115
            receive, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_render_pages,
                                     args=(list(pages), send, self._spool.fileno()), daemon=True)
            self._proc.start()
            send.close()
            self._conn = receive

    def get(self, src: str) -> RenderedPage:
        if src in self._done:
            return self._read(*self._done.pop(src))
        if self._conn is None:
            return self._renders[src]()
        while True:
            try:
                message = self._conn.recv()
            except EOFError:
                self.close()
                raise BackgroundError(f"the page worker stopped before rendering {src}") from None
            if message is None:  # the worker is done; a page it was not given renders here
                self._conn.close()
                self._conn = None
                return self._renders[src]()
            if isinstance(message, _Failed):
                self.close()
                raise BackgroundError(f"rendering {message.what or 'pages'} failed:\n{message.detail}")
            got, offset, size = message
            if got == src:
                return self._read(offset, size)
            self._done[got] = (offset, size)

    def _read(self, offset: int, size: int) -> RenderedPage:
        assert self._spool is not None
        return RenderedPage(*pickle.loads(os.pread(self._spool.fileno(), size, offset)))

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
        if self._spool is not None:
            self._spool.close()
            self._spool = None
            self._done.clear()


_SPOOL_ROOM = 1 << 30
"""Free bytes /dev/shm must have for the spool: every page of 10,000 items is ~300 MB."""


def _spool_dir() -> str | None:
    """Memory when there is room (Linux), so no page goes to a disk and back; else tempdir."""
    with contextlib.suppress(OSError):
        if shutil.disk_usage("/dev/shm").free >= _SPOOL_ROOM and os.access("/dev/shm", os.W_OK):
            return "/dev/shm"
    return None


@contextlib.contextmanager
def _reported(conn, what: str) -> Iterator[None]:
    """A worker's body: its failure goes to the parent, which raises it with the traceback;
    the pipe is closed after, whatever happened."""
    try:
        yield
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        with contextlib.suppress(OSError):
            conn.send(_Failed(what, traceback.format_exc()))
    finally:
        conn.close()


def _make_aside(make: Callable[[], object], conn) -> None:
    with _reported(conn, ""):
        conn.send(("ok", make()))


class Aside(Generic[T]):
    """``make()`` run in a forked process while this one goes on; ``result()`` waits for its
    value (pickled back), ``close()`` stops it. For work that needs nothing the build makes
    (the map's shapes, from a file), done while the content loads on one core and the other
    has nothing to do. Where fork is unavailable, ``result()`` makes it here."""

    def __init__(self, what: str, make: Callable[[], T]):
        self._what = what
        self._make = make
        self._conn = None
        self._proc = None
        if _can_fork():
            ctx = multiprocessing.get_context("fork")
            self._conn, child = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_make_aside, args=(make, child), daemon=True)
            self._proc.start()
            child.close()

    def result(self) -> T:
        if self._conn is None:
            return self._make()
        try:
            message = self._conn.recv()
        except (EOFError, OSError):
            raise BackgroundError(f"making {self._what} stopped without a word") from None
        finally:
            self.close()
        if isinstance(message, _Failed):
            raise BackgroundError(f"making {self._what} failed:\n{message.detail}")
        return message[1]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.kill()  # done already, or no longer wanted
            self._proc.join()
            self._proc = None


def _yield_to_pages() -> None:
    """The files no page needs come last: on 2 cores the theme and the page worker need both."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)


def _make_and_write(make: Callable[[], Sequence[Asset]], site_dir: Path, conn) -> None:
    with _reported(conn, "the open-data and search files"):
        _yield_to_pages()
        assets = make()
        conn.send(("made", [asset.path for asset in assets]))
        try:
            if conn.recv() != "write":
                return
        except EOFError:  # the build stopped: write nothing
            return
        conn.send(("ok", write_assets(assets, site_dir)))


class AssetWriter:
    """Makes the files no page needs (search indexes, open data, badges) in forked
    processes, one per run of the plan's file jobs (:meth:`SitePlan.runs`), while the pages
    build; ``finish`` waits for them, checks that no two runs write one path, has them
    written into the site folder and raises on failure.

    The engine calls ``finish`` once it has written its pages, so the files never land in a
    folder the engine has yet to clean. Two runs: the open data took the last half second
    of a 1,000-item build while the other core waited.
    """

    def __init__(self, makes: Sequence[Callable[[], Sequence[Asset]]], site_dir: Path):
        self._makes = list(makes)
        self._site_dir = site_dir
        self._workers: list[tuple[Any, multiprocessing.process.BaseProcess]] = []
        self._stopping = False
        self._finisher: threading.Thread | None = None
        if _can_fork():
            ctx = multiprocessing.get_context("fork")
            for make in self._makes:
                conn, child = ctx.Pipe()
                proc = ctx.Process(target=_make_and_write, args=(make, site_dir, child), daemon=True)
                proc.start()
                child.close()
                self._workers.append((conn, proc))

    def finish(self) -> int:
        """How many files were written."""
        if not _can_fork():
            made = [list(make()) for make in self._makes]
            check_runs([asset.path for asset in assets] for assets in made)
            return write_assets([asset for assets in made for asset in assets], self._site_dir)
        try:
            try:
                check_runs(self._each_answer())
            except OutputCollision as err:
                raise BackgroundError(f"making the open-data and search files failed: {err}") from None
            for conn, _ in self._workers:
                conn.send("write")
            return sum(self._each_answer())
        except BaseException:
            self._kill()  # the build fails: the other runs need not finish
            raise
        finally:
            self.close()

    def _kill(self) -> None:
        for _, proc in self._workers:
            proc.kill()

    def _each_answer(self) -> list[Any]:
        """Every worker's next answer, in the workers' order; the first failure at once,
        whichever worker answers first (a run still working need not be waited for)."""
        answers: dict[Any, Any] = {}
        waiting = [conn for conn, _ in self._workers]
        while waiting:
            for conn in multiprocessing.connection.wait(waiting):
                try:
                    message = conn.recv()
                except (EOFError, OSError):  # the pipe's end, or its reset (a killed worker)
                    raise BackgroundError("the open-data and search files worker stopped "
                                          "without a word (killed, or out of memory?)") from None
                if isinstance(message, _Failed):
                    raise BackgroundError(f"making {message.what} failed:\n{message.detail}")
                answers[conn] = message[1]
                waiting.remove(conn)
        return [answers[conn] for conn, _ in self._workers]

    def finish_in_background(self, failed: Callable[[BackgroundError], None]) -> None:
        """Let the engine go on while the files are made and written (``mkdocs serve``
        reloads the browser as soon as the pages are written); a failure goes to ``failed``,
        a stop (``close(wait=0)``) is no failure."""
        if not self._workers:
            self.finish()
            return

        def wait() -> None:
            try:
                self.finish()
            except BackgroundError as err:
                if not self._stopping:
                    failed(err)

        self._finisher = threading.Thread(target=wait, daemon=True, name="i4ms-files")
        self._finisher.start()

    def close(self, wait: float = 30) -> None:
        """Let the workers end (after ``finish``), or stop them at once (``wait=0``: the build
        failed elsewhere, or a newer build will clean the folder): they write nothing more."""
        if wait == 0:
            self._stopping = True
            self._kill()  # first: a finish waiting in another thread sees the pipe end
        finisher = self._finisher
        if finisher is not None and finisher is not threading.current_thread():
            finisher.join()
        workers, self._workers = self._workers, []
        for conn, proc in workers:
            # Said, not left to the pipe's end: a worker forked later holds a copy of this
            # end, so closing it here would not end the pipe for a worker waiting to write.
            with contextlib.suppress(OSError):
                conn.send("stop")
            conn.close()
            proc.join(timeout=wait)
            if proc.is_alive():
                proc.kill()
                proc.join()
