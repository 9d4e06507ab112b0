"""WCAG 2.1 AA as a visitor meets it, in a real Chromium: axe-core (the pinned npm package)
finds no serious or critical violation on any kind of page at 375 and 1366 px; the keyboard
reaches everything through a skip link with a focus ring you can see; ticking a filter with
Space keeps the focus on it; nothing spills sideways at 320 px and no table cell breaks a word.

The site is served as GitHub Pages serves it (under the site's path, 404.html for a missing
page), so the 404 page is checked as visitors get it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.pages_server import serve_as_pages
from helpers.sitebuild import REPO

from i4ms.content.npm import find_node_modules

SITE_PATH = "/i4ms-portal/"  # the path of mkdocs.yml's site_url, where GitHub Pages serves it
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 900}
NARROW = {"width": 320, "height": 640}

COLLECTIONS = ["", "find-support/", "calls/", "projects/", "best-practices/", "organisations/",
               "events/", "news/", "labels/", "countries/", "technologies/", "open-data/",
               "about/", "legal-notice/", "privacy/"]
"""Home, every tab, the lists of countries and terms, and the pages written by hand."""

ITEM_FOLDERS = ["experiments", "calls", "projects", "offerings", "organisations", "events",
                "news", "labels", "countries", "technologies", "sectors", "technology_areas"]
"""One page of each kind of item and term (the first one built in each folder)."""


ALSO_REFUSED = {"heading-order"}
"""Moderate in axe, but Lighthouse's accessibility score counts it: refused too."""


def page_kinds(site: Path) -> list[str]:
    items = []
    for folder in ITEM_FOLDERS:
        first = sorted(p for p in (site / folder).iterdir() if (p / "index.html").is_file())
        assert first, f"no {folder} page was built"
        items.append(f"{folder}/{first[0].name}/")
    return COLLECTIONS + items + ["no-such-page/"]


