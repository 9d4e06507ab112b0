"""Faceted search as a visitor uses it, in a real browser."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from helpers.sitebuild import FIXTURE, PAYLOADS
from playwright.sync_api import Page, expect

from i4ms.content.models.organisation import ORGANISATION_TYPES
from i4ms.graph import load_graph
from i4ms.graph.call_status import closes_at
from i4ms.outputs.search.paths import search_files
from i4ms.views.urls import item_url

RESULTS = "[data-i4ms-results] > li"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-i4ms-search][data-ready]")


def _titles(page: Page) -> list[str]:
    return page.locator(f"{RESULTS} h3").all_inner_texts()


def _type(page: Page, text: str) -> None:
    page.fill("[data-i4ms-q]", text)
    page.wait_for_function(
        "t => document.querySelector('[data-i4ms-q]').value === t && "
        "!document.querySelector('[data-i4ms-count]').textContent.startsWith('Loading')", arg=text)


def _counts(page: Page, facet: str) -> dict[str, int]:
    boxes = page.locator(f'input[data-facet="{facet}"]')
    out = {}
    for i in range(boxes.count()):
        box = boxes.nth(i)
        label = box.locator("xpath=..")
        out[box.get_attribute("value")] = int(label.locator(".i4ms-facet__count").inner_text())
    return out


def test_typing_narrows_the_results(watched, fixture_url: str) -> None:
    page = watched.page
    _open(page, fixture_url + "best-practices/")
    assert len(_titles(page)) == 3
    _type(page, "cloud")
    cloud = _titles(page)
    _type(page, "cloud cages")
    both = _titles(page)
    assert set(both) <= set(cloud) and both == ["Cloud simulation of fish-farm cages"]
    _type(page, "weld")  # a word being typed matches by its start
    assert _titles(page) == ["Smart welding cell with a digital twin"]
    _type(page, "Acme")  # partner names are searchable
    assert _titles(page) == ["Smart welding cell with a digital twin"]
    _type(page, "zzzz")
    assert _titles(page) == []
    assert "0 of 3" in page.inner_text("[data-i4ms-count]")
    assert watched.errors == [] and watched.off_site(fixture_url) == []


def test_facets_combine_and_their_counts_are_right(watched, fixture_url: str) -> None:
    g = load_graph(FIXTURE)
    exps = g.experiments
    page = watched.page
    _open(page, fixture_url + "best-practices/")
    assert _counts(page, "technology") == Counter(t for e in exps.values() for t in e.model.technologies)
    page.check('input[data-facet="technology"][value="ai"]')
    with_ai = {k for k, e in exps.items() if "ai" in e.model.technologies}
    assert set(_titles(page)) == {exps[k].model.title for k in with_ai}
    # another facet counts within the AI experiments; the technology facet keeps its own counts
    assert _counts(page, "sector") == Counter(s for k in with_ai for s in exps[k].model.sectors)
    assert _counts(page, "technology")["hpc"] == 1
    # two values of one facet widen (OR) ...
    page.check('input[data-facet="technology"][value="hpc"]')
    assert len(_titles(page)) == 3
    # ... two facets narrow (AND)
    page.check('input[data-facet="sector"][value="textiles"]')
    assert _titles(page) == ["Predicting fabric defects from loom data"]
    assert _counts(page, "sector")["marine"] == 1  # what choosing it instead would give
    assert watched.errors == []


def test_counts_are_right_on_a_site_with_many_items(watched, synthetic, synthetic_url: str) -> None:
    content, _ = synthetic
    g = load_graph(content)
    page = watched.page
    _open(page, synthetic_url + "organisations/")
    assert _counts(page, "type") == {t: n for t, n in Counter(
        o.model.type for o in g.organisations.values()).items()}
    page.check('input[data-facet="type"][value="dih"]')
    dihs = [o for o in g.organisations.values() if o.model.type == "dih"]
    expected = Counter(o.model.country for o in dihs)
    assert _counts(page, "country") == dict(expected)
    assert page.inner_text("[data-i4ms-count]").startswith(f"{len(dihs)} of {len(g.organisations)}")
    assert ORGANISATION_TYPES["dih"] in page.inner_text("[data-i4ms-facets]")


def test_the_url_holds_the_view_and_back_restores_it(watched, fixture_url: str) -> None:
    page = watched.page
    _open(page, fixture_url + "best-practices/")
    _type(page, "cloud")
    page.check('input[data-facet="country"][value="NO"]')
    query = parse_qs(urlparse(page.url).query)
    assert query == {"q": ["cloud"], "country": ["NO"]}
    shown = _titles(page)
    link = page.url
    other = page.context.new_page()
    _open(other, link)  # a link reproduces the view
    expect(other.locator("[data-i4ms-q]")).to_have_value("cloud")
    assert other.locator('input[data-facet="country"][value="NO"]').is_checked()
    assert _titles(other) == shown
    other.close()
    page.go_back()  # back: the facet is unchecked again, the query stays
    page.wait_for_function("() => !location.search.includes('country')")
    expect(page.locator('input[data-facet="country"][value="NO"]')).not_to_be_checked()
    expect(page.locator("[data-i4ms-q]")).to_have_value("cloud")
    page.go_back()  # and back to the unfiltered list
    page.wait_for_function("() => location.search === ''")
    expect(page.locator(RESULTS)).to_have_count(3)


def _listing_links(page: Page, base: str, folder: str) -> set[str]:
    """Every item link of a listing, following its pagination, as the page shows it without JS."""
    found: set[str] = set()
    todo, seen = [base + folder], set()
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        static = page.locator("[data-i4ms-static]")
        assert static.is_visible()
        for href in static.locator("a").evaluate_all("as => as.map(a => a.href)"):
            if re.search(rf"/{folder}page/\d+/$", href):
                todo.append(href)
            found.add(href)
    return found


def test_without_javascript_every_item_is_listed(no_js_page: Page, synthetic, synthetic_url: str) -> None:
    content, _ = synthetic
    g = load_graph(content)
    for folder, collection in [("best-practices/", "experiments"), ("organisations/", "organisations"),
                               ("calls/", "calls"), ("projects/", "offerings")]:
        links = _listing_links(no_js_page, synthetic_url, folder)
        expected = {synthetic_url + item_url(collection, i) for i in g.collection(collection)}
        assert expected <= links, (collection, len(expected - links))
        # No search box or filter that could not work (the calls' panel holds their list).
        assert no_js_page.locator("[data-i4ms-form]").is_hidden()
        assert no_js_page.locator("[data-i4ms-facets]").is_hidden()


def test_call_status_is_a_facet_computed_from_the_visitor_clock(watched, fixture_url: str) -> None:
    g = load_graph(FIXTURE)
    call = g.calls["alpha-fab-open-call-2"].model
    moment = closes_at(call) + timedelta(days=1)
    page = watched.page
    page.clock.install(time=moment)
    _open(page, fixture_url + "calls/")
    statuses = Counter(g.call_status(c, moment.astimezone(UTC)).value for c in g.calls)
    assert _counts(page, "status") == dict(statuses)
    page.check('input[data-facet="status"][value="closed"]')
    assert call.title in _titles(page)
    assert page.locator("[data-i4ms-static]").is_hidden()
    page.uncheck('input[data-facet="status"][value="closed"]')
    assert page.locator("[data-i4ms-static]").is_visible()  # the calls keep their status groups
    # the build saw it open: "closed" came from the browser's clock
    assert g.call_status("alpha-fab-open-call-2", datetime.now(tz=UTC)).value == "open"


def test_search_is_on_every_collection_and_the_header_search_still_works(
        watched, real_url: str) -> None:
    page = watched.page
    for folder in ("best-practices/", "organisations/", "calls/", "projects/"):
        _open(page, real_url + folder)
    _open(page, real_url + "best-practices/")
    _type(page, "fermentation")
    assert _titles(page)[0].startswith("FermiCloud")
    page.locator("#i4ms-site-q").press_sequentially("FermiCloud", delay=30)
    expect(page.locator("#i4ms-site-results [role=option]").first).to_contain_text("FermiCloud")
    assert watched.errors == [] and watched.off_site(real_url) == []
    fetched = {urlparse(u).path for u in watched.requests}
    files = search_files("experiments")
    assert {"/" + files["index"], "/" + files["lunr"]} <= fetched


def test_results_show_script_payloads_as_text(watched, hostile_url: str) -> None:
    page = watched.page
    _open(page, hostile_url + "best-practices/")
    _type(page, "Jerry")
    assert _titles(page) == [PAYLOADS["title"]]
    # summaries arrive after the first result: wait for them, then read them as text
    expect(page.locator(RESULTS).first).to_contain_text(PAYLOADS["summary"][:40])
    _open(page, hostile_url + "organisations/")
    _type(page, "Evil")
    assert _titles(page) == [PAYLOADS["name"]]
    # the header search shows them as text too
    page.locator("#i4ms-site-q").press_sequentially("Jerry", delay=20)
    expect(page.locator("#i4ms-site-results .i4ms-site-result__title").first).to_have_text(PAYLOADS["title"])
    assert page.evaluate("() => window.__xss") is None
    injected = ("[data-i4ms-results] :is(script, svg, b, i), #i4ms-site-results :is(script, img, svg, b, i),"
                " [data-i4ms-results] img:not(a.i4ms-badge > img)")  # badge images are ours
    assert page.locator(injected).count() == 0


@pytest.mark.parametrize("folder", ["calls/", "best-practices/"])
def test_when_the_records_cannot_be_fetched_the_list_stays_and_no_dead_box_shows(
        watched, fixture_url: str, folder: str) -> None:
    page = watched.page
    page.route("**/search/**", lambda route: route.abort())
    page.goto(fixture_url + folder)
    page.wait_for_function("document.querySelector('[data-i4ms-static]') &&"
                           " [...document.querySelectorAll('[data-i4ms-form]')]"
                           ".every(f => !f.offsetParent)")
    assert page.locator("[data-i4ms-static] a").first.is_visible()
    assert page.locator("[data-i4ms-form]").is_hidden()
    assert page.locator("[data-i4ms-facets]").is_hidden()
