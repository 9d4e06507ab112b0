"""The site-wide header search, as a visitor uses it in a real browser: nothing fetched until
search is opened, each page's own words, items before the listings that mention them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

FIELD = "#i4ms-site-q"
OPTIONS = "#i4ms-site-results [role=option]"
SEARCH_FILES = ("/search/", "/assets/i4ms/lunr-")


def _titles(site: Path) -> list[dict]:
    return json.loads((site / "search" / "site" / "titles.json").read_text(encoding="utf-8"))["docs"]


def _shard_text(site: Path) -> dict[str, str]:
    """url -> the words the full-text index holds for it (the lunr documents' terms)."""
    docs = _titles(site)
    out: dict[str, str] = {}
    for shard in sorted((site / "search" / "site").glob("text-*.json")):
        data = json.loads(shard.read_text(encoding="utf-8"))
        for term, posting in data["lunr"]["invertedIndex"]:
            for ref in posting["body"]:
                url = docs[int(ref, 36)]["u"]
                out[url] = out.get(url, "") + " " + term
    return out


def _search_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if any(part in u for part in SEARCH_FILES)]


def _type(page: Page, text: str) -> None:
    page.locator(FIELD).press_sequentially(text, delay=20)
    expect(page.locator(FIELD)).to_have_attribute("aria-expanded", "true", timeout=10_000)


def _hrefs(page: Page, base_url: str) -> list[str]:
    return [h.removeprefix(base_url) for h in
            page.locator(f"{OPTIONS} a").evaluate_all("els => els.map(e => e.href)")]


def _full_text_loaded(page: Page) -> None:
    page.wait_for_function("() => window.I4MS.siteSearch.shards.length === "
                           "window.I4MS.siteSearch.shardPaths.length", timeout=10_000)


def test_one_entry_per_page_with_its_own_words_only(site: Path) -> None:
    docs = _titles(site)
    urls = [d["u"] for d in docs]
    assert len(urls) == len(set(urls))  # an organisation (or anything) appears once
    assert urls.count("organisations/acme-robotics/") == 1
    kinds = json.loads((site / "search" / "site" / "titles.json").read_text())["kinds"]
    assert {kinds[d["k"]] for d in docs} >= {"story", "organisation", "call", "project", "offering", "page"}
    assert not any(u.startswith("organisations/page/") for u in urls)  # page 2+ of a listing
    about = [d for d in docs if d["u"] == "about/"]  # a hand-written page (docs/) too
    assert [(a["t"], kinds[a["k"]]) for a in about] == [("About this portal", "page")]
    words = _shard_text(site)
    assert "tracker" in words["about/"]  # "no trackers", in its body
    assert "redon" in words["experiments/smart-weld/"]  # its body ("had to be redone")
    assert "fjord" in words["experiments/smart-weld/"]  # a partner's name
    for listing in ("projects/alpha-fab/", "countries/de/", "technologies/robotics/", "organisations/"):
        assert "redon" not in words[listing], listing  # a card's words stay on the card's page
    # no fallback table, no option list: Find support's countries, the directory's headings
    assert "afghanistan" not in words["find-support/"]
    everything = json.dumps(docs) + " ".join(words.values())
    assert "OrganisationCountryType" not in everything and "afghanistan" not in everything


