"""When an event starts and ends, and whether it is upcoming, live or past at a moment.

Read like a call's dates: a date without a time is a whole day in the event's time zone, a
date-time without an offset is read in that zone. An event whose end no source states is
taken to last until the end of its first day, for its status only: pages say "end not
stated" rather than print an end nobody gave.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from i4ms.content.models import Event
from i4ms.graph.call_status import moment


class EventStatus(StrEnum):
    UPCOMING = "upcoming"
    LIVE = "live"
    PAST = "past"


def starts_at(event: Event) -> datetime:
    return moment(event.starts, event.timezone, end_of_day=False)


def ends_at(event: Event) -> datetime:
    """The first instant after the event."""
    if event.ends is not None:
        return moment(event.ends, event.timezone, end_of_day=True)
    first_day = event.starts.date() if isinstance(event.starts, datetime) else event.starts
    return moment(first_day, event.timezone, end_of_day=True)


def event_status(event: Event, now: datetime) -> EventStatus:
    if now < starts_at(event):
        return EventStatus.UPCOMING
    if now < ends_at(event):
        return EventStatus.LIVE
    return EventStatus.PAST
