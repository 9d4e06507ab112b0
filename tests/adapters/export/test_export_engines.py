"""The exported tree, rendered by ProperDocs + Material and by Zensical with no hooks of ours:
the site a visitor gets is whole (every item page, every internal link resolves) and its
pages carry the HTML and the <head> markup our renderer made for MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, fixed_moment
from linkwalk import broken_links
from markupsafe import escape

from i4ms.graph import load_graph
from i4ms.render.pages import PageRenderer
from i4ms.render.recipe import prepare
from i4ms.views.urls import ITEM_FOLDERS, item_url, url_of

ENGINE_NAMES = ["properdocs", "zensical"]


def _built_file(site: Path, src_uri: str) -> Path:
    return site / url_of(src_uri) / "index.html"


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_no_broken_internal_link(rendered, name: str) -> None:
    site = rendered(name).site
    assert broken_links(site) == []


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_every_item_page_is_there(rendered, name: str) -> None:
    site = rendered(name).site
    graph = load_graph(FIXTURE)
    missing = []
    for collection in ITEM_FOLDERS:
        ids = getattr(graph, collection)
        assert ids, f"the fixture has no {collection}: the test would prove nothing"
        missing += [item_url(collection, i) for i in ids
                    if not (site / item_url(collection, i) / "index.html").is_file()]
    assert missing == []


@pytest.fixture(scope="module")
def pages():
    with fixed_moment():
        _ctx, plan = prepare(FIXTURE, REPO / "node_modules",
                             site_url="https://i4ms-portal.github.io/i4ms-portal/", site_name="I4MS portal",
                             site_description="Calls, projects, marketplace and success stories of I4MS, "
                             "the EU initiative for digital innovation in manufacturing SMEs.")
        render = PageRenderer(plan)
        return {src: (plan.pages[src], render(src)) for src in plan.pages}


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_pages_hold_our_html_and_head(rendered, pages, name: str) -> None:
    """Byte for byte: Markdown changed nothing in our HTML, and the override printed the
    sharing metadata and JSON-LD into <head>, once."""
    site = rendered(name).site
    wrong = []
    for src, (_plan, page) in pages.items():
        built = _built_file(site, src).read_text(encoding="utf-8")
        head, _, body = built.partition("</head>")
        if page.html not in body:
            wrong.append(f"{src}: our HTML is not in the page as rendered")
        if page.head and head.count(page.head) != 1:
            wrong.append(f"{src}: the <head> markup is not in <head> once")
    assert wrong == []


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_titles_and_descriptions_escaped_once(rendered, pages, name: str) -> None:
    site = rendered(name).site
    checked = 0
    for src, (plan, _page) in pages.items():
        if src == "index.md":
            continue
        built = _built_file(site, src).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", built, re.S).group(1).strip()
        assert title == f"{escape(plan.title)} - I4MS portal", src
        if plan.description:
            assert f'<meta name="description" content="{escape(plan.description)}">' in built, src
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_hand_written_page_and_theme_files(rendered, name: str) -> None:
    site = rendered(name).site
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "About this portal" in about
    assert '<meta property="og:url" content="https://i4ms-portal.github.io/i4ms-portal/about/">' in about
    for asset in ("assets/i4ms.css", "assets/i4ms.js", "assets/i4ms-search.js"):
        assert (site / asset).read_bytes() == (REPO / "overrides" / asset).read_bytes()
        assert asset in (site / "index.html").read_text(encoding="utf-8") or asset != "assets/i4ms.css"
