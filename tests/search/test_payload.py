"""The two files the browser loads: records and a lunr index that agree on item order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lunr.index import Index

from i4ms.content.npm import find_node_modules
from i4ms.graph import load_graph
from i4ms.outputs.search import payload
from i4ms.outputs.search.documents import BUILDERS, FACETS

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
NODE_MODULES = find_node_modules(Path(__file__).resolve().parent)


@pytest.fixture(scope="module")
def graph():
    return load_graph(FIXTURE)


@pytest.mark.parametrize("n", [0, 1, 35, 36, 1295, 1296, 10_000])
def test_refs_are_base_36_positions(n: int) -> None:
    assert int(payload.ref(n), 36) == n


@pytest.mark.parametrize("collection", list(BUILDERS))
def test_records_resolve_every_facet_value(graph, collection: str) -> None:
    docs = BUILDERS[collection](graph)
    data = json.loads(payload.to_json(payload.docs_payload(collection, docs)))
    assert data["count"] == len(docs) == len(data["docs"])
    assert [f["key"] for f in data["facets"]] == [f.key for f in FACETS[collection]]
    for doc, row in zip(docs, data["docs"], strict=True):
        assert row["t"] == doc.title and row["u"] == doc.url
        for i, facet in enumerate(data["facets"]):
            shown = [facet["values"][p][-1] for p in row["f"][i]]  # [id, name] or, hidden, [name]
            assert shown == [name for _, name in doc.facets[facet["key"]]]
            if not facet["hidden"]:
                ids = [facet["values"][p][0] for p in row["f"][i]]
                assert ids == [v for v, _ in doc.facets[facet["key"]]]


def test_the_index_finds_items_by_title_summary_and_partner(graph) -> None:
    docs = BUILDERS["experiments"](graph)
    data = json.loads(payload.to_json(payload.index_payload(NODE_MODULES, docs)))
    assert data["count"] == len(docs)
    index = Index.load(data["lunr"])
    urls = {d.url: i for i, d in enumerate(docs)}

    def found(query: str) -> set[str]:
        return {docs[int(r["ref"], 36)].url for r in index.search(query)}

    assert found("welding") == {"experiments/smart-weld/"}
    assert "experiments/fjord-hpc/" in found("cages")
    assert found("acme") == set()  # partner names are matched from the records, not the index
    refs = {field_ref.split("/", 1)[1] for field_ref, _ in data["lunr"]["fieldVectors"]}
    assert refs == {payload.ref(i) for i in urls.values()}  # every item, by its position


def test_summaries_follow_the_record_order(graph) -> None:
    docs = BUILDERS["experiments"](graph)
    data = payload.summaries_payload(docs)
    assert data["count"] == len(docs) and data["summaries"] == [d.summary for d in docs]


def test_two_builds_write_the_same_bytes(graph) -> None:
    docs = BUILDERS["organisations"](graph)
    first = payload.to_json(payload.index_payload(NODE_MODULES, docs)) + payload.to_json(
        payload.docs_payload("organisations", docs))
    second = payload.to_json(payload.index_payload(NODE_MODULES, docs)) + payload.to_json(
        payload.docs_payload("organisations", docs))
    assert first == second
