"""The search indexes are built by lunr.js under Node (i4ms.outputs.search.lunr_node) and
queried by lunr.js in the browser: a word a visitor types finds the page that says it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lunr import lunr

from i4ms.content.npm import find_node_modules
from i4ms.outputs.search.lunr_node import build_indexes

NODE_MODULES = find_node_modules(Path(__file__).resolve().parent)

# lunr.js as the header search and the collection search run it: load an index, search it.
QUERY = """
const lunr = require(process.argv[1]);
const {index, queries} = JSON.parse(require("fs").readFileSync(0, "utf8"));
const loaded = lunr.Index.load(index);
process.stdout.write(JSON.stringify(queries.map((q) => loaded.search(q).map((r) => r.ref))));
"""

DOCS = [
    {"r": "0", "body": "Hub of the Rhine Valley: cobots for welding shops in Malmö"},
    {"r": "1", "body": "Nordic Plastics AS, Norway: moulds with a digital twin (Škoda)"},
    {"r": "2", "body": "Adriatic Optics d.o.o. inspects lenses with machine learning"},
]


def _typed(query: str) -> str:
    """What the search scripts make of typed text before lunr.js sees it (tokens())."""
    return re.sub(r"^\W+|\W+$", "", query.lower()) or query


def _search(index: dict, queries: list[str]) -> list[list[str]]:
    run = subprocess.run(
        [shutil.which("node") or "node", "-e", QUERY, str(NODE_MODULES / "lunr" / "lunr.js")],
        input=json.dumps({"index": index, "queries": [_typed(q) for q in queries]}),
        capture_output=True, text=True,
        check=True)
    return json.loads(run.stdout)


QUERIES = ["valley", "Norway", "d.o.o.", "Malmö", "Škoda", "welding", "twins", "lenses"]


def test_typed_words_find_their_page() -> None:
    (index,) = build_indexes(NODE_MODULES, [DOCS])
    assert _search(index, QUERIES) == [["0"], ["1"], ["2"], ["0"], ["1"], ["0"], ["1"], ["2"]]


def test_the_python_port_missed_words_lunr_js_stems_its_own_way() -> None:
    """Why the indexes are no longer built by Python lunr 0.8: its stemmer makes "vallei" of
    "valley" and "norwai" of "Norway", and its trimmer keeps the last dot of "d.o.o.", so a
    visitor typing those words (stemmed by lunr.js in the browser) found nothing."""
    python = lunr(ref="r", fields=["body"], documents=DOCS).serialize()
    assert _search(python, QUERIES[:3]) == [[], [], []]


def test_batches_keep_their_order_and_an_empty_one_loads() -> None:
    first, empty, last = build_indexes(NODE_MODULES, [DOCS[:1], [], DOCS[1:]])
    assert _search(first, ["cobots"]) == [["0"]]
    assert _search(last, ["cobots", "moulds"]) == [[], ["1"]]
    assert empty["fieldVectors"] == [] and _search(empty, ["cobots"]) == [[]]


def test_two_builds_write_the_same_index() -> None:
    assert build_indexes(NODE_MODULES, [DOCS]) == build_indexes(NODE_MODULES, [DOCS])


def test_a_failing_node_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from i4ms.outputs.search import lunr_node

    broken = tmp_path / "broken.js"
    broken.write_text("throw new Error('no index today')\n", encoding="utf-8")
    monkeypatch.setattr(lunr_node, "SCRIPT", broken)
    with pytest.raises(lunr_node.LunrBuildError, match="no index today"):
        build_indexes(NODE_MODULES, [DOCS])
