"""A page for every country any page links to, and the map of Europe on the countries index.

Every country link (an organisation's country, an experiment's countries, a call's eligible
countries, an offering's countries) leads to ``countries/<code>/``, so each of those countries
gets a page: its Digital Innovation Hubs, its experiments (paginated), its organisations and
the calls open to its applicants. A country with no experiment still has hubs or organisations
to show; one with nothing at all is never linked, so has no page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pycountry
from markupsafe import Markup

from i4ms.outputs.pictures.europe_map import (
    ATLAS_FILE,
    CountryCounts,
    europe_map_svg,
    europe_map_table,
)
from i4ms.outputs.plan import PagePlan, SitePlan, View, view
from i4ms.views.context import BuildContext
from i4ms.views.links import country_name, experiment_card, featured_order, item_link
from i4ms.views.pagination import Pager, paginate
from i4ms.views.urls import relative

COUNTRY_PAGE = 200
"""Experiments per page: compact rows, as on the technology and sector pages."""

INDEX = "countries/index.md"
MAP_TITLE = "Experiments, organisations and Digital Innovation Hubs per country"


@dataclass(frozen=True)
class CountryFacts:
    """What the portal holds for one country, by item id."""

    experiments: list[str]
    organisations: list[str]
    dihs: list[str]
    calls: list[str]
    offerings: list[str]


def _dih_ids(ctx: BuildContext) -> set[str]:
    """Organisations of type ``dih``, and those a project names among its DIHs."""
    g = ctx.graph
    ids = {o for o, it in g.organisations.items() if it.model.type == "dih"}
    for proj in g.projects.values():
        ids.update(proj.model.dihs)
    return ids


def country_facts(ctx: BuildContext) -> dict[str, CountryFacts]:
    """Every country some page links to (upper-case ISO code) and what links it there."""
    g = ctx.graph
    memo = g.memo.get("country_facts")
    if memo is not None:
        return memo
    found: dict[str, dict[str, list[str]]] = {}

    def add(code: str, kind: str, item_id: str) -> None:
        bucket = found.setdefault(code.upper(), {k: [] for k in CountryFacts.__dataclass_fields__})
        if item_id not in bucket[kind]:
            bucket[kind].append(item_id)

    for exp_id in sorted(g.experiments):
        for code in g.experiment_countries[exp_id]:
            add(code, "experiments", exp_id)
    dihs = _dih_ids(ctx)
    for org_id in sorted(g.organisations):
        code = g.organisations[org_id].model.country
        add(code, "organisations", org_id)
        if org_id in dihs:
            add(code, "dihs", org_id)
    for call_id in sorted(g.calls):
        for code in g.calls[call_id].model.eligible_countries:
            add(code, "calls", call_id)
    for off_id in sorted(g.offerings):
        for code in g.offerings[off_id].model.countries:
            add(code, "offerings", off_id)
    facts = {code: CountryFacts(**kinds) for code, kinds in sorted(found.items())}
    g.memo["country_facts"] = facts
    return facts


def country_counts(ctx: BuildContext) -> dict[str, CountryCounts]:
    """The map's numbers: experiments, organisations and DIHs per country (ISO codes only)."""
    return {
        code: CountryCounts(len(f.experiments), len(f.organisations), len(f.dihs))
        for code, f in country_facts(ctx).items()
        if pycountry.countries.get(alpha_2=code) is not None
    }


def _atlas(ctx: BuildContext) -> Path:
    return map_atlas(ctx.packages())


def map_atlas(node_modules: Path) -> Path:
    """The file the map's shapes come from (:func:`~i4ms.outputs.pictures.europe_map.project_shapes`)."""
    return node_modules / "world-atlas" / ATLAS_FILE


def country_map(ctx: BuildContext, src: str, id_prefix: str = "i4ms-map") -> Markup:
    """The map of Europe and its table, every country with data a link to its page."""
    counts = country_counts(ctx)
    linked = country_facts(ctx)

    def link(code: str) -> str | None:
        return relative(src, f"countries/{code.lower()}/") if code in linked else None

    svg = europe_map_svg(counts, link, MAP_TITLE, id_prefix=id_prefix, atlas=_atlas(ctx))
    table = europe_map_table(counts, link, "Experiments, organisations and DIHs per country")
    # The table is the map's text alternative: in a disclosure, open to every reader.
    return Markup(  # noqa: S704 - both escaped in europe_map
        f'{svg}<details class="i4ms-map-data"><summary>The map as a table</summary>'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{table}</div></div>'
        "</details>")


def _links(ctx: BuildContext, collection: str, ids: list[str]) -> list:
    return [item_link(ctx.graph, collection, i) for i in ids]


def _country_page(ctx: BuildContext, code: str, pager: Pager, facts: CountryFacts) -> View:
    g = ctx.graph
    name = country_name(code)
    first = pager.number == 1
    return view(
        "country.html",
        name=name, pager=pager, facts=facts,
        rows=[experiment_card(g, e) for e in pager.items],
        dihs=_links(ctx, "organisations", facts.dihs) if first else [],
        organisations=_links(ctx, "organisations", facts.organisations) if first else [],
        calls=_links(ctx, "calls", facts.calls) if first else [],
        offerings=_links(ctx, "offerings", facts.offerings) if first else [],
    )


def _index(ctx: BuildContext, listing: list[dict]) -> View:
    return view("countries.html", listing=listing, map=country_map(ctx, INDEX))


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    g = ctx.graph
    listing = []
    for code, facts in country_facts(ctx).items():
        key = code.lower()
        name = country_name(code)
        exps = featured_order(g, list(facts.experiments))
        listing.append({"name": name, "url": f"countries/{key}/", "experiments": len(exps),
                        "organisations": len(facts.organisations), "dihs": len(facts.dihs)})
        for pager in paginate(exps, f"countries/{key}/", per_page=COUNTRY_PAGE):
            title = name + (f" (page {pager.number})" if pager.number > 1 else "")
            plan.add_page(PagePlan(pager.src_uri, title,
                                   partial(_country_page, ctx, code, pager, facts),
                                   f"I4MS in {name}: experiments, organisations and Digital "
                                   "Innovation Hubs.",
                                   kind="term", searchable=pager.number == 1))
    listing.sort(key=lambda row: row["name"].casefold())
    plan.add_page(PagePlan(INDEX, "Countries", partial(_index, ctx, listing),
                           "I4MS experiments, organisations and Digital Innovation Hubs by "
                           "country, on a map of Europe.", kind="collection"))

