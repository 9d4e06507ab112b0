"""Events and news as every listing shows them: one row each, with the instants the browser
needs to recompute an event's status from the visitor's own clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from i4ms.content.models.event import KIND_NAMES
from i4ms.graph.event_time import ends_at, event_status, starts_at
from i4ms.views.context import BuildContext
from i4ms.views.dates import day_text, moment_text, span_text
from i4ms.views.links import country_name, item_link, provider_link


def when_text(ctx: BuildContext, event_id: str) -> str:
    """When, in the event's own time zone; a whole day reads as the day; an unknown end is
    left out (the page says "end not stated")."""
    ev = ctx.graph.events[event_id].model
    if not isinstance(ev.starts, datetime):
        text = day_text(ev.starts)
        end = ev.ends.date() if isinstance(ev.ends, datetime) else ev.ends
        return text + (f" to {day_text(end)}" if end is not None and end != ev.starts else "")
    if isinstance(ev.ends, datetime):
        return span_text(starts_at(ev), ends_at(ev), ev.timezone)
    return moment_text(starts_at(ev), ev.timezone)


def where_text(ctx: BuildContext, event_id: str) -> str:
    ev = ctx.graph.events[event_id].model
    parts = []
    if ev.place is not None:
        place = ", ".join(p for p in (ev.place.venue, ev.place.city, country_name(ev.place.country)) if p)
        parts.append(place)
    if ev.online:
        parts.append("online")
    return " and ".join(parts) or "not stated"


def event_row(ctx: BuildContext, event_id: str) -> dict[str, Any]:
    g = ctx.graph
    ev = g.events[event_id].model
    return {
        "id": event_id,
        "link": item_link(g, "events", event_id),
        "kind": KIND_NAMES[ev.kind],
        "status": event_status(ev, ctx.now).value,
        "starts": starts_at(ev),
        "ends": ends_at(ev),
        "end_stated": ev.ends is not None,
        "when": when_text(ctx, event_id),
        "where": where_text(ctx, event_id),
        "organisers": [provider_link(g, o) for o in ev.organisers],
        "summary": ev.summary,
    }


def news_row(ctx: BuildContext, news_id: str) -> dict[str, Any]:
    g = ctx.graph
    item = g.news[news_id].model
    return {
        "id": news_id,
        "link": item_link(g, "news", news_id),
        "date": item.date,
        "date_text": day_text(item.date),
        "authors": [provider_link(g, a) for a in item.authors],
        "summary": item.summary,
    }


def upcoming_first(ctx: BuildContext, event_ids: list[str]) -> tuple[list[str], list[str]]:
    """(upcoming or live, soonest first; past, latest first) at the build's moment."""
    events = ctx.graph.events
    ahead = sorted((e for e in event_ids if ends_at(events[e].model) > ctx.now),
                   key=lambda e: (starts_at(events[e].model), e))
    past = sorted((e for e in event_ids if ends_at(events[e].model) <= ctx.now),
                  key=lambda e: (starts_at(events[e].model), e), reverse=True)
    return ahead, past
