"""What a visitor sees in a real Chromium, on a phone (375 px) and a desktop (1366 px): the
footer of an EU-funded portal, where an item page sits and the way back, readable charts, and
a map whose countries lead to their pages. The privacy notice's claims are checked too."""

from __future__ import annotations

import re

import pytest

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 900}
DAY = re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|"
                 r"October|November|December) \d{4}$")


@pytest.fixture(params=[PHONE, DESKTOP], ids=["375", "1366"])
def viewport(request: pytest.FixtureRequest) -> dict:
    return request.param


def _page(watched, viewport: dict):
    watched.page.set_viewport_size(viewport)
    return watched.page


def test_the_footer_carries_the_eu_emblem_funding_contact_legal_and_date(
        watched, real_url: str, viewport: dict) -> None:
    page = _page(watched, viewport)
    page.goto(real_url + "experiments/capsule/")
    footer = page.locator("footer.md-footer")
    emblem = footer.get_by_role("img", name="Flag of the European Union")
    emblem.scroll_into_view_if_needed()
    assert emblem.is_visible()
    box = emblem.bounding_box()
    assert box["width"] >= 60 and round(box["width"] / box["height"], 1) == 1.5
    assert footer.locator("polygon").count() == 12
    assert "Funded by the European Union." in footer.inner_text()
    assert footer.get_by_role("link", name="I4MS website").get_attribute("href") == "https://i4ms.eu"
    updated = footer.locator(".i4ms-footer__updated time")
    assert DAY.match(updated.inner_text()) and updated.get_attribute("datetime")
    footer.get_by_role("link", name="Legal notice").click()
    page.wait_for_url("**/legal-notice/")
    assert page.locator("h1").inner_text() == "Legal notice"
    page.locator("footer.md-footer").get_by_role("link", name="Privacy").click()
    page.wait_for_url("**/privacy/")
    assert page.locator("h1").inner_text() == "Privacy"
    assert watched.errors == [] and watched.off_site(real_url) == []


def test_an_item_page_says_where_it_is_and_gets_back_in_one_tap(
        watched, real_url: str, viewport: dict) -> None:
    page = _page(watched, viewport)
    page.goto(real_url + "organisations/stam/")
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1 and active.inner_text().strip() == "Organisations"
    if viewport is DESKTOP:
        assert active.is_visible()
        # The empty left column gives its room to the page.
        assert not page.locator(".md-sidebar--primary").is_visible()
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    back = crumbs.get_by_role("link").first
    box = back.bounding_box()
    assert box["y"] + box["height"] <= viewport["height"] and box["height"] >= 24  # tap target
    assert box["y"] < page.locator("h1").bounding_box()["y"]
    back.click()
    page.wait_for_url(re.compile(r".*/organisations/$"))
    assert page.locator("h1").inner_text().startswith("Organisations")
    assert watched.errors == []


def test_the_home_charts_fill_the_column_with_labels_of_12_px_or_more(watched, real_url: str) -> None:
    page = _page(watched, PHONE)
    page.goto(real_url)
    charts = page.locator("figure.i4ms-figure")
    assert charts.count() >= 2
    column = page.locator("article.md-content__inner").bounding_box()["width"]
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.locator("figcaption").inner_text().startswith("Experiments by")
        assert chart.bounding_box()["width"] >= 0.95 * column
    heights = page.eval_on_selector_all(
        "figure.i4ms-figure svg text",
        "els => els.map(e => [e.textContent, e.getBoundingClientRect().height,"
        " parseFloat(getComputedStyle(e).fontSize)])")
    assert heights and all(h >= 12 and size >= 12 for _, h, size in heights), heights
    assert page.locator('[role="img"] a').count() == 0  # no link inside an image


@pytest.mark.parametrize("path", ["", "countries/"])
def test_every_country_on_the_map_leads_to_its_page(watched, real_url: str, path: str) -> None:
    page = _page(watched, DESKTOP)
    page.goto(real_url + path)
    countries = page.locator("a.i4ms-map__country")
    assert countries.count() >= 10
    names = {}
    for i in range(countries.count()):
        link = countries.nth(i)
        href = link.get_attribute("href")
        title = link.locator("title").text_content()
        names[href] = title.split(":")[0]
        response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
        assert response.ok, href
    table = page.locator("table.i4ms-map-table th[scope=row] a")
    assert {table.nth(i).get_attribute("href") for i in range(table.count())} == set(names)
    italy = page.locator('a.i4ms-map__country[data-country="IT"]')
    italy.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/countries/it/")
    assert page.locator("h1").inner_text() == "Italy"
    assert "Digital Innovation Hubs" in page.locator("article").inner_text()
    assert watched.errors == [] and watched.off_site(real_url) == []


def test_the_synthetic_map_links_every_country_with_data(watched, synthetic_url: str) -> None:
    page = _page(watched, PHONE)
    page.goto(synthetic_url + "countries/")
    links = page.locator("a.i4ms-map__country")
    assert links.count() >= 20
    for i in range(0, links.count(), 5):
        href = links.nth(i).get_attribute("href")
        assert page.request.get(synthetic_url + "countries/" + href).ok, href


def test_the_privacy_notice_is_true_no_cookie_no_storage_answers_after_the_hash(
        watched, real_url: str) -> None:
    page = _page(watched, PHONE)
    page.goto(real_url + "best-practices/?q=cloud")
    page.goto(real_url + "find-support/")
    page.select_option("select[name=country]", "IT")
    page.wait_for_function("location.hash.includes('country=IT')")
    assert "country" not in page.evaluate("location.search")
    page.goto(real_url)
    stored = page.evaluate("[document.cookie, localStorage.length, sessionStorage.length]")
    assert stored == ["", 0, 0]
    assert page.context.cookies() == []
    assert watched.off_site(real_url) == []
