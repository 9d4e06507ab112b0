"""What makes the portal read like an EU initiative's site, checked on rendered pages of the
fixture content with a few items added: every linked country has a page, item pages say where
they are, unknown values read "not stated", the footer's date comes from the content."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from i4ms.graph import load_graph
from i4ms.outputs.footer import content_updated, footer
from i4ms.outputs.pages import plan_site
from i4ms.outputs.pages.countries import country_counts, country_facts
from i4ms.outputs.plan import SitePlan
from i4ms.outputs.sections import section_of, trail
from i4ms.render.pages import PageRenderer
from i4ms.views.context import BuildContext
from i4ms.views.periods import period_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
NOW = datetime(2026, 1, 1, tzinfo=UTC)

EXTRA = {
    # A company of unknown size in a country no experiment names: its link must not 404.
    "organisations/ferram.md": """---
name: Ferram Works
country: CZ
type: company
sources:
  - title: Synthetic test fixture, not published.
---
Synthetic test fixture, not published.
""",
    # A call with no budget and no eligible countries: both unknown, neither "none" nor "any".
    "calls/alpha-fab-open-call-3.md": """---
title: Alpha Fab open call 3
project: alpha-fab
opens: 2024-01-10
closes: 2024-03-10
timezone: Europe/Lisbon
url: https://alphafab.example/open-call-3
summary: A call whose sources give neither budget nor eligible countries.
sources:
  - title: Synthetic test fixture, not published.
---
Synthetic test fixture, not published.
""",
}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("look") / "content"
    shutil.copytree(FIXTURE, root)
    for path, text in EXTRA.items():
        (root / path).write_text(text, encoding="utf-8")
    offering = root / "offerings" / "lumen-robot-training.md"
    offering.write_text(offering.read_text(encoding="utf-8").replace("countries: [ES]",
                                                                      "countries: [ES, FI]"),
                        encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ctx(content: Path) -> BuildContext:
    return BuildContext(graph=load_graph(content), now=NOW, site_url="https://example.org/")


@pytest.fixture(scope="module")
def plan(ctx: BuildContext) -> SitePlan:
    return plan_site(ctx)


@pytest.fixture(scope="module")
def pages(plan: SitePlan) -> dict[str, str]:
    render = PageRenderer(plan)
    return {src: render(src).html for src in plan.pages}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def _resolve(src: str, href: str) -> str:
    """A relative link of page ``src`` (served as a directory URL) as a root-relative URL."""
    base = src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/"
    parts = [p for p in base.split("/") if p]
    for piece in href.split("#")[0].split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts) + "/"


def test_every_country_link_on_every_page_has_a_page(plan: SitePlan, pages: dict[str, str]) -> None:
    urls = {src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/"
            for src in plan.pages}
    linked = set()
    for src, html in pages.items():
        for href in re.findall(r'href="([^"]+)"', html):
            if "countries/" in href and "://" not in href:
                linked.add(_resolve(src, href))
    assert {"countries/cz/", "countries/fi/", "countries/es/"} <= linked
    assert linked - urls == set()


def test_a_country_page_lists_its_organisations_and_hubs(pages: dict[str, str]) -> None:
    cz = text_of(pages["countries/cz/index.md"])
    assert "Ferram Works" in cz and "0 experiments" in cz
    es = pages["countries/es/index.md"]
    hubs = es.split('id="dihs"')[1].split("<h2")[0]
    assert "Lumen" in hubs  # a DIH by type, and a project's DIH


def test_dihs_are_counted_by_type_and_by_project(ctx: BuildContext) -> None:
    facts = country_facts(ctx)
    assert facts["ES"].dihs == ["lumen-dih"]
    assert facts["CZ"].organisations == ["ferram"] and facts["CZ"].experiments == []
    assert facts["FI"].offerings == ["lumen-robot-training"]
    counts = country_counts(ctx)
    assert counts["ES"].dihs == 1 and counts["CZ"].no_hub


def test_the_home_page_and_the_countries_page_carry_the_map_with_links(pages: dict[str, str]) -> None:
    for src in ("index.md", "countries/index.md"):
        html = pages[src]
        assert 'class="i4ms-map__svg"' in html and "i4ms-map-table" in html
        svg = html.split('class="i4ms-map__svg"')[1].split("</svg>")[0]
        targets = {_resolve(src, h) for h in re.findall(r'href="([^"]+)"', svg)}
        assert "countries/cz/" in targets  # organisations only: still on the map, linked


def test_item_pages_say_where_they_are(plan: SitePlan, pages: dict[str, str]) -> None:
    assert section_of("experiments/smart-weld.md") == "best-practices/index.md"
    assert section_of("offerings/alpha-market.md") == "projects/index.md"
    assert section_of("index.md") is None and section_of("about.md") is None
    crumbs = trail(plan, "experiments/smart-weld.md")
    assert [c.url for c in crumbs] == ["best-practices/", ""]
    assert crumbs[-1].text == plan.pages["experiments/smart-weld.md"].title
    assert [c.url for c in trail(plan, "countries/cz/index.md")] == ["best-practices/", "countries/", ""]
    assert trail(plan, "best-practices/index.md") == [] and trail(plan, "index.md") == []
    html = pages["experiments/smart-weld.md"]
    assert html.index('aria-label="Breadcrumb"') < html.index("<h1")
    assert '<a href="../../best-practices/">' in html.split("</nav>")[0]


def test_unknown_values_read_not_stated(pages: dict[str, str]) -> None:
    call = text_of(pages["calls/alpha-fab-open-call-3.md"])
    assert "Budget not stated" in call and "Open to not stated" in call
    assert "Per experiment not stated" in call
    org = text_of(pages["organisations/ferram.md"])
    assert "Type Company (size not stated)" in org
    listing = text_of(pages["organisations/index.md"])
    assert "Company (size not stated)" in listing and " company " not in listing


def test_periods_use_the_one_date_format() -> None:
    assert period_text(date(2021, 3, 1), date(2022, 8, 31)) == "1 March 2021 to 31 August 2022"
    assert period_text(date(2021, 3, 1), None) == "from 1 March 2021 (end not stated)"
    assert period_text(None, None) == "not stated"


def test_content_last_updated_is_the_latest_commit_else_the_latest_past_date(
        ctx: BuildContext) -> None:
    dated = BuildContext(graph=ctx.graph, now=NOW, site_url=ctx.site_url, content_dates={
        "calls/alpha-fab-open-call-1.md": datetime(2025, 6, 2, 9, tzinfo=UTC),
        "experiments/smart-weld.md": datetime(2025, 11, 20, 17, tzinfo=UTC),
    })
    assert content_updated(dated) == date(2025, 11, 20)
    assert footer(dated).updated_text == "20 November 2025"
    # No git: the latest date the content gives that is not in the future (a call's opening).
    assert content_updated(ctx) == date(2025, 10, 1)
    nothing = BuildContext(graph=load_graph(FIXTURE), now=datetime(2000, 1, 1, tzinfo=UTC),
                           site_url=ctx.site_url)
    assert content_updated(nothing) is None and footer(nothing).updated_text == "not stated"
