"""A page per technology, sector and country listing its experiments (paginated)."""

from __future__ import annotations

from functools import partial

from i4ms.outputs.plan import PagePlan, SitePlan, View, static_view, view
from i4ms.views.context import BuildContext
from i4ms.views.links import country_name, experiment_card, featured_order, item_link
from i4ms.views.pagination import Pager, paginate

TERM_PAGE = 200
"""Compact rows, so a technology with thousands of experiments needs few pages."""

INDEX_TITLES = {"technologies": "Technologies", "sectors": "Sectors", "countries": "Countries"}

TERM_KINDS = {
    "technologies": "Technology",
    "sectors": "Sector",
}
"""Countries have pages of their own (outputs/pages/countries.py): organisations and hubs too."""


def experiments_by(ctx: BuildContext, kind: str) -> dict[str, list[str]]:
    g = ctx.graph
    out: dict[str, list[str]] = {}
    for exp_id, item in g.experiments.items():
        keys = (g.experiment_countries[exp_id] if kind == "countries"
                else getattr(item.model, kind))
        for key in keys:
            out.setdefault(key.lower() if kind == "countries" else key, []).append(exp_id)
    return out


def _name(ctx: BuildContext, kind: str, key: str) -> tuple[str, str]:
    if kind == "countries":
        return country_name(key.upper()), ""
    term = ctx.graph.taxonomy.terms(kind)[key]
    return term.name, term.description or ""


def _term_page(ctx: BuildContext, singular: str, name: str, description: str, pager: Pager,
               total: int) -> View:
    """Made where the pages render, with the item pages: the cards are most of the work."""
    return view(
        "term.html", singular=singular, name=name,
        description=description, pager=pager, total=total,
        rows=[experiment_card(ctx.graph, e) for e in pager.items],
    )


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    technology_areas(ctx, plan)
    g = ctx.graph
    for kind, singular in TERM_KINDS.items():
        by_key = experiments_by(ctx, kind)
        keys = (sorted(by_key) if kind == "countries" else [t.id for t in getattr(g.taxonomy, kind)])
        listing = []
        for key in keys:
            exps = featured_order(g, sorted(by_key.get(key, [])))
            name, description = _name(ctx, kind, key)
            listing.append({"name": name, "url": f"{kind}/{key}/", "count": len(exps)})
            for pager in paginate(exps, f"{kind}/{key}/", per_page=TERM_PAGE):
                title = name + (f" (page {pager.number})" if pager.number > 1 else "")
                plan.add_page(PagePlan(pager.src_uri, title,
                                       partial(_term_page, ctx, singular, name, description,
                                               pager, len(exps)),
                                       f"I4MS experiments: {singular.lower()} {name}.",
                                       kind="term", searchable=pager.number == 1))
        plan.add_page(PagePlan(f"{kind}/index.md", INDEX_TITLES[kind],
                               static_view("terms_index.html", singular=singular, kind=kind,
                                           listing=listing),
                               kind="collection"))


def technology_areas(ctx: BuildContext, plan: SitePlan) -> None:
    """A page per I4MS technology area: the projects and calls that name it."""
    g = ctx.graph
    listing = []
    for term in g.taxonomy.technology_areas:
        projects = [item_link(g, "projects", p) for p, it in sorted(g.projects.items())
                    if term.id in it.model.technology_areas]
        calls = [item_link(g, "calls", c) for c, it in sorted(g.calls.items())
                 if term.id in it.model.technology_areas]
        src = f"technology_areas/{term.id}.md"
        listing.append({"name": term.name, "url": f"technology_areas/{term.id}/",
                        "count": len(projects) + len(calls)})
        plan.add_page(PagePlan(src, term.name,
                               static_view("technology_area.html", term=term, projects=projects,
                                           calls=calls),
                               f"I4MS technology area: {term.name}.", kind="term"))
    plan.add_page(PagePlan("technology_areas/index.md", "Technology areas",
                           static_view("terms_index.html", singular="Technology area",
                                       kind="technology_areas", listing=listing),
                           kind="collection"))
