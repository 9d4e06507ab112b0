"""Find support on the real content: three company profiles get sensible top matches, each
with its reason; the answers stay in the browser and round-trip through a shared link."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page

DIGITBRAIN_OC2_OPEN = datetime(2022, 4, 1, 12, 0, tzinfo=UTC)
"""A moment inside the DIGITbrain 2nd open call (28 Feb - 31 May 2022), for the funding profile."""


def _find(page: Page, url: str, **answers: str | list[str]) -> None:
    page.goto(url + "find-support/")
    page.wait_for_selector("[data-i4ms-find]:not([hidden])")
    page.wait_for_function("() => !document.querySelector('[data-i4ms-find-results]')"
                           ".textContent.startsWith('Loading')")
    for field in ("country", "sector", "type", "technology"):
        if field in answers:
            page.select_option(f'select[name="{field}"]', answers[field])
    for need in answers.get("need", []):
        page.check(f'input[name="need"][value="{need}"]')


def _section(page: Page, key: str) -> list[tuple[str, str]]:
    """(title, reasons) of each match of a section, in rank order."""
    items = page.locator(f'[data-section="{key}"] li.i4ms-match')
    return [(items.nth(i).locator("a").first.inner_text(),
             items.nth(i).locator(".i4ms-match__why").inner_text()) for i in range(items.count())]


def _order(page: Page) -> list[str]:
    return page.locator("[data-section]").evaluate_all("ss => ss.map(s => s.dataset.section)")


def test_norwegian_aluminium_sme_needing_simulation(watched, real_url: str) -> None:
    page = watched.page
    _find(page, real_url, country="NO", sector="aluminium", type="sme", technology="simulation",
          need=["provider"])
    projects = _section(page, "projects")
    assert projects[0][0] == "CloudiFacturing"  # simulation, and partners in Norway
    assert "Works on Simulation" in projects[0][1] and "Norway" in projects[0][1]
    stories = _section(page, "stories")
    assert stories and all("Used Simulation" in why for _, why in stories)
    assert {t for t, _ in stories} == {"Optimizing design and production of electric drives",
                                       "Optimizing solar panel production"}
    providers = _section(page, "providers")
    assert providers and all("Simulation" in why for _, why in providers)
    assert _order(page)[:3] == ["projects", "offerings", "providers"]  # what they look for first
    assert watched.errors == [] and watched.off_site(real_url) == []


def test_italian_textile_sme_wanting_ai(watched, real_url: str) -> None:
    page = watched.page
    _find(page, real_url, country="IT", sector="textiles", type="sme", technology="ai",
          need=["facility"])
    stories = _section(page, "stories")
    assert stories[0][0].startswith("CAPSULE")
    assert "Same sector: textiles and clothing" in stories[0][1] and "Italy" in stories[0][1]
    dihs = _section(page, "dihs")
    assert dihs[0][0] == "STAM S.r.l." and "In your country, Italy" in dihs[0][1]
    projects = [t for t, _ in _section(page, "projects")]
    assert {"AI REGIO", "KITT4SME"} <= set(projects[:3])
    assert _order(page)[0] == "dihs"
    assert watched.errors == [] and watched.off_site(real_url) == []


def test_hungarian_bio_manufacturer_looking_for_funding(watched, real_url: str) -> None:
    page = watched.page
    page.clock.install(time=DIGITBRAIN_OC2_OPEN)
    _find(page, real_url, country="HU", sector="biotechnology", type="sme",
          technology="data-analytics", need=["funding"])
    assert _order(page)[0] == "calls"
    calls = _section(page, "calls")
    assert calls[0][0] == "DIGITbrain 2nd Open Call for application experiments"
    assert "Open now, closes" in calls[0][1]
    assert "Eligible countries not stated" in calls[0][1]  # unknown, never "any country"
    stories = _section(page, "stories")
    assert stories[0][0].startswith("FermiCloud")
    assert "Same sector" in stories[0][1] and "Hungary" in stories[0][1]


def test_no_call_is_offered_once_closed(watched, real_url: str) -> None:
    page = watched.page
    page.clock.install(time=datetime(2026, 11, 1, tzinfo=UTC))
    _find(page, real_url, country="HU", need=["funding"])
    assert _section(page, "calls") == []
    assert "open or upcoming" in page.inner_text('[data-section="calls"]')


def test_answers_stay_in_the_page_and_round_trip_as_a_link(watched, real_url: str) -> None:
    page = watched.page
    _find(page, real_url)
    before = len(watched.requests)
    _find_answers = {"country": "NO", "sector": "aluminium", "type": "sme", "technology": "hpc"}
    for field, value in _find_answers.items():
        page.select_option(f'select[name="{field}"]', value)
    page.check('input[name="need"][value="training"]')
    page.locator("select[name=country]").press("Enter")  # no submission, whatever the key
    # matching sends nothing; Chromium only re-reads the favicon when the address changes
    later = {urlparse(u).path for u in watched.requests[before:]}
    assert later <= {"/assets/images/favicon.png"}, later
    url = urlparse(page.url)
    assert url.path.endswith("/find-support/") and url.query == ""
    assert parse_qs(url.fragment) == {**{k: [v] for k, v in _find_answers.items()},
                                      "need": ["training"]}
    shown = page.inner_text("[data-i4ms-find-results]")
    assert page.get_attribute("[data-i4ms-share-link]", "href") == page.url
    other = page.context.new_page()
    other.goto(page.url)
    other.wait_for_selector("[data-section]")
    assert other.inner_text("[data-i4ms-find-results]") == shown
    assert other.locator('input[name="need"][value="training"]').is_checked()
    other.close()
    assert watched.errors == [] and watched.off_site(real_url) == []


def test_an_answer_given_while_the_data_loads_is_kept(watched, real_url: str) -> None:
    """A phone on a slow network: the form shows at once, the data comes later. The country
    chosen meanwhile must stay chosen and decide the matches (it used to be reset)."""
    page = watched.page
    held: list = []
    page.route("**/search/*/docs.json", lambda route: held.append(route))
    page.goto(real_url + "find-support/")
    page.wait_for_selector("[data-i4ms-find]:not([hidden])")
    page.wait_for_function("() => document.querySelector('[data-i4ms-find-results]')"
                           ".textContent.startsWith('Loading')")
    page.select_option('select[name="country"]', "IT")
    assert held, "the data requests were not held: the test would prove nothing"
    for route in held:
        route.continue_()
    page.wait_for_selector("[data-section]")
    assert page.locator('select[name="country"]').input_value() == "IT"
    assert parse_qs(urlparse(page.url).fragment) == {"country": ["IT"]}
    assert "Italy" in page.inner_text('[data-section="dihs"]')
    assert watched.errors == [] and watched.off_site(real_url) == []
