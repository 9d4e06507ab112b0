"""What a visitor sees, in a real browser: pages, cross-links, call status, phones."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

PAGES = ["", "calls/", "best-practices/", "organisations/", "projects/",
         "experiments/smart-weld/", "organisations/acme-robotics/", "calls/alpha-fab-open-call-2/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_stays_on_this_machine(watched, base_url: str, path: str) -> None:
    watched.page.goto(base_url + path)
    watched.page.wait_for_load_state("networkidle")
    assert watched.errors == []
    outside = [u for u in watched.requests if not u.startswith(base_url) and not u.startswith("data:")]
    assert outside == []
    assert watched.page.locator("h1").first.inner_text().strip()


def test_experiment_to_partner_and_back(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "experiments/smart-weld/")
    page.locator("table.i4ms-partners a", has_text="Acme Robotics").click()
    page.wait_for_url("**/organisations/acme-robotics/")
    assert "Acme Robotics" in page.locator("h1").inner_text()
    page.locator("#experiments ~ ul a", has_text="Smart welding cell").first.click()
    page.wait_for_url("**/experiments/smart-weld/")


def test_experiment_to_project_to_call(watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "experiments/smart-weld/")
    page.locator(".i4ms-experiment .i4ms-meta a").first.click()
    page.wait_for_url("**/projects/alpha-fab/")
    page.locator("#calls ~ ul.i4ms-calls a", has_text="open call 1").first.click()
    page.wait_for_url("**/calls/alpha-fab-open-call-1/")
    assert page.locator("[data-i4ms-status]").text_content().strip() == "closed"
    assert watched.errors == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _links(html_file: Path) -> list[str]:
    parser = _Links()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.links


def _target(site: Path, page: Path, link: str) -> Path | None:
    """The file a relative link points to, or None for external/anchor links."""
    parsed = urlparse(link)
    if parsed.scheme or link.startswith(("#", "//", "mailto:")):
        return None
    base = "/" + page.relative_to(site).as_posix()
    path = urlparse(urljoin(base, parsed.path)).path.lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def test_no_broken_internal_links(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served at any path, so MkDocs gives it absolute links on purpose
        for link in _links(page):
            target = _target(site, page, link)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_every_item_is_reachable_from_the_collections(site: Path) -> None:
    items = {p.parent.relative_to(site).as_posix() for folder in
             ("experiments", "organisations", "projects", "calls", "offerings", "labels")
             for p in (site / folder).glob("*/index.html")}
    assert len(items) > 10
    seen: set[str] = set()
    todo = [site / "index.html"]
    while todo:
        page = todo.pop()
        key = page.parent.relative_to(site).as_posix()
        if key in seen:
            continue
        seen.add(key)
        for link in _links(page):
            target = _target(site, page, link)
            if target is not None and target.name == "index.html" and target.exists():
                todo.append(target)
    assert items - seen == set()


def _closes(site: Path, call: str) -> datetime:
    html = (site / "calls" / call / "index.html").read_text(encoding="utf-8")
    return datetime.fromisoformat(re.search(r'data-closes="([^"]+)"', html).group(1))


def test_call_status_flips_when_the_browser_clock_passes_the_deadline(
        watched, site: Path, base_url: str) -> None:
    call = "alpha-fab-open-call-2"
    closes = _closes(site, call)
    page = watched.page
    page.clock.install(time=closes - timedelta(minutes=1))
    page.goto(base_url + f"calls/{call}/")
    status = page.locator("[data-i4ms-status]").first
    assert status.text_content().strip() == "open"
    page.clock.fast_forward("02:00")
    page.wait_for_function("document.querySelector('[data-i4ms-status]').textContent === 'closed'")
    # One wording: the status says "closed" once, no countdown repeats it ("CLOSED (closed)").
    assert page.locator(".i4ms-call-state").first.text_content().split() == ["closed"]


def test_calls_list_regroups_a_call_that_closed_since_the_build(
        watched, site: Path, base_url: str) -> None:
    call = "alpha-fab-open-call-2"
    page = watched.page
    page.clock.install(time=_closes(site, call) + timedelta(days=1))
    page.goto(base_url + "calls/")
    closed = page.locator('[data-i4ms-group="closed"]')
    assert closed.locator("a", has_text="open call 2").count() == 1
    assert page.locator('[data-i4ms-group="open"] [data-i4ms-call]').count() == 0
    assert page.locator('[data-i4ms-group="open"] .i4ms-empty').is_visible()


def test_deadline_shown_in_the_visitors_time_zone(browser, base_url: str) -> None:
    context = browser.new_context(timezone_id="Asia/Tokyo", locale="en-GB")
    page = context.new_page()
    page.goto(base_url + "calls/alpha-fab-open-call-2/")
    local = page.locator("[data-i4ms-local]").first.inner_text()
    assert "your time" in local and ("GMT+9" in local or "JST" in local)
    # the site's one date format (views/dates.py), whatever the browser's own habits
    assert re.match(r"\(your time: 1 July 2031, 01:00 (GMT\+9|JST)\)$", local), local
    # the call's own time zone (Europe/Lisbon in the fixture), the wording of feeds and calendars
    assert "Lisbon time (UTC+01:00)" in page.locator(".i4ms-deadline").first.inner_text()
    context.close()


@pytest.mark.parametrize("path", ["", "best-practices/", "experiments/smart-weld/",
                                  "organisations/", "calls/alpha-fab-open-call-2/"])
def test_usable_at_375_pixels(browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 376, f"horizontal scroll: {width}px"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary").get_by_text("Open calls").first.wait_for(state="visible")
    context.close()
