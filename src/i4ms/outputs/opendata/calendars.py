"""iCalendar files of call deadlines: one for every call, one per project (icalendar).

One event per call, at its deadline in the call's own time zone (with its VTIMEZONE), with
a link to the call's page. UIDs are stable (``<call-id>@i4ms-portal``), so a calendar that
subscribed once updates in place; DTSTAMP comes from the content (last commit of the call's
file, else when it opens), never from the build's clock. A date-only deadline means the
end of that day, so its event is at 23:59 local time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from i4ms.graph.call_status import closes_at
from i4ms.outputs.opendata import paths
from i4ms.views.context import BuildContext
from i4ms.views.dates import calendar_stamp, deadline_text, opening_text
from i4ms.views.urls import absolute, item_url

if TYPE_CHECKING:
    from icalendar import Calendar, Event, Timezone

# icalendar (with dateutil) is imported where the files are made, in the build's files
# worker: at the top, it was 27 ms of every build's start, before any page (measured).

UID_DOMAIN = "i4ms-portal"
PRODID = "-//I4MS portal//Open call deadlines//EN"


def uid(call_id: str) -> str:
    return f"{call_id}@{UID_DOMAIN}"


def deadline(ctx: BuildContext, call_id: str) -> datetime:
    """The deadline as a local time in the call's time zone."""
    call = ctx.graph.calls[call_id].model
    zone = ZoneInfo(call.timezone)
    if isinstance(call.closes, datetime):
        return closes_at(call).astimezone(zone)
    return datetime.combine(call.closes, time(23, 59), tzinfo=zone)


def event(ctx: BuildContext, call_id: str) -> Event:
    g = ctx.graph
    call = g.calls[call_id].model
    project = g.projects[call.project].model
    page = absolute(ctx.site_url, item_url("calls", call_id))
    lines = [
        f"{project.acronym}: {call.title}",
        f"Opens {opening_text(call)}; deadline {deadline_text(call)}.",
    ]
    if call.summary:
        lines.append(call.summary)
    lines += [f"Apply: {call.url}", f"On the I4MS portal: {page}"]
    from icalendar import Event

    ev = Event()
    ev.add("uid", uid(call_id))
    ev.add("dtstamp", calendar_stamp(ctx, call_id))
    ev.add("dtstart", deadline(ctx, call_id))
    ev.add("summary", f"Deadline: {call.title}")
    ev.add("description", "\n".join(lines))
    ev.add("url", page)
    ev.add("categories", [project.acronym])
    ev.add("transp", "TRANSPARENT")
    ev.add("class", "PUBLIC")
    return ev


def _window(ctx: BuildContext) -> tuple[date, date]:
    """The years every calendar's VTIMEZONEs cover: all deadlines, with a year either side.

    The same for every calendar of the build, so each zone is computed once."""
    years = [closes_at(c.model).year for c in ctx.graph.calls.values()] or [2000]
    return date(min(years) - 1, 1, 1), date(max(years) + 2, 1, 1)


def _timezones(ctx: BuildContext, events: list[tuple[str, datetime]]) -> list[Timezone]:
    """VTIMEZONEs in name order (icalendar's own helper walks a set: its order varies by run)."""
    first, last = _window(ctx)
    zones = sorted({str(d.tzinfo) for _, d in events})
    return [_timezone(z, first, last) for z in zones]


@cache
def _timezone(zone: str, first: date, last: date) -> Timezone:
    """Slow to compute (icalendar walks the transitions); the same for every project's calendar."""
    from icalendar import Timezone

    return Timezone.from_tzid(zone, first_date=first, last_date=last)


def new_calendar(name: str, description: str, url: str, prodid: str = PRODID) -> Calendar:
    """A published, daily-refreshed calendar with its names: what every calendar file opens with."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("description", description)
    cal.add("x-wr-caldesc", description)
    cal.add("source", url)
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def calendar(ctx: BuildContext, name: str, description: str, call_ids: list[str],
             url: str) -> bytes:
    cal = new_calendar(name, description, url)
    dated = sorted(((c, deadline(ctx, c)) for c in call_ids), key=lambda p: (p[1], p[0]))
    for tz in _timezones(ctx, dated):
        cal.add_component(tz)
    for call_id, _ in dated:
        cal.add_component(event(ctx, call_id))
    return cal.to_ical()


def calendar_files(ctx: BuildContext) -> dict[str, bytes]:
    """Site path -> bytes: every call's deadline, and one calendar per project."""
    g = ctx.graph
    out = {
        paths.calls_calendar(): calendar(
            ctx, f"{ctx.site_name}: open call deadlines",
            "Deadlines of the open calls of I4MS projects.", list(g.calls),
            absolute(ctx.site_url, paths.calls_calendar()),
        ),
    }
    for proj_id, item in g.projects.items():
        path = paths.project_calendar(proj_id)
        out[path] = calendar(
            ctx, f"{item.model.acronym}: open call deadlines",
            f"Deadlines of the open calls of {item.model.acronym} ({item.model.name}).",
            g.project_calls.get(proj_id, []), absolute(ctx.site_url, path),
        )
    return out
