"""The three I4MS collections (Open Calls, Projects & Marketplace, Best Practices) and the directory."""

from __future__ import annotations

from i4ms.graph.call_status import CallStatus, closes_at
from i4ms.site.context import BuildContext
from i4ms.site.generators.items import call_row
from i4ms.site.output import SiteOutput, SitePage
from i4ms.site.pagination import paginate
from i4ms.site.views import (
    country_link,
    experiment_card,
    featured_order,
    item_link,
    organisation_badges,
    provider_link,
    term_name,
)


def _calls(ctx: BuildContext, out: SiteOutput) -> None:
    g = ctx.graph
    groups: dict[str, list[dict]] = {s.value: [] for s in CallStatus}
    for call_id in sorted(g.calls, key=lambda c: (closes_at(g.calls[c].model), c)):
        row = call_row(ctx, call_id)
        groups[row["status"]].append(row)
    groups["closed"].reverse()  # most recently closed first
    src = "calls/index.md"
    html = ctx.renderer.page("calls.html", src, groups=groups)
    out.add_page(SitePage(src, "Open calls", html,
                          "Open calls for I4MS application experiments and awards.",
                          kind="collection"))


def _projects(ctx: BuildContext, out: SiteOutput) -> None:
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
    offerings = [
        {"link": item_link(g, "offerings", o), "provider": provider_link(g, it.model.provider),
         "category": term_name(g, "offering_categories", it.model.category),
         "summary": it.model.summary}
        for o, it in sorted(g.offerings.items())
    ]
    src = "projects/index.md"
    html = ctx.renderer.page(
        "projects.html", src, phases=sorted(phases.items(), reverse=True), offerings=offerings,
    )
    out.add_page(SitePage(src, "Projects & Marketplace", html,
                          "I4MS Innovation Actions by phase, their marketplaces and offerings.",
                          kind="collection"))


def _best_practices(ctx: BuildContext, out: SiteOutput) -> None:
    g = ctx.graph
    ordered = featured_order(g, sorted(g.experiments))
    pagers = paginate(ordered, "best-practices/")
    for pager in pagers:
        html = ctx.renderer.page(
            "best_practices.html", pager.src_uri,
            pager=pager, cards=[experiment_card(g, e) for e in pager.items],
            total=len(ordered),
        )
        title = "Portfolio of Best Practices"
        if pager.number > 1:
            title += f" (page {pager.number})"
        out.add_page(SitePage(pager.src_uri, title, html,
                              "Success stories of I4MS application experiments.",
                              kind="collection", searchable=pager.number == 1))


def _organisations(ctx: BuildContext, out: SiteOutput) -> None:
    g = ctx.graph
    ordered = sorted(g.organisations, key=lambda o: g.organisations[o].model.name.lower())
    for pager in paginate(ordered, "organisations/", per_page=100):
        rows = [
            {"link": item_link(g, "organisations", o),
             "org": g.organisations[o].model,
             "country": country_link(g.organisations[o].model.country),
             "experiments": len(g.org_experiments.get(o, [])),
             "badges": organisation_badges(g, o)}
            for o in pager.items
        ]
        html = ctx.renderer.page("organisations.html", pager.src_uri, pager=pager, rows=rows,
                                 total=len(ordered))
        title = "Organisations" + (f" (page {pager.number})" if pager.number > 1 else "")
        out.add_page(SitePage(pager.src_uri, title, html,
                              "Companies, DIHs and research centres in I4MS experiments.",
                              kind="collection", searchable=pager.number == 1))


def generate(ctx: BuildContext, out: SiteOutput) -> None:
    _calls(ctx, out)
    _projects(ctx, out)
    _best_practices(ctx, out)
    _organisations(ctx, out)