@pytest.fixture(scope="module")
def pages_url(real_site: Path) -> Iterator[str]:
    with serve_as_pages(real_site, SITE_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def axe_source() -> str:
    return (find_node_modules(REPO) / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[str]:
    """Serious and critical violations of the WCAG 2.0/2.1 A and AA rules, one line each."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values:"
        " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},"
        " resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {n['target']} {n['failureSummary'][:160]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical") or v["id"] in ALSO_REFUSED
            for n in v["nodes"][:3]]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1366"])
def test_axe_finds_no_serious_or_critical_violation_on_any_kind_of_page(
        watched, real_site: Path, pages_url: str, axe_source: str, viewport: dict) -> None:
    page = watched.page
    page.set_viewport_size(viewport)
    found, errors = {}, {}
    for path in page_kinds(real_site):
        watched.errors.clear()
        response = page.goto(pages_url + path)
        missing = path == "no-such-page/"
        assert response.status == (404 if missing else 200), path
        page.wait_for_load_state("load")
        if violations := axe_violations(page, axe_source):
            found[path or "home"] = violations
        # The 404 page's own status is the one error its console may show.
        if [e for e in watched.errors if not (missing and "status of 404" in e)]:
            errors[path or "home"] = watched.errors[:]
    assert found == {}
    assert errors == {}


def test_axe_finds_none_on_a_large_synthetic_site_with_pages_of_results(
        watched, synthetic_site: Path, axe_source: str) -> None:
    """Hundreds of items bring what the real content lacks: page 2 of a collection, long lists
    of facets, countries without a hub."""
    paged = sorted(str(p.parent.relative_to(synthetic_site)) + "/"
                   for p in synthetic_site.glob("*/page/2/index.html"))
    assert paged, "no collection has a second page"
    page = watched.page
    found = {}
    with serve_as_pages(synthetic_site, SITE_PATH) as url:
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            for path in ["", "best-practices/", "countries/", *paged]:
                page.goto(url + path)
                page.wait_for_load_state("load")
                if violations := axe_violations(page, axe_source):
                    found[f"{viewport['width']} {path}"] = violations
    assert found == {}


def test_axe_would_report_what_the_portal_had(watched, pages_url: str, axe_source: str) -> None:
    """The check can fail: Material's own faint tabs and links told apart by colour alone."""
    page = watched.page
    page.goto(pages_url + "calls/")
    # At once: Material fades a tab's opacity over 0.25 s, and axe reading it half-way found
    # the contrast still sufficient (CI saw it once).
    page.add_style_tag(content=".md-tabs__link { opacity: .7; transition: none !important } "
                       ".md-typeset a { text-decoration: none !important }")
    found = " ".join(axe_violations(page, axe_source))
    assert "color-contrast (serious)" in found and "link-in-text-block (serious)" in found


def test_the_404_page_is_served_styled_with_a_way_home(watched, pages_url: str) -> None:
    page = watched.page
    response = page.goto(pages_url + "experiments/no-such-experiment/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") != "static"
    article = page.locator("article")
    for name, path in [("Open calls", "calls/"), ("Best practices", "best-practices/"),
                       ("Find support", "find-support/"), ("Home", "")]:
        link = article.get_by_role("link", name=name, exact=True)
        assert page.request.get(link.evaluate("a => a.href")).ok
        assert link.evaluate("a => a.href") == pages_url + path
    article.get_by_role("link", name="Open calls", exact=True).click()
    page.wait_for_url(pages_url + "calls/")
    assert [e for e in watched.errors if "status of 404" not in e] == []
    assert watched.off_site(pages_url) == []


# Keyboard ---------------------------------------------------------------------------------

FOCUS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), type: e.type || '', id: e.id, cls: String(e.className),
          text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight}; }"""


@pytest.mark.parametrize("path", ["", "experiments/capsule/", "no-such-page/"])
def test_the_first_tab_stop_skips_to_the_content(watched, pages_url: str, path: str) -> None:
    page = watched.page
    page.set_viewport_size(PHONE)
    page.goto(pages_url + path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS)
    assert first["text"] == "Skip to content" and first["visible"] and first["outline"] >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "i4ms-main"
    page.keyboard.press("Tab")  # the next stop is past the header, the tabs and the side menu
    past = page.evaluate("document.getElementById('i4ms-main').compareDocumentPosition("
                         "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert past and not page.evaluate("!!document.activeElement.closest('.md-header, .md-tabs')")


def _tab_through(page, stops: int) -> list[dict]:
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop["tag"] == "body":  # past the last control: the browser's own UI is next
            break
        seen.append(stop)
    return seen


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1366"])
@pytest.mark.parametrize("path, wanted", [
    ("find-support/", {"checkbox", "select-one"}),
    ("best-practices/", {"search", "checkbox"}),
    ("calls/", {"search", "checkbox"}),
])
def test_every_control_shows_its_focus(watched, pages_url: str, viewport: dict, path: str,
                                       wanted: set[str]) -> None:
    """Tab through the page's first 60 stops: each one has a focus ring of 2 px or more,
    the search boxes and the filters' checkboxes among them."""
    page = watched.page
    page.set_viewport_size(viewport)
    page.goto(pages_url + path)
    page.wait_for_selector("[data-i4ms-search][data-ready], [data-i4ms-find]", state="attached")
    if viewport is PHONE:  # on a phone the facets start folded: open them as a visitor would
        page.evaluate("document.querySelectorAll('details.i4ms-facet').forEach(d => d.open = true)")
    stops = _tab_through(page, 60)
    unseen = [s for s in stops if s["outline"] < 2 or not s["visible"]]
    assert unseen == []
    assert wanted <= {s["type"] for s in stops}


@pytest.mark.parametrize("path", ["best-practices/", "calls/"])
def test_space_on_a_filter_keeps_the_focus_on_it(watched, pages_url: str, path: str) -> None:
    page = watched.page
    page.set_viewport_size(DESKTOP)
    page.goto(pages_url + path)
    page.wait_for_selector("[data-i4ms-search][data-ready]", state="attached")
    page.locator("[data-i4ms-q]").focus()
    for _ in range(40):  # to the first filter, by keyboard
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    box = page.evaluate("[document.activeElement.dataset.facet, document.activeElement.value]")
    page.keyboard.press("Space")
    page.wait_for_function(f"location.search.includes('{box[0]}=')")
    after = page.evaluate("[document.activeElement.dataset.facet, document.activeElement.value,"
                          " document.activeElement.checked]")
    assert after == [*box, True]
    page.keyboard.press("Space")
    page.wait_for_function(f"!location.search.includes('{box[0]}=')")
    assert page.evaluate("[document.activeElement.value, document.activeElement.checked]") == [
        box[1], False]


