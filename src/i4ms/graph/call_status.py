"""When a call opens and closes, and whether it is open at a given moment.

A date without a time is read in the call's time zone: ``opens`` at the start of
that day, ``closes`` at the end of it (the deadline is the whole day). A
date-time without an offset is read in the call's time zone too.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from i4ms.content.models import Call


class CallStatus(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


def moment(value: date | datetime, zone: str, end_of_day: bool) -> datetime:
    """A content date or date-time as an instant: a date is a whole day in ``zone``."""
    tz = ZoneInfo(zone)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    day = value + timedelta(days=1) if end_of_day else value
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def opens_at(call: Call) -> datetime:
    return moment(call.opens, call.timezone, end_of_day=False)


def closes_at(call: Call) -> datetime:
    """The first instant the call no longer accepts proposals."""
    return moment(call.closes, call.timezone, end_of_day=True)


def call_status(call: Call, now: datetime) -> CallStatus:
    if now < opens_at(call):
        return CallStatus.UPCOMING
    if now < closes_at(call):
        return CallStatus.OPEN
    return CallStatus.CLOSED
