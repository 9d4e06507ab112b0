"""iCalendar files of call deadlines: parsed by icalendar; stable UIDs, time zones, links."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar

from i4ms.outputs.opendata import calendars, paths


def events(ctx, path: str) -> dict[str, object]:
    cal = Calendar.from_ical(calendars.calendar_files(ctx)[path])
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_one_event_per_call_at_its_deadline_in_its_time_zone(ctx, graph):
    found = events(ctx, paths.calls_calendar())
    assert set(found) == {f"{c}@i4ms-portal" for c in graph.calls}
    lisbon = found["alpha-fab-open-call-2@i4ms-portal"]
    start = lisbon.decoded("DTSTART")
    assert start == datetime(2031, 6, 30, 17, 0, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert lisbon["DTSTART"].params["TZID"] == "Europe/Lisbon"
    assert str(lisbon["URL"]) == "https://example.org/i4ms/calls/alpha-fab-open-call-2/"
    assert "https://alphafab.example/open-call-2" in str(lisbon["DESCRIPTION"])
    assert str(lisbon["SUMMARY"]) == "Deadline: Alpha Fab open call 2"
    helsinki = found["beta-csa-disruptors-2024@i4ms-portal"].decoded("DTSTART")
    assert helsinki == datetime(2024, 3, 15, 23, 59, tzinfo=ZoneInfo("Europe/Helsinki"))


def test_every_time_zone_used_has_its_vtimezone(ctx):
    cal = Calendar.from_ical(calendars.calendar_files(ctx)[paths.calls_calendar()])
    zones = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
    assert zones == ["Europe/Brussels", "Europe/Helsinki", "Europe/Lisbon"]
    assert not cal.get_missing_tzids()


def test_dtstamp_comes_from_the_content_not_the_clock(ctx):
    found = events(ctx, paths.calls_calendar())
    stamp = found["alpha-fab-open-call-1@i4ms-portal"].decoded("DTSTAMP")
    assert stamp == datetime(2023, 2, 28, 23, 0, tzinfo=UTC)  # opens 2023-03-01, Brussels
    committed = datetime(2023, 4, 5, 6, 7, 8, tzinfo=UTC)
    dated = replace(ctx, content_dates={"calls/alpha-fab-open-call-1.md": committed})
    assert events(dated, paths.calls_calendar())[
        "alpha-fab-open-call-1@i4ms-portal"].decoded("DTSTAMP") == committed
    later = replace(ctx, now=datetime(2040, 1, 1, tzinfo=UTC))
    assert calendars.calendar_files(ctx) == calendars.calendar_files(later)


def test_one_calendar_per_project(ctx, graph):
    files = calendars.calendar_files(ctx)
    for proj_id in graph.projects:
        cal = Calendar.from_ical(files[paths.project_calendar(proj_id)])
        uids = {str(e["UID"]) for e in cal.walk("VEVENT")}
        assert uids == {f"{c}@i4ms-portal" for c in graph.project_calls.get(proj_id, [])}
        assert str(cal["X-WR-CALNAME"]).startswith(graph.projects[proj_id].model.acronym)
    assert files[paths.project_calendar("gamma-ia")].count(b"BEGIN:VEVENT") == 0


def test_calendar_lines_are_crlf_and_folded(ctx):
    data = calendars.calendar_files(ctx)[paths.calls_calendar()]
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
