"""A call as every listing shows it: one row, with the instants the browser needs to recompute
its status from the visitor's own clock."""

from __future__ import annotations

from typing import Any

from i4ms.graph.call_status import closes_at, opens_at
from i4ms.views.context import BuildContext
from i4ms.views.dates import deadline_text, opening_text
from i4ms.views.links import item_link


def call_row(ctx: BuildContext, call_id: str) -> dict[str, Any]:
    g = ctx.graph
    call = g.calls[call_id].model
    return {
        "id": call_id,
        "link": item_link(g, "calls", call_id),
        "project": item_link(g, "projects", call.project),
        "status": g.call_status(call_id, ctx.now).value,
        "opens": opens_at(call),
        "closes": closes_at(call),
        "opening_text": opening_text(call),
        "deadline_text": deadline_text(call),
        "timezone": call.timezone,
        "budget": call.budget,
        "summary": call.summary,
    }
