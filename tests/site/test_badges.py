"""A badge per grant: a holder labelled in two years gets two badges, each with its year."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from i4ms.graph import load_graph
from i4ms.graph.build import Holding
from i4ms.outputs.pictures.badges import badge_svg
from i4ms.render.renderer import Renderer
from i4ms.views.badge_geometry import badge_width
from i4ms.views.links import BadgeView, badges
from i4ms.views.urls import absolute

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


# -- the embed code a holder copies into their own website -----------------------------------

HOSTILE_NAMES = [
    '" onmouseover="alert(1)" x="',
    "' onmouseover='alert(1)' x='",
    '"><script>alert(1)</script><img src=x onerror=alert(1) x="',
    "Tom & Jerry <b>award</b> &amp; &#34; \"quoted\"",
]


class _CopiedCode(HTMLParser):
    """The text of each <code> in a built page: what a holder selects and copies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.codes: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "code":
            self._depth += 1
            self.codes.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.codes[-1] += data


class _Pasted(HTMLParser):
    """The holder's website parsing the pasted snippet: every element and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def _embed_snippet(name: str) -> str:
    badge = BadgeView("x-label", name, 2024, "badges/x-label/organisations/acme.svg",
                      "labels/x-label/")
    page = Renderer().env.from_string(
        '{% import "_macros.html" as m with context %}{{ m.embed(b, "organisations/acme/") }}'
    ).render(b=badge, site_url="https://portal.example/", absolute=absolute)
    codes = _CopiedCode()
    codes.feed(page)
    snippets = [c for c in codes.codes if c.startswith("<a ")]
    assert len(snippets) == 1, page
    return snippets[0]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_copied_embed_code_is_safe_html_whatever_the_label_name(name: str) -> None:
    pasted = _Pasted()
    pasted.feed(_embed_snippet(name))
    pasted.close()
    assert pasted.elements == [
        ("a", {"href": "https://portal.example/organisations/acme/"}),
        ("img", {"src": "https://portal.example/badges/x-label/organisations/acme.svg",
                 "alt": f"{name} 2024", "width": str(badge_width(name, 2024)), "height": "24"}),
    ]
    assert pasted.text == ""  # nothing leaked out of the attribute as text or markup


@pytest.mark.parametrize(("name", "year"), [("I4MS-SAE label", 2019), ("I4MS Disruptors Award", None),
                                            ("A much longer label name than usual", 2025)])
def test_the_img_reserves_the_box_the_svg_draws(name: str, year: int | None) -> None:
    """The page's ``<img>`` says the badge's size (no layout shift when it loads): the same
    width and height as the SVG that is served for it."""
    badge = BadgeView("x-label", name, year, "badges/x-label/experiments/x.svg", "labels/x-label/")
    page = Renderer().env.from_string(
        '{% import "_macros.html" as m with context %}{{ m.badge(b) }}'
    ).render(b=badge, link=lambda url: url)
    img = _Pasted()
    img.feed(page)
    attrs = dict(img.elements)["img"]
    svg = _Pasted()
    svg.feed(badge_svg(name, year))
    drawn = dict(svg.elements)["svg"]
    assert (attrs["width"], attrs["height"]) == (drawn["width"], drawn["height"])
