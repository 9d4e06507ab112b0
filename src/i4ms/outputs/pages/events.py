"""Events (upcoming and past, from the visitor's clock) and news: a listing and a page each."""

from __future__ import annotations

from functools import partial

from i4ms.content.markdown import render_markdown
from i4ms.content.models.news import ANY_ITEM
from i4ms.outputs.opendata import paths
from i4ms.outputs.plan import PagePlan, SitePlan, View, view
from i4ms.views.context import BuildContext
from i4ms.views.events import event_row, news_row, upcoming_first
from i4ms.views.links import any_link, item_link, provider_link, term_link
from i4ms.views.pagination import Pager, paginate
from i4ms.views.urls import item_src

EVENTS = "events/index.md"
NEWS = "news/index.md"


def _events(ctx: BuildContext) -> View:
    ahead, past = upcoming_first(ctx, list(ctx.graph.events))
    return view("events.html", ahead=[event_row(ctx, e) for e in ahead],
                past=[event_row(ctx, e) for e in past],
                calendar=paths.events_calendar(), feed=paths.feed("events", "atom"))


def _event(ctx: BuildContext, event_id: str) -> View:
    g = ctx.graph
    item = g.events[event_id]
    ev = item.model
    body = render_markdown(item.body)
    speakers = [{"name": s.name, "role": s.role,
                 "organisation": item_link(g, "organisations", s.organisation) if s.organisation else None}
                for s in ev.speakers]
    return view(
        "event.html",
        ev=ev, row=event_row(ctx, event_id), body=body, speakers=speakers,
        agenda=ev.agenda, zone=ev.timezone.rpartition("/")[2].replace("_", " "),
        organisers=[provider_link(g, o) for o in ev.organisers],
        projects=[item_link(g, "projects", p) for p in ev.projects],
        calls=[item_link(g, "calls", c) for c in ev.calls],
        technologies=[term_link(g, "technologies", t) for t in ev.technologies],
        news=[news_row(ctx, n) for n, it in sorted(g.news.items()) if event_id in it.model.related],
        ics=paths.event_calendar(event_id),
    )


def _news_page(ctx: BuildContext, pager: Pager) -> View:
    return view("news.html", rows=[news_row(ctx, n) for n in pager.items], pager=pager,
                feed=paths.feed("news", "atom"))


def _news_item(ctx: BuildContext, news_id: str) -> View:
    g = ctx.graph
    item = g.news[news_id]
    body = render_markdown(item.body)
    return view(
        "news_item.html",
        item=item.model, row=news_row(ctx, news_id), body=body,
        related=[any_link(g, r, ANY_ITEM) for r in item.model.related],
    )


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    g = ctx.graph
    plan.add_page(PagePlan(EVENTS, "Events", partial(_events, ctx),
                           "Webinars, info days, Q&A sessions and conferences of I4MS projects.",
                           kind="collection"))
    for event_id, item in g.events.items():
        plan.add_page(PagePlan(item_src("events", event_id), item.model.title,
                               partial(_event, ctx, event_id), item.model.summary, kind="event"))
    newest = sorted(g.news, key=lambda n: (g.news[n].model.date, n), reverse=True)
    for pager in paginate(newest, "news/"):
        title = "News" + (f" (page {pager.number})" if pager.number > 1 else "")
        plan.add_page(PagePlan(pager.src_uri, title, partial(_news_page, ctx, pager),
                               "News of I4MS projects, Digital Innovation Hubs and the CSA.",
                               kind="collection", searchable=pager.number == 1))
    for news_id, item in g.news.items():
        plan.add_page(PagePlan(item_src("news", news_id), item.model.title,
                               partial(_news_item, ctx, news_id), item.model.summary, kind="news"))

