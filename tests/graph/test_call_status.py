"""Call status: deadlines are read in the call's time zone; a date-only deadline is the whole day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from i4ms.content.models import Call
from i4ms.graph import CallStatus, call_status, load_graph
from i4ms.graph.call_status import closes_at, opens_at

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
UPCOMING, OPEN, CLOSED = CallStatus.UPCOMING, CallStatus.OPEN, CallStatus.CLOSED


def call(opens: str, closes: str, timezone: str | None = None) -> Call:
    data = {"title": "A call", "project": "alpha-fab", "opens": opens, "closes": closes,
            "url": "https://alphafab.example/call"}
    if timezone:
        data["timezone"] = timezone
    return Call.model_validate(data)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_date_only_is_read_in_brussels_by_default() -> None:
    c = call("2024-03-01", "2024-05-31")
    assert c.timezone == "Europe/Brussels"
    assert opens_at(c) == utc(2024, 2, 29, 23)  # midnight CET
    assert closes_at(c) == utc(2024, 5, 31, 22)  # end of 31 May, CEST


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (utc(2024, 2, 29, 22, 59, 59), UPCOMING),
        (utc(2024, 2, 29, 23), OPEN),  # the first instant of 1 March in Brussels
        (utc(2024, 4, 15, 12), OPEN),
        (utc(2024, 5, 31, 21, 59, 59), OPEN),  # 23:59:59 on the deadline day in Brussels
        (utc(2024, 5, 31, 22), CLOSED),
        (datetime(2024, 5, 31, 17, 59, tzinfo=ZoneInfo("America/New_York")), OPEN),
        (datetime(2024, 5, 31, 18, 0, tzinfo=ZoneInfo("America/New_York")), CLOSED),
        (datetime(2024, 5, 31, 23, 59, tzinfo=ZoneInfo("Europe/Brussels")), OPEN),
        (datetime(2024, 6, 1, 0, 0, tzinfo=ZoneInfo("Europe/Brussels")), CLOSED),
    ],
)
def test_date_only_deadline_is_the_end_of_that_day_in_brussels(now, status) -> None:
    assert call_status(call("2024-03-01", "2024-05-31"), now) == status


def test_date_only_in_another_time_zone() -> None:
    c = call("2024-03-01", "2024-05-31", "Asia/Tokyo")
    assert closes_at(c) == utc(2024, 5, 31, 15)
    assert call_status(c, utc(2024, 5, 31, 14, 59)) == OPEN
    assert call_status(c, utc(2024, 5, 31, 15)) == CLOSED


@pytest.mark.parametrize(
    ("closes", "end_utc"),
    [
        ("2024-03-30", utc(2024, 3, 30, 23)),  # the night summer time starts: still CET
        ("2024-03-31", utc(2024, 3, 31, 22)),  # first CEST day
        ("2024-10-26", utc(2024, 10, 26, 22)),  # the night summer time ends: still CEST
        ("2024-10-27", utc(2024, 10, 27, 23)),
    ],
)
def test_end_of_day_across_daylight_saving_changes(closes: str, end_utc: datetime) -> None:
    assert closes_at(call("2024-01-01", closes)) == end_utc


def test_naive_datetime_is_read_in_the_call_time_zone() -> None:
    c = call("2025-10-01T09:00:00", "2031-06-30T17:00:00", "Europe/Lisbon")
    assert opens_at(c) == utc(2025, 10, 1, 8)  # 09:00 WEST
    assert closes_at(c) == utc(2031, 6, 30, 16)  # 17:00 WEST, not 17:00 Brussels (15:00 UTC)
    assert call_status(c, utc(2031, 6, 30, 15, 30)) == OPEN
    assert call_status(c, utc(2031, 6, 30, 15, 59, 59)) == OPEN
    assert call_status(c, utc(2031, 6, 30, 16)) == CLOSED


def test_naive_datetime_defaults_to_brussels() -> None:
    c = call("2024-03-01T09:00", "2024-05-31T17:00")
    assert closes_at(c) == utc(2024, 5, 31, 15)


@pytest.mark.parametrize("tz", ["America/New_York", "Europe/Brussels", "Asia/Tokyo"])
def test_an_offset_is_honoured_whatever_the_time_zone(tz: str) -> None:
    c = call("2024-03-01T09:00:00+01:00", "2024-05-31T17:00:00+02:00", tz)
    assert opens_at(c) == utc(2024, 3, 1, 8)
    assert closes_at(c) == utc(2024, 5, 31, 15)
    assert call_status(c, utc(2024, 5, 31, 14, 59)) == OPEN
    assert call_status(c, utc(2024, 5, 31, 15)) == CLOSED


def test_z_suffix_is_utc() -> None:
    assert closes_at(call("2024-03-01", "2024-05-31T17:00:00Z")) == utc(2024, 5, 31, 17)


def test_status_at_the_boundaries() -> None:
    c = call("2024-03-01T09:00:00+01:00", "2024-05-31T17:00:00+02:00")
    assert call_status(c, opens_at(c) - timedelta(microseconds=1)) == UPCOMING
    assert call_status(c, opens_at(c)) == OPEN
    assert call_status(c, closes_at(c) - timedelta(microseconds=1)) == OPEN
    assert call_status(c, closes_at(c)) == CLOSED


def test_a_one_day_call_is_open_all_day() -> None:
    c = call("2024-03-01", "2024-03-01")
    assert closes_at(c) - opens_at(c) == timedelta(days=1)
    assert call_status(c, datetime(2024, 3, 1, 12, tzinfo=ZoneInfo("Europe/Brussels"))) == OPEN


def test_status_values_are_the_words_the_site_uses() -> None:
    assert [s.value for s in CallStatus] == ["upcoming", "open", "closed"]


# -- the fixture site's calls ---------------------------------------------------------------


@pytest.fixture(scope="module")
def graph():
    return load_graph(SITE)


@pytest.mark.parametrize(
    ("call_id", "now", "status"),
    [
        ("alpha-fab-open-call-1", utc(2023, 2, 28, 22, 59), UPCOMING),
        ("alpha-fab-open-call-1", utc(2023, 2, 28, 23), OPEN),
        ("alpha-fab-open-call-1", utc(2023, 5, 31, 21, 59), OPEN),
        ("alpha-fab-open-call-1", utc(2023, 5, 31, 22), CLOSED),
        ("alpha-fab-open-call-1", utc(2026, 11, 25), CLOSED),
        ("alpha-fab-open-call-2", utc(2025, 10, 1, 7, 59), UPCOMING),
        ("alpha-fab-open-call-2", utc(2025, 10, 1, 8), OPEN),
        ("alpha-fab-open-call-2", utc(2026, 11, 25), OPEN),
        ("alpha-fab-open-call-2", utc(2031, 6, 30, 15, 59), OPEN),
        ("alpha-fab-open-call-2", utc(2031, 6, 30, 16), CLOSED),
    ],
)
def test_fixture_calls(graph, call_id: str, now: datetime, status: CallStatus) -> None:
    assert graph.call_status(call_id, now) == status


def test_far_future_call_is_open_now(graph) -> None:
    """Holds until 2031: the fixture's open call, used by end-to-end tests of the site."""
    assert graph.call_status("alpha-fab-open-call-2", datetime.now(UTC)) == OPEN
    assert graph.call_status("alpha-fab-open-call-1", datetime.now(UTC)) == CLOSED
