"""Collection search results show what the no-JavaScript list shows: badges, technology tags,
and for a call its status (from the visitor's clock) and deadline."""

from __future__ import annotations

from playwright.sync_api import Page, expect

RESULTS = "[data-i4ms-results] > li"


def _search(page: Page, url: str, text: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-i4ms-search][data-ready]")
    page.fill("[data-i4ms-q]", text)


def test_a_story_result_keeps_its_badge_and_technology_tags(watched, fixture_url: str) -> None:
    page = watched.page
    _search(page, fixture_url + "best-practices/", "welding")
    result = page.locator(RESULTS).first
    expect(result.locator("h3")).to_have_text("Smart welding cell with a digital twin")
    badge = result.locator("a.i4ms-badge > img")
    expect(badge).to_have_attribute("alt", "I4MS-SAE label 2024")
    assert badge.get_attribute("src").endswith("badges/i4ms-sae-label/experiments/smart-weld-2024.svg")
    assert result.locator("a.i4ms-badge").get_attribute("href").endswith("labels/i4ms-sae-label/")
    tags = result.locator(".i4ms-tags a.i4ms-tag")
    expect(tags).to_have_text(["Robotics", "Smart modelling / Digital twins", "Artificial Intelligence"])
    assert tags.first.get_attribute("href").endswith("technologies/robotics/")
    # the same badge and tags as the card of the no-JavaScript list
    static = page.locator('[data-i4ms-static="experiments"] .i4ms-card', has_text="Smart welding cell")
    assert static.locator(".i4ms-tag").all_inner_texts() == tags.all_inner_texts()
    assert static.locator(".i4ms-badge img").get_attribute("alt") == badge.get_attribute("alt")
    assert watched.errors == [] and watched.off_site(fixture_url) == []


def test_an_organisation_result_keeps_its_badges(watched, fixture_url: str) -> None:
    page = watched.page
    _search(page, fixture_url + "organisations/", "tessile")
    result = page.locator(RESULTS).first
    expect(result.locator("h3")).to_have_text("Tessile Srl")
    expect(result.locator("a.i4ms-badge > img")).to_have_attribute("alt", "Disruptors Award 2025")
    assert watched.errors == [] and watched.off_site(fixture_url) == []


def test_a_call_result_shows_status_and_deadline(watched, fixture_url: str) -> None:
    page = watched.page
    _search(page, fixture_url + "calls/", "alpha")
    call = page.locator(RESULTS, has_text="Alpha Fab open call 2")
    expect(call.locator(".i4ms-status")).to_have_text("open")
    expect(call.locator(".i4ms-deadline")).to_have_text(
        "Deadline 30 June 2031, 17:00 Lisbon time (UTC+01:00)")
    closed = page.locator(RESULTS, has_text="Alpha Fab open call 1")
    expect(closed.locator(".i4ms-status")).to_have_text("closed")
    expect(closed.locator(".i4ms-deadline")).to_have_text("Deadline end of 31 May 2023, Brussels time")
    assert watched.errors == [] and watched.off_site(fixture_url) == []