# Layout -----------------------------------------------------------------------------------

SPILL = """() => { const W = document.documentElement.clientWidth; const out = [];
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if (p !== document.documentElement &&
      (o === 'auto' || o === 'scroll' || o === 'hidden')) return true; } return false; };
  for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 1 && !scrolls(e) && getComputedStyle(e).position !== 'fixed')
      out.push(e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0] + ' +' +
               Math.round(r.right - W) + 'px'); }
  return out.slice(0, 5); }"""

BROKEN_WORDS = """() => { const out = [];
  for (const cell of document.querySelectorAll('article td, article th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      for (const m of t.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange(); range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                .map(r => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]); } } }
  return out.slice(0, 8); }"""


def test_nothing_spills_sideways_at_320_px_and_no_table_breaks_a_word(
        watched, real_site: Path, pages_url: str) -> None:
    page = watched.page
    page.set_viewport_size(NARROW)
    spills, breaks = {}, {}
    for path in page_kinds(real_site):
        page.goto(pages_url + path)
        page.wait_for_load_state("load")
        if found := page.evaluate(SPILL):
            spills[path] = found
        if words := page.evaluate(BROKEN_WORDS):
            breaks[path] = words
    assert spills == {}
    assert breaks == {}, '\n'.join(f'{k}: {v}' for k, v in breaks.items())


@pytest.mark.parametrize("path", ["organisations/", "best-practices/", "calls/", "projects/"])
def test_without_javascript_the_lists_fit_320_px_too(no_js_page, pages_url: str, path: str) -> None:
    """Without JavaScript (or before it runs) a collection shows its static list, not the search
    results: the organisations' table was 386 px wide there."""
    no_js_page.set_viewport_size(NARROW)
    no_js_page.goto(pages_url + path)
    assert no_js_page.locator("[data-i4ms-static]").first.is_visible()
    assert no_js_page.evaluate(SPILL) == []


def test_without_javascript_an_item_page_does_not_scroll_sideways_at_320_px(
        no_js_page, pages_url: str) -> None:
    """Material's header holds the page title, hidden and shifted right, until its script
    shows it: without the script the page was 13 px wider than the phone."""
    no_js_page.set_viewport_size(NARROW)
    no_js_page.goto(pages_url + "experiments/capsule/")
    title = no_js_page.locator(".md-header__topic").last
    assert len(title.inner_text()) > 30  # a title long enough to reach past the screen
    assert no_js_page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert no_js_page.evaluate(SPILL) == []


def test_the_layout_checks_can_fail(watched, pages_url: str) -> None:
    page = watched.page
    page.set_viewport_size(NARROW)
    page.goto(pages_url)
    page.add_style_tag(content=".md-typeset .i4ms-cards { grid-template-columns: 18rem }")
    assert page.evaluate(SPILL)
    page.goto(pages_url + "experiments/capsule/")  # its partners' table
    page.add_style_tag(content="article td { word-break: break-all !important; max-width: 3rem }")
    assert page.evaluate(BROKEN_WORDS)


def test_the_calls_page_shows_the_calls_beside_its_filters_on_a_desktop(
        watched, pages_url: str) -> None:
    page = watched.page
    page.set_viewport_size(DESKTOP)
    page.goto(pages_url + "calls/")
    page.wait_for_selector("[data-i4ms-search][data-ready]", state="attached")
    facets = page.locator("[data-i4ms-facets]").bounding_box()
    first_group = page.locator("[data-i4ms-group] h2").first.bounding_box()
    assert first_group["x"] > facets["x"] + facets["width"]  # in the column to the right
    assert first_group["y"] < facets["y"] + 200  # at the top of it, not below the filters
