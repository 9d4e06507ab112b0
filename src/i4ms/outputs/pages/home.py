"""The home page: what I4MS is, figures computed from the content, calls closing soonest, stories."""

from __future__ import annotations

from collections import Counter
from functools import partial

from markupsafe import Markup

from i4ms.graph.call_status import CallStatus, closes_at
from i4ms.outputs.opendata import paths
from i4ms.outputs.pages.countries import country_map
from i4ms.outputs.pictures.charts import Bar, bar_chart_svg, top_bars
from i4ms.outputs.plan import PagePlan, SitePlan, View, view
from i4ms.views.calls import call_row
from i4ms.views.context import BuildContext
from i4ms.views.events import event_row, news_row, upcoming_first
from i4ms.views.links import country_name, experiment_card, featured_order
from i4ms.views.urls import relative

HOME = "index.md"
FEATURED = 6
NEXT_EVENTS = 3
LATEST_NEWS = 3
CLOSING = 5


def charts(ctx: BuildContext, src: str) -> list[Markup]:
    g = ctx.graph
    by_tech: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    by_project: Counter[str] = Counter()
    for exp_id, item in g.experiments.items():
        by_tech.update(item.model.technologies)
        by_country.update(g.experiment_countries[exp_id])
        by_project[item.model.project] += 1
    terms = g.taxonomy.terms("technologies")

    def link(url: str) -> str:
        return relative(src, url)

    specs = [
        ("Experiments by technology",
         {k: Bar(terms[k].name, v, f"technologies/{k}/") for k, v in by_tech.items()}),
        ("Experiments by country",
         {k: Bar(country_name(k), v, f"countries/{k.lower()}/") for k, v in by_country.items()}),
        ("Experiments by project",
         {k: Bar(g.projects[k].model.acronym, v, f"projects/{k}/") for k, v in by_project.items()}),
    ]
    return [Markup(bar_chart_svg(title, top_bars(bars), link))  # noqa: S704 - escaped in charts
            for title, bars in specs if bars]


def subscriptions() -> dict[str, str]:
    """What a visitor can subscribe to when no call is open: one file, one click each."""
    return {"feed": paths.feed("calls", "atom"), "calendar": paths.calls_calendar()}


def _home(ctx: BuildContext) -> View:
    g = ctx.graph
    rows = [call_row(ctx, c) for c in sorted(g.calls, key=lambda c: closes_at(g.calls[c].model))]
    open_rows = [r for r in rows if r["status"] == CallStatus.OPEN]
    upcoming = [r for r in rows if r["status"] == CallStatus.UPCOMING]
    figures = {
        "projects": len(g.projects),
        "experiments": len(g.experiments),
        "countries": len(g.countries()),
        "labelled": len(g.labelled_organisations()),
        "open_calls": len(open_rows),
    }
    featured = featured_order(g, sorted(g.experiments))[:FEATURED]
    return view(
        "home.html", figures=figures, closing=(open_rows + upcoming)[:CLOSING],
        windows=[[r["opens"].isoformat(), r["closes"].isoformat()] for r in rows],
        featured=[experiment_card(g, e) for e in featured], charts=charts(ctx, HOME),
        events=[event_row(ctx, e) for e in upcoming_first(ctx, list(g.events))[0][:NEXT_EVENTS]],
        news=[news_row(ctx, n) for n in sorted(g.news, key=lambda n: (g.news[n].model.date, n),
                                              reverse=True)[:LATEST_NEWS]],
        upcoming=upcoming[:CLOSING], subscribe=subscriptions(), map=country_map(ctx, HOME),
    )


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    plan.add_page(PagePlan(HOME, "I4MS portal", partial(_home, ctx),
                           "I4MS helps manufacturing SMEs try digital technologies through "
                           "funded application experiments.", kind="home"))
