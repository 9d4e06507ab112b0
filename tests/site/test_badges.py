"""A badge per grant: a holder labelled in two years gets two badges, each with its year."""

from __future__ import annotations

from pathlib import Path

from i4ms.graph import load_graph
from i4ms.graph.build import Holding
from i4ms.views.links import badges

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"


def test_two_years_two_stable_badges() -> None:
    g = load_graph(FIXTURE)
    held = [Holding("i4ms-sae-label", 2019, "smart-weld"), Holding("i4ms-sae-label", 2025, "fabric-twin")]
    views = badges(g, held, "organisations", "fjord-research")
    assert [b.url for b in views] == [
        "badges/i4ms-sae-label/organisations/fjord-research-2019.svg",
        "badges/i4ms-sae-label/organisations/fjord-research-2025.svg",
    ]
    assert [b.alt for b in views] == ["I4MS-SAE label 2019", "I4MS-SAE label 2025"]
    undated = badges(g, [Holding("i4ms-sae-label", None, None)], "organisations", "fjord-research")
    assert undated[0].url == "badges/i4ms-sae-label/organisations/fjord-research.svg"
