"""Search records: every item once, with the facet values the graph says it has."""

from __future__ import annotations

from pathlib import Path

import pytest

from i4ms.graph import load_graph
from i4ms.outputs.search.documents import BUILDERS, FACETS, SUMMARY_CHARS, SearchDoc

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"


@pytest.fixture(scope="module")
def graph():
    return load_graph(FIXTURE)


def _by_url(docs: list[SearchDoc]) -> dict[str, SearchDoc]:
    return {d.url: d for d in docs}


def test_every_item_of_every_collection_has_one_record(graph) -> None:
    for collection, build in BUILDERS.items():
        docs = build(graph)
        assert len(docs) == len(graph.collection(collection)), collection
        assert len({d.url for d in docs}) == len(docs)
        for doc in docs:
            assert set(doc.facets) == {f.key for f in FACETS[collection]}


def test_experiment_facets_come_from_the_graph(graph) -> None:
    doc = _by_url(BUILDERS["experiments"](graph))["experiments/smart-weld/"]
    assert [v for v, _ in doc.facets["technology"]] == ["robotics", "digital-twins", "ai"]
    assert [v for v, _ in doc.facets["sector"]] == ["metals", "machinery"]
    assert [v for v, _ in doc.facets["label"]] == ["i4ms-sae-label"]
    assert [v for v, _ in doc.facets["country"]] == graph.experiment_countries["smart-weld"]
    # partners are a hidden facet: matched by name in the browser, never offered as a filter
    assert [v for v, _ in doc.facets["partner"]] == ["acme-robotics", "fjord-research", "lumen-dih"]
    assert next(f for f in FACETS["experiments"] if f.key == "partner").hidden


def test_labelled_experiments_come_first(graph) -> None:
    urls = [d.url for d in BUILDERS["experiments"](graph)]
    assert urls[0] == "experiments/smart-weld/"


def test_organisation_roles_technologies_and_labels_are_derived(graph) -> None:
    doc = _by_url(BUILDERS["organisations"](graph))["organisations/fjord-research/"]
    roles = {v for v, _ in doc.facets["role"]}
    assert roles == {"research-partner", "end-user", "technology-provider"}
    techs = {v for v, _ in doc.facets["technology"]}
    assert {"hpc", "robotics", "data-analytics"} <= techs


def test_calls_carry_their_instants_for_the_browser_clock(graph) -> None:
    for doc in BUILDERS["calls"](graph):
        assert doc.facets["status"] == []
        assert doc.extra["o"] < doc.extra["c"]
        assert doc.facets["country"]  # "not-stated" when the call names no country


def test_summaries_are_cut_on_a_word(graph) -> None:
    for docs in (b(graph) for b in BUILDERS.values()):
        for d in docs:
            assert len(d.summary) <= SUMMARY_CHARS