def test_nothing_is_fetched_for_search_before_it_is_opened(watched, base_url: str) -> None:
    page = watched.page
    for path in ("", "organisations/", "experiments/smart-weld/", "calls/"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    # the collection pages preload their own records (search/<collection>/), never the site's
    assert [u for u in watched.requests if "/search/site/" in u or "/assets/i4ms/lunr-" in u] == []
    page.locator(FIELD).focus()  # opening search fetches the records, nothing else yet
    page.wait_for_function("() => window.I4MS.siteSearch.records !== null")
    assert [u.removeprefix(base_url) for u in _search_requests(watched.requests)][-1:] == \
        ["search/site/titles.json"]
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_a_story_word_finds_the_story_first(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "projects/alpha-fab/")
    _type(page, "welding")
    hrefs = _hrefs(page, base_url)
    assert hrefs[0] == "experiments/smart-weld/"
    assert not {"projects/alpha-fab/", "countries/de/", "technologies/robotics/"} & set(hrefs)
    first = page.locator(OPTIONS).first
    expect(first).to_contain_text("Smart welding cell with a digital twin")
    expect(first).to_contain_text("story")
    expect(first).to_contain_text("I4MS-SAE label 2024")  # its badge
    expect(first).to_contain_text("used a digital twin of its welding cell")  # one line of summary
    # a word of the story's body only: found once the full text has arrived
    page.locator(FIELD).fill("")
    _full_text_loaded(page)
    _type(page, "redone")
    assert _hrefs(page, base_url)[0] == "experiments/smart-weld/"
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_an_item_outranks_the_listing_that_mentions_it(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    # "Smart modelling / Digital twins" (a technology page) has both words in its title; the
    # story says "digital twin" in its text only, and still comes first
    _type(page, "digital twins")
    _full_text_loaded(page)  # each shard re-ranks the list as it arrives
    hrefs = _hrefs(page, base_url)
    listing = hrefs.index("technologies/digital-twins/")
    assert hrefs.index("experiments/smart-weld/") < listing
    assert hrefs.index("projects/alpha-fab/") < listing
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_an_organisation_appears_once_and_results_hold_no_tables_or_options(
        watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    _type(page, "acme")
    _full_text_loaded(page)
    page.locator(FIELD).press("Backspace")
    page.locator(FIELD).press_sequentially("e")
    page.wait_for_timeout(200)
    hrefs = _hrefs(page, base_url)
    assert hrefs.count("organisations/acme-robotics/") == 1
    assert hrefs[0] == "organisations/acme-robotics/"
    for word in ("country", "germany", "afghanistan"):
        page.locator(FIELD).fill("")
        page.locator(FIELD).press_sequentially(word, delay=10)
        page.wait_for_timeout(200)
        texts = page.locator(OPTIONS).all_inner_texts()
        joined = " ".join(texts)
        assert "OrganisationCountryType" not in joined and "Afghanistan" not in joined, word
        assert not [t for t in texts if t.startswith("Find support")], word  # its select options
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_a_call_shows_its_status_and_deadline(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    _type(page, "alpha fab open call")
    title = page.locator(".i4ms-site-result__title", has_text=re.compile(r"^Alpha Fab open call 2$"))
    calls = page.locator(OPTIONS).filter(has=title)  # not its info day (an event)
    expect(calls).to_have_count(1)
    expect(calls.locator(".i4ms-status")).to_have_text("open")  # closes 2031, by this clock
    expect(calls).to_contain_text("Deadline 30 June 2031, 17:00 Lisbon time")
    closed = page.locator(OPTIONS).filter(has_text="Alpha Fab open call 1")
    expect(closed.locator(".i4ms-status")).to_have_text("closed")
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_collection_links_do_not_open_the_site_search(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "organisations/?q=cloud")
    page.wait_for_selector("[data-i4ms-search][data-ready]")
    expect(page.locator("[data-i4ms-q]")).to_have_value("cloud")  # the collection search's view
    expect(page.locator(FIELD)).to_have_value("")
    expect(page.locator(FIELD)).to_have_attribute("aria-expanded", "false")
    assert [u for u in watched.requests if "/search/site/" in u] == []
    page.reload()
    page.wait_for_selector("[data-i4ms-search][data-ready]")
    expect(page.locator("#i4ms-site-results")).to_be_hidden()
    # the site search has its own parameter: a shared link opens it, and not the collection's
    page.goto(base_url + "organisations/?search=welding")
    expect(page.locator(FIELD)).to_have_value("welding")
    expect(page.locator(OPTIONS).first).to_contain_text("Smart welding cell")
    expect(page.locator("[data-i4ms-q]")).to_have_value("")
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_keyboard_only(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "calls/")
    page.locator("body").press("/")  # "/" (or "s") opens search from anywhere but a field
    expect(page.locator(FIELD)).to_be_focused()
    page.keyboard.type("digital", delay=20)
    field = page.locator(FIELD)
    expect(field).to_have_attribute("aria-expanded", "true")
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-controls") == "i4ms-site-results"
    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", "i4ms-site-opt-0")
    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", "i4ms-site-opt-1")
    expect(page.locator("#i4ms-site-opt-1")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowUp")
    expect(field).to_have_attribute("aria-activedescendant", "i4ms-site-opt-0")
    page.keyboard.press("Escape")  # closes the list, keeps the query
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_value("digital")
    expect(field).to_be_focused()
    page.keyboard.press("ArrowDown")  # reopens it
    expect(field).to_have_attribute("aria-activedescendant", "i4ms-site-opt-0")
    target = page.locator("#i4ms-site-opt-0 a").get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    page.keyboard.press("s")
    expect(page.locator(FIELD)).to_be_focused()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")  # a second Escape clears the field
    expect(page.locator(FIELD)).to_have_value("")
    assert watched.errors == [] and watched.off_site(base_url) == []
