"""Events as a visitor meets them: status from the visitor's clock, agenda, calendar, listings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

EVENT = "alpha-fab-info-day"


def _ends(site: Path) -> datetime:
    cal = Calendar.from_ical((site / "calendars" / "events" / f"{EVENT}.ics").read_bytes())
    event = next(c for c in cal.walk("VEVENT"))
    return event.decoded("dtend").astimezone(UTC)


def test_an_event_turns_live_then_past_on_the_visitors_clock(watched, site: Path, base_url: str) -> None:
    ends = _ends(site)
    page = watched.page
    page.clock.install(time=ends - timedelta(minutes=1))
    page.goto(base_url + f"events/{EVENT}/")
    status = page.locator("[data-i4ms-event-status]").first
    page.wait_for_function("document.querySelector('[data-i4ms-event-status]').textContent === 'live'")
    page.clock.fast_forward("02:00")
    page.wait_for_function("document.querySelector('[data-i4ms-event-status]').textContent === 'past'")
    assert status.text_content() == "past"
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_an_event_page_shows_its_agenda_speakers_and_calendar(watched, site: Path, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + f"events/{EVENT}/")
    rows = page.locator("table.i4ms-agenda tbody tr")
    assert rows.count() == 3
    assert rows.nth(1).inner_text().split("\t")[0] == "10:15"
    assert "Jon Sample" in rows.nth(1).inner_text()
    assert page.locator("#speakers + ul li", has_text="Ana Example").count() == 1
    page.locator("a", has_text="Add to your calendar").click()
    assert watched.errors == [] and watched.off_site(base_url) == []


def test_events_are_on_the_project_call_and_events_pages(watched, base_url: str) -> None:
    page = watched.page
    for path in ("projects/alpha-fab/", "calls/alpha-fab-open-call-2/", "events/"):
        page.goto(base_url + path)
        assert page.locator(".i4ms-events a", has_text="Alpha Fab open call 2 info day").count() == 1, path
    page.goto(base_url + "events/")
    assert page.locator("#past ~ ul a, [data-i4ms-event-group=past] a",
                        has_text="Beta CSA kick-off meeting").count() >= 1
