"""lunr indexes built by lunr.js under Node, in one process per batch.

The browser queries every index with lunr.js (:mod:`i4ms.outputs.search.vendor`), so the
index is built by the same library at the same version: the words a query is stemmed and
trimmed to are the words the index holds (the Python port trims some tokens differently,
e.g. ``d.o.o.``). It is also several times faster than the Python port: at 1,000 items the
site search index and the collection indexes took 2.5 s in Python, about 0.5 s here. Node
is required anyway: ``npm ci`` installs lunr.js.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from i4ms.outputs.search.vendor import LUNR_VERSION, VendorError, lunr_js

SCRIPT = Path(__file__).with_name("lunr_build.js")

Documents = Sequence[dict[str, str]]


class LunrBuildError(VendorError):
    pass


def start_indexes(node_modules: Path, batches: Sequence[Documents], *, ref: str = "r",
                  fields: Sequence[str] = ("body",), significant: int | None = None,
                  ) -> Callable[[], list[str]]:
    """Start building one serialized lunr index (``Index.toJSON()``, as JSON text) per list
    of documents; the function returned waits for them, in order. Node runs meanwhile, so the
    caller can do other work (the other file jobs) on the other core. ``significant``: digits
    kept of each vector weight (they only rank results; shorter numbers keep the index small).

    The indexes stay text (:func:`embed` writes one into a payload): parsing them only to
    write them again took 0.16 s of the files of a 1,000-item build (profiled). An empty
    list gives an empty index as lunr.js reads it (lunr.js divides by the number of
    documents, so it cannot build one).
    """
    lunr_js(node_modules)  # the pinned version, or a clear error
    wanted = [i for i, docs in enumerate(batches) if docs]
    empty = [_compact(empty_index(fields)) for _ in batches]
    if not wanted:
        return lambda: empty
    node = shutil.which("node")
    if node is None:
        raise LunrBuildError("node is not on PATH: the search indexes are built with lunr.js "
                             "under Node.js (bash scripts/setup.sh installs both)")
    jobs = [{"ref": ref, "fields": list(fields), "documents": list(batches[i]),
             "significant": significant} for i in wanted]
    groups = _groups([len(job["documents"]) for job in jobs], _processes(len(jobs)))
    waits = [_start_node(node, node_modules, [jobs[i] for i in group]) for group in groups]

    def finish() -> list[str]:
        built: dict[int, str] = {}
        failed: LunrBuildError | None = None
        for group, wait in zip(groups, waits, strict=True):  # each waited for, even after a failure
            try:
                built.update(zip(group, wait(), strict=True))
            except LunrBuildError as err:
                failed = failed or err
        if failed is not None:
            raise failed
        indexes = list(empty)
        for position, i in enumerate(wanted):
            indexes[i] = built[position]
        return indexes

    return finish


def embed(data: dict[str, Any], key: str, raw: str) -> str:
    """``data`` as compact JSON with the JSON text ``raw`` as the value of ``key`` (last)."""
    if key in data:
        raise ValueError(f"{key!r} is already in the payload")
    head = _compact({**data, key: None})
    return head[: -len("null}")] + raw + "}"


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


PARALLEL_FROM = 2000
"""Documents from which the batches are split between Node processes, one per core: a
single-threaded Node was the build's last step at 10,000 items, one core idle meanwhile.
Below it, the collection and site indexes' two Nodes already share the cores, and two more
Node starts cost a 1,000-item build more than they gained (measured: 1.03x a plain Material
build with the split from 500 documents, 0.95x from 2,000)."""


def _processes(batches: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(batches, cores or 1))


def _groups(sizes: Sequence[int], processes: int) -> list[list[int]]:
    """Batch positions split into ``processes`` groups of about equal documents, each group's
    positions in order; one group below :data:`PARALLEL_FROM` documents."""
    if processes < 2 or sum(sizes) < PARALLEL_FROM:
        return [list(range(len(sizes)))]
    groups: list[list[int]] = [[] for _ in range(processes)]
    loads = [0] * processes
    for i in sorted(range(len(sizes)), key=lambda i: -sizes[i]):  # largest first, to the lightest
        lightest = loads.index(min(loads))
        groups[lightest].append(i)
        loads[lightest] += sizes[i]
    return [sorted(group) for group in groups if group]


def _start_node(node: str, node_modules: Path, jobs: list[dict[str, Any]]
                ) -> Callable[[], list[str]]:
    data = json.dumps(jobs, ensure_ascii=False).encode("utf-8")
    # stdin and stdout both carry megabytes: a thread writes while finish() reads.
    errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in wait(); a file: a full pipe would stall node
    process = subprocess.Popen([node, str(SCRIPT), str(node_modules / "lunr" / "lunr.js")],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
    writer = threading.Thread(target=_feed, args=(process, data), daemon=True)
    writer.start()

    def wait() -> list[str]:
        out = process.stdout.read()  # type: ignore[union-attr]
        process.wait()
        writer.join()
        errors.seek(0)
        err = errors.read()
        errors.close()
        if process.returncode != 0:
            raise LunrBuildError(f"building the search indexes with lunr.js failed (node exited "
                                 f"{process.returncode}):\n{err.decode('utf-8', 'replace')[-3000:]}")
        return out.decode("utf-8").split("\n")

    return wait


def _feed(process: subprocess.Popen, data: bytes) -> None:
    try:
        process.stdin.write(data)  # type: ignore[union-attr]
    except BrokenPipeError:  # node failed early: its stderr says why
        pass
    finally:
        with contextlib.suppress(OSError):
            process.stdin.close()  # type: ignore[union-attr]


def build_indexes(node_modules: Path, batches: Sequence[Documents], *, ref: str = "r",
                  fields: Sequence[str] = ("body",), significant: int | None = None,
                  ) -> list[dict[str, Any]]:
    """:func:`start_indexes`, waited for, and read (for tests and benchmarks)."""
    return [json.loads(text) for text in start_indexes(node_modules, batches, ref=ref,
                                                       fields=fields, significant=significant)()]


def empty_index(fields: Sequence[str]) -> dict[str, Any]:
    return {"version": LUNR_VERSION, "fields": list(fields), "fieldVectors": [],
            "invertedIndex": [], "pipeline": ["stemmer"]}
