"""Derived, never typed twice: relations the graph computes from the items that name each other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i4ms.graph import Graph, load_graph
from i4ms.graph.build import Holding, Participation

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
SAE = "i4ms-sae-label"
AWARD = "disruptors-award"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(SITE)


def copy_site(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SITE, root)
    return root


def test_collections(graph: Graph) -> None:
    assert sorted(graph.projects) == ["alpha-fab", "beta-csa"]
    assert sorted(graph.experiments) == ["fabric-twin", "fjord-hpc", "smart-weld"]
    assert sorted(graph.organisations) == [
        "acme-robotics", "fjord-research", "lumen-dih", "tessile-srl"
    ]
    assert sorted(graph.calls) == ["alpha-fab-open-call-1", "alpha-fab-open-call-2"]
    assert sorted(graph.offerings) == ["alpha-market", "lumen-robot-training"]
    assert {k: v.model.kind for k, v in graph.labels.items()} == {SAE: "label", AWARD: "award"}


def test_an_organisations_experiments_come_from_the_experiments(graph: Graph) -> None:
    assert graph.org_experiments["fjord-research"] == [
        Participation("fabric-twin", "research-partner"),
        Participation("fjord-hpc", "end-user"),
        Participation("smart-weld", "technology-provider"),
    ]
    assert graph.org_experiments["acme-robotics"] == [Participation("smart-weld", "end-user")]
    assert graph.org_experiments["lumen-dih"] == [
        Participation("fjord-hpc", "hpc-provider"), Participation("smart-weld", "dih")
    ]
    assert graph.org_experiments["tessile-srl"] == [Participation("fabric-twin", "end-user")]


def test_an_organisations_projects(graph: Graph) -> None:
    assert graph.org_projects["acme-robotics"] == ["alpha-fab"]  # through its experiment
    assert graph.org_projects["fjord-research"] == ["alpha-fab"]  # experiments + coordinator
    assert graph.org_projects["lumen-dih"] == ["alpha-fab", "beta-csa"]  # dih, coordinator
    assert graph.org_projects["tessile-srl"] == ["alpha-fab"]


def test_a_grant_on_an_experiment_is_held_by_every_partner(graph: Graph) -> None:
    earned = Holding(SAE, 2024, "smart-weld")
    for org in ("acme-robotics", "fjord-research", "lumen-dih"):
        assert graph.org_holdings[org] == [earned], org
    assert graph.label_experiments[SAE] == [earned]
    assert graph.label_organisations[SAE] == [
        ("acme-robotics", earned), ("fjord-research", earned), ("lumen-dih", earned)
    ]


def test_a_grant_to_an_organisation_directly(graph: Graph) -> None:
    direct = Holding(AWARD, 2025, None)
    assert graph.org_holdings["tessile-srl"] == [direct]
    assert graph.label_organisations[AWARD] == [("tessile-srl", direct)]
    assert AWARD not in graph.label_experiments


def test_labelled_organisations(graph: Graph) -> None:
    assert graph.labelled_organisations() == {
        "acme-robotics", "fjord-research", "lumen-dih", "tessile-srl"
    }


def test_an_organisation_in_two_labelled_experiments_holds_both(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    exp = root / "experiments" / "fabric-twin.md"
    exp.write_text(exp.read_text().replace(
        "sectors: [textiles]\n", "sectors: [textiles]\ngrants:\n  - label: i4ms-sae-label\n"
    ))
    g = load_graph(root)
    assert g.org_holdings["fjord-research"] == [
        Holding(SAE, None, "fabric-twin"), Holding(SAE, 2024, "smart-weld")
    ]
    assert g.org_holdings["tessile-srl"] == [
        Holding(SAE, None, "fabric-twin"), Holding(AWARD, 2025, None)
    ]


def test_experiment_countries_come_from_partners(graph: Graph) -> None:
    assert graph.experiment_countries["smart-weld"] == ["DE", "ES", "NO"]
    assert graph.experiment_countries["fabric-twin"] == ["IT", "NO"]


def test_experiment_countries_when_given_are_kept(graph: Graph) -> None:
    # partners are in NO and ES; the experiment says it ran in NO
    assert graph.experiment_countries["fjord-hpc"] == ["NO"]
    assert graph.countries() == {"DE", "ES", "IT", "NO"}


def test_a_projects_experiments_calls_and_offerings(graph: Graph) -> None:
    assert graph.project_experiments == {"alpha-fab": ["fabric-twin", "fjord-hpc", "smart-weld"]}
    assert graph.project_calls == {"alpha-fab": ["alpha-fab-open-call-1", "alpha-fab-open-call-2"]}
    assert graph.project_offerings["alpha-fab"] == ["alpha-market"]
    assert "beta-csa" not in graph.project_experiments


def test_a_calls_experiments(graph: Graph) -> None:
    assert graph.call_experiments == {
        "alpha-fab-open-call-1": ["fabric-twin", "smart-weld"],
        "alpha-fab-open-call-2": ["fjord-hpc"],
    }


def test_success_stories(graph: Graph) -> None:
    assert graph.is_success_story("smart-weld")
    assert not graph.is_success_story("fabric-twin")
    assert not graph.is_success_story("fjord-hpc")


def test_three_sections_are_not_a_success_story(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    exp = root / "experiments" / "smart-weld.md"
    exp.write_text(exp.read_text().replace("## Impact", "Impact"))
    assert not load_graph(root).is_success_story("smart-weld")


def test_level_three_headings_are_not_a_success_story(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    exp = root / "experiments" / "smart-weld.md"
    exp.write_text(exp.read_text().replace("## ", "### "))
    assert not load_graph(root).is_success_story("smart-weld")


def test_items_point_back_at_their_source(graph: Graph) -> None:
    call = graph.calls["alpha-fab-open-call-2"]
    assert call.path.endswith("calls/alpha-fab-open-call-2.md")
    assert call.line("closes") == 6
    assert call.model.timezone == "Europe/Lisbon"
