"""iCalendar files of events: all of them, one per project, and one per event (its "add to
calendar" link). Stable UIDs (``<event-id>@i4ms-portal``), the event's own time zone with its
VTIMEZONE, DTSTAMP from the content, never the build's clock. A whole-day event is a DATE
event; an event whose end is not stated has no DTEND (RFC 5545: it then takes no time, or
its day).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from i4ms.graph.event_time import starts_at
from i4ms.outputs.opendata import paths
from i4ms.outputs.opendata.calendars import PRODID, UID_DOMAIN, _timezone, new_calendar
from i4ms.views.context import BuildContext
from i4ms.views.dates import git_date
from i4ms.views.events import when_text, where_text
from i4ms.views.links import provider_link
from i4ms.views.urls import absolute, item_url

if TYPE_CHECKING:
    from icalendar import Event as VEvent


def _stamp(ctx: BuildContext, event_id: str) -> datetime:
    """When the event's file last changed, else its start: content, never the clock."""
    ev = ctx.graph.events[event_id].model
    return git_date(ctx, "events", event_id) or starts_at(ev)


def vevent(ctx: BuildContext, event_id: str) -> VEvent:
    g = ctx.graph
    ev = g.events[event_id].model
    page = absolute(ctx.site_url, item_url("events", event_id))
    from icalendar import Event as VEvent  # in the files worker (calendars.py says why)

    out = VEvent()
    out.add("uid", f"{event_id}@{UID_DOMAIN}")
    out.add("dtstamp", _stamp(ctx, event_id))
    zone = ZoneInfo(ev.timezone)
    if isinstance(ev.starts, datetime):
        out.add("dtstart", starts_at(ev).astimezone(zone))
        if isinstance(ev.ends, datetime):
            out.add("dtend", ev.ends.astimezone(zone) if ev.ends.tzinfo else ev.ends.replace(tzinfo=zone))
    else:
        out.add("dtstart", ev.starts)
        last = ev.ends.date() if isinstance(ev.ends, datetime) else (ev.ends or ev.starts)
        out.add("dtend", last + timedelta(days=1))
    out.add("summary", ev.title)
    organisers = ", ".join(provider_link(g, o).text for o in ev.organisers)
    lines = [ev.summary, f"When: {when_text(ctx, event_id)}", f"Where: {where_text(ctx, event_id)}"]
    if organisers:
        lines.append(f"Organised by {organisers}")
    if ev.registration_url:
        lines.append(f"Register: {ev.registration_url}")
    lines.append(f"On the I4MS portal: {page}")
    out.add("description", "\n".join(lines))
    out.add("url", page)
    if ev.place is not None:
        out.add("location", where_text(ctx, event_id))
    elif ev.registration_url:
        out.add("location", ev.registration_url)
    out.add("class", "PUBLIC")
    return out


def _window(ctx: BuildContext) -> tuple[date, date]:
    years = [starts_at(e.model).year for e in ctx.graph.events.values()] or [2000]
    return date(min(years) - 1, 1, 1), date(max(years) + 2, 1, 1)


def calendar(ctx: BuildContext, name: str, description: str, event_ids: list[str],
             url: str) -> bytes:
    g = ctx.graph
    cal = new_calendar(name, description, url, PRODID.replace("Open call deadlines", "Events"))
    ordered = sorted(event_ids, key=lambda e: (starts_at(g.events[e].model), e))
    first, last = _window(ctx)
    for zone in sorted({g.events[e].model.timezone for e in ordered
                        if isinstance(g.events[e].model.starts, datetime)}):
        cal.add_component(_timezone(zone, first, last))
    for event_id in ordered:
        cal.add_component(vevent(ctx, event_id))
    return cal.to_ical()


def calendar_files(ctx: BuildContext) -> dict[str, bytes]:
    g = ctx.graph
    out = {paths.events_calendar(): calendar(
        ctx, f"{ctx.site_name}: events", "Webinars, info days and conferences of I4MS projects.",
        list(g.events), absolute(ctx.site_url, paths.events_calendar()))}
    for proj_id, item in g.projects.items():
        path = paths.project_events_calendar(proj_id)
        out[path] = calendar(ctx, f"{item.model.acronym}: events",
                             f"Events of {item.model.acronym} ({item.model.name}).",
                             g.project_events.get(proj_id, []), absolute(ctx.site_url, path))
    for event_id, item in g.events.items():
        path = paths.event_calendar(event_id)
        out[path] = calendar(ctx, item.model.title, item.model.summary, [event_id],
                             absolute(ctx.site_url, path))
    return out



