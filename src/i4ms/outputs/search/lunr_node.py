"""lunr indexes built by lunr.js under Node, in one process per batch.

The browser queries every index with lunr.js (:mod:`i4ms.outputs.search.vendor`), so the
index is built by the same library at the same version: the words a query is stemmed and
trimmed to are the words the index holds (the Python port trims some tokens differently,
e.g. ``d.o.o.``). It is also several times faster than the Python port: at 1,000 items the
site search index and the collection indexes took 2.5 s in Python, about 0.5 s here. Node
is required anyway: ``npm ci`` installs lunr.js.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from i4ms.outputs.search.vendor import LUNR_VERSION, VendorError, lunr_js

SCRIPT = Path(__file__).with_name("lunr_build.js")

Documents = Sequence[dict[str, str]]


class LunrBuildError(VendorError):
    pass


def build_indexes(node_modules: Path, batches: Sequence[Documents], *, ref: str = "r",
                  fields: Sequence[str] = ("body",)) -> list[dict[str, Any]]:
    """One serialized lunr index (``Index.toJSON()``) per list of documents, in order.

    An empty list gives an empty index as lunr.js reads it (lunr.js divides by the number of
    documents, so it cannot build one).
    """
    lunr_js(node_modules)  # the pinned version, or a clear error
    wanted = [i for i, docs in enumerate(batches) if docs]
    built: list[dict[str, Any]] = []
    if wanted:
        node = shutil.which("node")
        if node is None:
            raise LunrBuildError("node is not on PATH: the search indexes are built with lunr.js "
                                 "under Node.js (bash scripts/setup.sh installs both)")
        jobs = [{"ref": ref, "fields": list(fields), "documents": list(batches[i])} for i in wanted]
        run = subprocess.run([node, str(SCRIPT), str(node_modules / "lunr" / "lunr.js")],
                             input=json.dumps(jobs, ensure_ascii=False).encode("utf-8"),
                             capture_output=True, check=False)
        if run.returncode != 0:
            raise LunrBuildError(f"building the search indexes with lunr.js failed (node exited "
                                 f"{run.returncode}):\n{run.stderr.decode('utf-8', 'replace')[-3000:]}")
        built = json.loads(run.stdout)
    out: list[dict[str, Any]] = [empty_index(fields) for _ in batches]
    for i, index in zip(wanted, built, strict=True):
        out[i] = index
    return out


def empty_index(fields: Sequence[str]) -> dict[str, Any]:
    return {"version": LUNR_VERSION, "fields": list(fields), "fieldVectors": [],
            "invertedIndex": [], "pipeline": ["stemmer"]}
