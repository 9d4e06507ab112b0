"""Atom and RSS 2.0 feeds of success stories and of open calls, newest first (feedgen).

Entry dates are real, never the build's time: a success story is dated by its experiment's
``ended`` or ``started`` date, else by the last commit of its file, else by the content's
dates of its call and project (:func:`~i4ms.views.dates.story_date`); a story with none of
these is left out (the API lists it, and the build says so). A call is dated by when it
opens. Ties are ordered by id. Feeds carry the newest :data:`FEED_SIZE` entries, as feeds
do; the API has them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from i4ms.content.markdown import render_markdown
from i4ms.graph.call_status import opens_at
from i4ms.graph.event_time import starts_at
from i4ms.outputs.opendata import paths
from i4ms.views.context import BuildContext
from i4ms.views.dates import at_midnight, deadline_text, latest_content_date, opening_text, story_date
from i4ms.views.events import when_text, where_text
from i4ms.views.links import provider_link, term_name
from i4ms.views.urls import absolute, item_url, url_of

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

FEED_SIZE = 50
NO_DATE = datetime(1970, 1, 1, tzinfo=UTC)
"""A feed with no entries still needs an ``updated``: a fixed date, never the build's."""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    page: str  # absolute
    date: datetime
    summary: str
    author: str
    author_page: str  # absolute
    categories: tuple[str, ...] = ()
    html: Callable[[], str] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Feed:
    name: str
    title: str
    subtitle: str
    listing: str  # root-relative URL of the page the feed follows
    entries: list[Entry]


def newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (-e.date.timestamp(), e.id))[:FEED_SIZE]


def story_entries(ctx: BuildContext) -> list[Entry]:
    g = ctx.graph
    out = []
    for exp_id, item in g.experiments.items():
        when = story_date(ctx, exp_id) if g.is_success_story(exp_id) else None
        if when is None:
            continue
        exp = item.model
        project = g.projects[exp.project].model
        out.append(Entry(
            id=exp_id, title=exp.title, page=absolute(ctx.site_url, item_url("experiments", exp_id)),
            date=when, summary=exp.summary, author=project.acronym,
            author_page=absolute(ctx.site_url, item_url("projects", exp.project)),
            categories=tuple(term_name(g, "technologies", t) for t in exp.technologies),
            html=lambda body=item.body: str(render_markdown(body)),
        ))
    return newest_first(out)


def call_entries(ctx: BuildContext) -> list[Entry]:
    g = ctx.graph
    out = []
    for call_id, item in g.calls.items():
        call = item.model
        project = g.projects[call.project].model
        opens = opens_at(call)
        text = f"Opens {opening_text(call)}; deadline {deadline_text(call)}."
        if call.summary:
            text += " " + call.summary
        text += f" Details and how to apply: {call.url}"
        out.append(Entry(
            id=call_id, title=call.title, page=absolute(ctx.site_url, item_url("calls", call_id)),
            date=opens, summary=text, author=project.acronym,
            author_page=absolute(ctx.site_url, item_url("projects", call.project)),
            categories=(project.acronym,),
        ))
    return newest_first(out)


def event_entries(ctx: BuildContext) -> list[Entry]:
    """Dated by when they start: the latest-starting first, upcoming ones included."""
    g = ctx.graph
    out = []
    for event_id, item in g.events.items():
        ev = item.model
        first = provider_link(g, ev.organisers[0]) if ev.organisers else None
        out.append(Entry(
            id=event_id, title=ev.title, page=absolute(ctx.site_url, item_url("events", event_id)),
            date=starts_at(ev),
            summary=f"{when_text(ctx, event_id)}, {where_text(ctx, event_id)}. {ev.summary}",
            author=first.text if first else ctx.site_name,
            author_page=absolute(ctx.site_url, first.url) if first else ctx.site_url,
            categories=tuple(term_name(g, "technologies", t) for t in ev.technologies),
            html=lambda body=item.body: str(render_markdown(body)),
        ))
    return newest_first(out)


def news_entries(ctx: BuildContext) -> list[Entry]:
    g = ctx.graph
    out = []
    for news_id, item in g.news.items():
        news = item.model
        author = provider_link(g, news.authors[0])
        out.append(Entry(
            id=news_id, title=news.title, page=absolute(ctx.site_url, item_url("news", news_id)),
            date=at_midnight(news.date), summary=news.summary, author=author.text,
            author_page=absolute(ctx.site_url, author.url),
            html=lambda body=item.body: str(render_markdown(body)),
        ))
    return newest_first(out)


def feeds(ctx: BuildContext) -> list[Feed]:
    return [
        Feed("success-stories", f"{ctx.site_name}: success stories",
             "Success stories of I4MS application experiments, newest first.",
             "best-practices/", story_entries(ctx)),
        Feed("calls", f"{ctx.site_name}: open calls",
             "Open calls of I4MS projects, newest first by opening date.",
             url_of("calls/index.md"), call_entries(ctx)),
        Feed("events", f"{ctx.site_name}: events",
             "Webinars, info days and conferences of I4MS projects, latest first.",
             url_of("events/index.md"), event_entries(ctx)),
        Feed("news", f"{ctx.site_name}: news",
             "News of I4MS projects and Digital Innovation Hubs, newest first.",
             url_of("news/index.md"), news_entries(ctx)),
    ]


def _generator(ctx: BuildContext, feed: Feed, kind: str) -> FeedGenerator:
    # feedgen (and lxml) are imported in the build's files worker, not at every build's start
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    self_url = absolute(ctx.site_url, paths.feed(feed.name, kind))
    updated = max((e.date for e in feed.entries), default=None)
    if updated is None:
        updated = latest_content_date(ctx) or NO_DATE
    fg.id(self_url)
    fg.title(feed.title)
    fg.subtitle(feed.subtitle)  # RSS: description
    fg.language("en")
    fg.author({"name": ctx.site_name, "uri": ctx.site_url})
    fg.link(href=self_url, rel="self")
    fg.link(href=absolute(ctx.site_url, feed.listing), rel="alternate")  # last: RSS's <link>
    fg.updated(updated)
    fg.lastBuildDate(updated)  # feedgen's default is "now": never that
    fg.generator(ctx.site_name, uri=ctx.site_url)
    for e in feed.entries:
        fe = fg.add_entry(order="append")
        fe.id(e.page)
        fe.guid(e.page, permalink=True)
        fe.title(e.title)
        fe.link(href=e.page, rel="alternate")  # one link: feedgen 1.0 drops an entry link's rel
        fe.published(e.date)
        fe.updated(e.date)
        fe.author({"name": e.author, "uri": e.author_page})
        for c in e.categories:
            fe.category(term=c)
        fe.summary(e.summary)
        if e.html is not None:
            fe.content(e.html(), type="html")
    return fg


def atom(ctx: BuildContext, feed: Feed) -> bytes:
    return _generator(ctx, feed, "atom").atom_str(pretty=True, encoding="UTF-8")


def rss(ctx: BuildContext, feed: Feed) -> bytes:
    return _generator(ctx, feed, "rss").rss_str(pretty=True, encoding="UTF-8")


def feed_files(ctx: BuildContext, made: list[Feed] | None = None) -> dict[str, bytes]:
    """Site path -> bytes of every feed (of ``made``, when the caller has them already)."""
    out = {}
    for feed in made if made is not None else feeds(ctx):
        out[paths.feed(feed.name, "atom")] = atom(ctx, feed)
        out[paths.feed(feed.name, "rss")] = rss(ctx, feed)
    return out
