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
                  ) -> Callable[[], list[dict[str, Any]]]:
    """Start building one serialized lunr index (``Index.toJSON()``) per list of documents;
    the function returned waits for them, in order. Node runs meanwhile, so the caller can do
    other work (the other file jobs) on the other core. ``significant``: digits kept of each
    vector weight (they only rank results; shorter numbers keep the index small).

    An empty list gives an empty index as lunr.js reads it (lunr.js divides by the number of
    documents, so it cannot build one).
    """
    lunr_js(node_modules)  # the pinned version, or a clear error
    wanted = [i for i, docs in enumerate(batches) if docs]
    empty = [empty_index(fields) for _ in batches]
    if not wanted:
        return lambda: empty
    node = shutil.which("node")
    if node is None:
        raise LunrBuildError("node is not on PATH: the search indexes are built with lunr.js "
                             "under Node.js (bash scripts/setup.sh installs both)")
    jobs = [{"ref": ref, "fields": list(fields), "documents": list(batches[i])} for i in wanted]
    data = json.dumps(jobs, ensure_ascii=False).encode("utf-8")
    # stdin and stdout both carry megabytes: a thread writes while finish() reads.
    errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in finish(); a file: a full pipe would stall node
    process = subprocess.Popen([node, str(SCRIPT), str(node_modules / "lunr" / "lunr.js")],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
    writer = threading.Thread(target=_feed, args=(process, data), daemon=True)
    writer.start()

    def finish() -> list[dict[str, Any]]:
        out = process.stdout.read()  # type: ignore[union-attr]
        process.wait()
        writer.join()
        errors.seek(0)
        err = errors.read()
        errors.close()
        if process.returncode != 0:
            raise LunrBuildError(f"building the search indexes with lunr.js failed (node exited "
                                 f"{process.returncode}):\n{err.decode('utf-8', 'replace')[-3000:]}")
        built = json.loads(out)
        indexes = list(empty)
        for i, index in zip(wanted, built, strict=True):
            if significant is not None:
                index["fieldVectors"] = [[r, _short_weights(v, significant)]
                                         for r, v in index["fieldVectors"]]
            indexes[i] = index
        return indexes

    return finish


def _short_weights(vector: list[float], significant: int) -> list[float]:
    """Serialized vectors alternate term positions and weights; shorten only the weights."""
    return [x if i % 2 == 0 else float(f"{x:.{significant}g}") for i, x in enumerate(vector)]


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
    """:func:`start_indexes`, waited for."""
    return start_indexes(node_modules, batches, ref=ref, fields=fields,
                         significant=significant)()


def empty_index(fields: Sequence[str]) -> dict[str, Any]:
    return {"version": LUNR_VERSION, "fields": list(fields), "fieldVectors": [],
            "invertedIndex": [], "pipeline": ["stemmer"]}
