"""The open data: JSON API and CSV of every collection, schemas, feeds, calendars, the
default sharing image, and the "Open data" page that documents them.
"""

from __future__ import annotations

from functools import partial

from i4ms.content.models import COLLECTIONS
from i4ms.content.schemas import schemas as content_schemas
from i4ms.outputs.opendata import api, calendars, csv_export, event_calendars, feeds, paths
from i4ms.outputs.opendata.records import api_collections, dump, records
from i4ms.outputs.pictures.og_image import default_image
from i4ms.outputs.plan import Asset, PagePlan, SitePlan, View, view
from i4ms.views.context import BuildContext
from i4ms.views.urls import absolute


def _counts(ctx: BuildContext) -> dict[str, int]:
    """Items per published collection, known before the files are made (the page lists them);
    the files job checks that its records agree."""
    return {c: len(ctx.graph.collection(c)) if c in COLLECTIONS else len(records(ctx, c))
            for c in api_collections()}


def _files(ctx: BuildContext, all_feeds: list[feeds.Feed], counts: dict[str, int]) -> list[Asset]:
    assets = []
    for collection in api_collections():
        dumped = dump(collection, records(ctx, collection))
        data = api.envelope(ctx, collection, dumped)
        if data["count"] != counts[collection]:
            raise RuntimeError(f"open data: {collection} has {data['count']} records, "
                               f"the page says {counts[collection]}")
        assets.append(Asset(paths.api_json(collection), api.to_json(data)))
        assets.append(Asset(paths.api_csv(collection),
                            csv_export.collection_csv(ctx, collection, dumped)))
    assets += [Asset(path, text) for path, text in api.schema_files(ctx).items()]
    assets += [Asset(path, data) for path, data in feeds.feed_files(ctx, all_feeds).items()]
    assets += [Asset(path, data) for path, data in calendars.calendar_files(ctx).items()]
    assets += [Asset(path, data) for path, data in event_calendars.calendar_files(ctx).items()]
    assets.append(Asset(paths.OG_IMAGE, default_image()))
    return assets


def _feed_entries(ctx: BuildContext, all_feeds: list[feeds.Feed]) -> list[api.FeedEntry]:
    return [
        {"name": f.name, "title": f.title,
         "atom": absolute(ctx.site_url, paths.feed(f.name, "atom")),
         "rss": absolute(ctx.site_url, paths.feed(f.name, "rss"))}
        for f in all_feeds
    ]


def _calendar_entries(ctx: BuildContext) -> list[api.CalendarEntry]:
    g = ctx.graph
    out: list[api.CalendarEntry] = [
        {"name": "calls", "title": "Open call deadlines",
         "url": absolute(ctx.site_url, paths.calls_calendar()), "project": None},
    ]
    out += [
        {"name": f"projects/{p}", "title": f"{item.model.acronym}: open call deadlines",
         "url": absolute(ctx.site_url, paths.project_calendar(p)), "project": p}
        for p, item in g.projects.items()
    ]
    return out


def _page(ctx: BuildContext, counts: dict[str, int], all_feeds: list[feeds.Feed]) -> View:
    g = ctx.graph
    collections = [
        {"name": c, "title": api.title_of(c), "count": counts[c], "json": paths.api_json(c),
         "csv": paths.api_csv(c), "schema": paths.api_schema(c),
         "item_schema": paths.item_schema(c)}
        for c in api_collections()
    ]
    projects = sorted(g.projects, key=lambda p: g.projects[p].model.acronym.lower())
    return view(
        "open_data.html",
        api_base=absolute(ctx.site_url, paths.API),
        index={"path": paths.api_index(), "url": absolute(ctx.site_url, paths.api_index())},
        collections=collections,
        feeds=[{"title": f.title, "atom": paths.feed(f.name, "atom"),
                "rss": paths.feed(f.name, "rss")} for f in all_feeds],
        feed_size=feeds.FEED_SIZE,
        calls_calendar=paths.calls_calendar(),
        project_calendars=[
            {"title": f"{g.projects[p].model.acronym}: {g.projects[p].model.name}",
             "url": paths.project_calendar(p), "count": len(g.project_calls.get(p, []))}
            for p in projects
        ],
        content_schemas=[{"name": n[: -len(".schema.json")],
                          "url": paths.content_schema(n[: -len(".schema.json")])}
                         for n in content_schemas()],
        sitemap="sitemap.xml",
        calls_position=api_collections().index("calls"),
    )


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    all_feeds = feeds.feeds(ctx)
    counts = _counts(ctx)

    def files() -> list[Asset]:
        index = api.index(ctx, counts, _feed_entries(ctx, all_feeds), _calendar_entries(ctx))
        return [*_files(ctx, all_feeds, counts),
                Asset(paths.api_index(), api.to_json(index, pretty=True))]

    plan.add_job(files, own_run=True)
    plan.add_page(PagePlan(paths.OPEN_DATA_PAGE, "Open data", partial(_page, ctx, counts, all_feeds),
                           "The portal's content as open data: JSON API, CSV, JSON Schemas, Atom "
                           "and RSS feeds, and iCalendar files of call deadlines.", kind="page"))
