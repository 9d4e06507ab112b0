"""The three I4MS collections (Open Calls, Projects & Marketplace, Best Practices) and the directory."""

from __future__ import annotations

from functools import partial

from i4ms.content.models.organisation import ORGANISATION_TYPES
from i4ms.graph.call_status import CallStatus, closes_at
from i4ms.outputs.plan import PagePlan, SitePlan, View, static_view, view
from i4ms.views.calls import call_row
from i4ms.views.context import BuildContext
from i4ms.views.links import (
    country_link,
    experiment_card,
    featured_order,
    item_link,
    organisation_badges,
    provider_link,
    term_name,
)
from i4ms.views.pagination import Pager, paginate


def _calls(ctx: BuildContext, plan: SitePlan) -> None:
    """Open, then upcoming, then closed calls (most recently closed first), paginated: each
    page groups its own calls by status; the browser regroups them as its clock moves on."""
    g = ctx.graph
    by_status: dict[str, list[dict]] = {s.value: [] for s in CallStatus}
    for call_id in sorted(g.calls, key=lambda c: (closes_at(g.calls[c].model), c)):
        row = call_row(ctx, call_id)
        by_status[row["status"]].append(row)
    by_status["closed"].reverse()  # most recently closed first
    ordered = [row for status in ("open", "upcoming", "closed") for row in by_status[status]]
    for pager in paginate(ordered, "calls/"):
        groups: dict[str, list[dict]] = {s.value: [] for s in CallStatus}
        for row in pager.items:
            groups[row["status"]].append(row)
        title = "Open calls" + (f" (page {pager.number})" if pager.number > 1 else "")
        plan.add_page(PagePlan(pager.src_uri, title,
                               static_view("calls.html", groups=groups, pager=pager,
                                           total=len(ordered)),
                               "Open calls for I4MS application experiments and awards.",
                               kind="collection", searchable=pager.number == 1))


def _offering_row(ctx: BuildContext, off_id: str) -> dict:
    g = ctx.graph
    off = g.offerings[off_id].model
    return {"link": item_link(g, "offerings", off_id), "provider": provider_link(g, off.provider),
            "category": term_name(g, "offering_categories", off.category), "summary": off.summary}


def _projects(ctx: BuildContext, plan: SitePlan) -> None:
    """The projects by phase on the first page; the marketplace offerings, paginated, below."""
    g = ctx.graph
    phases: dict[int, list[dict]] = {}
    for proj_id, item in sorted(g.projects.items(), key=lambda kv: kv[1].model.acronym.lower()):
        proj = item.model
        phases.setdefault(proj.phase, []).append({
            "link": item_link(g, "projects", proj_id),
            "proj": proj,
            "experiments": len(g.project_experiments.get(proj_id, [])),
            "offerings": [item_link(g, "offerings", o)
                          for o in g.project_offerings.get(proj_id, [])],
        })
    ordered = sorted(g.offerings, key=lambda o: g.offerings[o].model.title.lower())
    for pager in paginate(ordered, "projects/"):
        title = "Projects & Marketplace" + (f" (page {pager.number})" if pager.number > 1 else "")
        plan.add_page(PagePlan(
            pager.src_uri, title,
            static_view("projects.html", pager=pager,
                        phases=sorted(phases.items(), reverse=True) if pager.number == 1 else [],
                        offerings=[_offering_row(ctx, o) for o in pager.items], total=len(ordered)),
            "I4MS Innovation Actions by phase, their marketplaces and offerings.",
            kind="collection", searchable=pager.number == 1))


def _best_practices_page(ctx: BuildContext, pager: Pager, total: int) -> View:
    return view("best_practices.html", pager=pager,
                cards=[experiment_card(ctx.graph, e) for e in pager.items], total=total)


def _best_practices(ctx: BuildContext, plan: SitePlan) -> None:
    """Paginated cards, rendered in the page worker with the stories themselves."""
    g = ctx.graph
    ordered = featured_order(g, sorted(g.experiments))
    for pager in paginate(ordered, "best-practices/"):
        title = "Portfolio of Best Practices"
        if pager.number > 1:
            title += f" (page {pager.number})"
        plan.add_page(PagePlan(pager.src_uri, title,
                               partial(_best_practices_page, ctx, pager, len(ordered)),
                               "Success stories of I4MS application experiments.",
                               kind="collection", searchable=pager.number == 1))


def _organisations_page(ctx: BuildContext, pager: Pager, total: int) -> View:
    g = ctx.graph
    rows = [
        {"link": item_link(g, "organisations", o),
         "org": g.organisations[o].model,
         "type_text": ORGANISATION_TYPES[g.organisations[o].model.type],
         "country": country_link(g.organisations[o].model.country),
         "experiments": len(g.org_experiments.get(o, [])),
         "badges": organisation_badges(g, o)}
        for o in pager.items
    ]
    return view("organisations.html", pager=pager, rows=rows, total=total)


def _organisations(ctx: BuildContext, plan: SitePlan) -> None:
    g = ctx.graph
    ordered = sorted(g.organisations, key=lambda o: g.organisations[o].model.name.lower())
    for pager in paginate(ordered, "organisations/", per_page=100):
        title = "Organisations" + (f" (page {pager.number})" if pager.number > 1 else "")
        plan.add_page(PagePlan(pager.src_uri, title,
                               partial(_organisations_page, ctx, pager, len(ordered)),
                               "Companies, DIHs and research centres in I4MS experiments.",
                               kind="collection", searchable=pager.number == 1))


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    _calls(ctx, plan)
    _projects(ctx, plan)
    _best_practices(ctx, plan)
    _organisations(ctx, plan)
