"""The theme's header search: each item found on its own page, not on every page listing it."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect


def _entries(site: Path) -> list[dict]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["docs"]


def _text(entries: list[dict], location: str) -> str:
    return " ".join(e["title"] + " " + e["text"] for e in entries
                    if e["location"].split("#")[0] == location)


def test_listing_pages_index_their_own_words_not_their_cards(site: Path) -> None:
    entries = _entries(site)
    project = _text(entries, "projects/alpha-fab/")
    assert "funds application experiments in digital twins" in project  # its summary
    assert "offers its services through the Alpha Market" in project  # its body
    assert "Lumen" in project  # its DIH
    for listing in ("projects/alpha-fab/", "countries/de/", "technologies/robotics/",
                    "calls/alpha-fab-open-call-1/"):
        text = _text(entries, listing)
        assert text, listing
        assert "Smart welding cell" not in text, listing  # the title of a card it shows


def test_an_experiment_is_found_by_its_story(site: Path) -> None:
    story = _text(_entries(site), "experiments/smart-weld/")
    assert "one weld in fifty had to be redone" in story
    assert "Fjord Research" in story  # a partner's name


def test_header_search_for_a_story_word_lists_the_story_not_its_listings(
        watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("welding", delay=30)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = [h.split("#")[0].removeprefix(base_url) for h in
             results.evaluate_all("els => els.map(e => e.href)")]
    assert "experiments/smart-weld/" in hrefs
    assert not {"projects/alpha-fab/", "countries/de/", "technologies/robotics/"} & set(hrefs)
    assert watched.errors == [] and watched.off_site(base_url) == []
