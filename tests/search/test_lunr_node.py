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


def _many(n: int, word: str) -> list[dict[str, str]]:
    return [{"r": f"{word}-{i}", "body": f"{word} number {i}"} for i in range(n)]


def test_batches_split_between_node_processes_give_the_indexes_one_process_gives(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Big builds spread the batches over one Node per core: the files must not change."""
    from i4ms.outputs.search import lunr_node

    batches = [_many(300, "welding"), [], _many(200, "moulds"), _many(400, "lenses"), DOCS]
    started: list[int] = []
    start = lunr_node._start_node

    def counted(node, node_modules, jobs):
        started.append(len(jobs))
        return start(node, node_modules, jobs)

    monkeypatch.setattr(lunr_node, "_start_node", counted)
    monkeypatch.setattr(lunr_node, "_processes", lambda batches: 2)
    monkeypatch.setattr(lunr_node, "PARALLEL_FROM", 500)
    split = build_indexes(NODE_MODULES, batches)
    assert sorted(started) == [2, 2]  # 400 + 3 documents, 300 + 200
    started.clear()
    monkeypatch.setattr(lunr_node, "PARALLEL_FROM", 10**9)
    together = build_indexes(NODE_MODULES, batches)
    assert started == [4]
    assert split == together
    assert _search(split[3], ["lenses"])[0][:1] == ["lenses-0"]
    assert _search(split[4], ["cobots"]) == [["0"]]


def test_groups_balance_the_documents_and_keep_each_groups_order() -> None:
    from i4ms.outputs.search.lunr_node import _groups

    assert _groups([2000, 10, 1900, 50], 2) == [[0], [1, 2, 3]]
    assert _groups([100, 100], 2) == [[0, 1]]  # too few documents to be worth a second Node
    assert _groups([5000], 2) == [[0]]


def test_a_failing_node_among_several_is_reported(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    from i4ms.outputs.search import lunr_node

    broken = tmp_path / "broken.js"
    broken.write_text("throw new Error('no index today')\n", encoding="utf-8")
    monkeypatch.setattr(lunr_node, "SCRIPT", broken)
    monkeypatch.setattr(lunr_node, "_processes", lambda batches: 2)
    monkeypatch.setattr(lunr_node, "PARALLEL_FROM", 500)
    with pytest.raises(lunr_node.LunrBuildError, match="no index today"):
        build_indexes(NODE_MODULES, [_many(600, "welding"), _many(600, "moulds")])


def test_weights_keep_the_digits_asked_for_and_still_rank_the_same() -> None:
    docs = _many(50, "welding") + [{"r": "x", "body": "welding welding welding cobots"}]
    (full,) = build_indexes(NODE_MODULES, [docs])
    (short,) = build_indexes(NODE_MODULES, [docs], significant=2)
    weights = [w for _, vector in short["fieldVectors"] for w in vector[1::2]]
    assert weights and all(len(f"{w:.6g}".replace(".", "").lstrip("0")) <= 2 for w in weights)
    assert [w for _, v in full["fieldVectors"] for w in v[1::2]] != weights  # it was shortened
    assert _search(short, ["welding"])[0][0] == _search(full, ["welding"])[0][0] == "x"


def test_an_index_is_embedded_in_its_payload_as_written() -> None:
    from i4ms.outputs.search.lunr_node import embed

    text = embed({"format": 1, "count": 2}, "lunr", '{"v":[1,2.5]}')
    assert text == '{"format":1,"count":2,"lunr":{"v":[1,2.5]}}'
    assert json.loads(text)["lunr"] == {"v": [1, 2.5]}
    with pytest.raises(ValueError, match="count"):
        embed({"count": 2}, "count", "1")
