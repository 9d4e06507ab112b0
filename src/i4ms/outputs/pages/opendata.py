"""The open data: JSON API and CSV of every collection, schemas, feeds, calendars, the
default sharing image, and the "Open data" page that documents them.
"""

from __future__ import annotations

from i4ms.content.models import COLLECTIONS
from i4ms.content.schemas import schemas as content_schemas
from i4ms.outputs.opendata import api, calendars, csv_export, feeds, paths
from i4ms.outputs.opendata.records import api_collections, dump, records
from i4ms.outputs.pictures.og_image import default_image
from i4ms.outputs.plan import Asset, SiteOutput, SitePage
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
    assets.append(Asset(paths.OG_IMAGE, default_image()))
    return assets + _empty_sitemaps(assets)


EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def _empty_sitemaps(assets: list[Asset]) -> list[Asset]:
    """Material prefetches ``sitemap.xml`` beside every ``<link rel="alternate">`` (meant for
    language versions); our feed and calendar links would make it log a 404 on every page.
    An empty sitemap in their folders says truthfully that no pages live there."""
    folders = {a.path.rsplit("/", 1)[0] for a in assets
               if a.path.startswith((paths.FEEDS, paths.CALENDARS))}
    return [Asset(f"{folder}/sitemap.xml", EMPTY_SITEMAP) for folder in sorted(folders)]


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


def _page(ctx: BuildContext, counts: dict[str, int], all_feeds: list[feeds.Feed]) -> SitePage:
    g = ctx.graph
    src = paths.OPEN_DATA_PAGE
    collections = [
        {"name": c, "title": api.title_of(c), "count": counts[c], "json": paths.api_json(c),
         "csv": paths.api_csv(c), "schema": paths.api_schema(c),
         "item_schema": paths.item_schema(c)}
        for c in api_collections()
    ]
    projects = sorted(g.projects, key=lambda p: g.projects[p].model.acronym.lower())
    html = ctx.renderer.page(
        "open_data.html", src,
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
    return SitePage(src, "Open data", html,
                    "The portal's content as open data: JSON API, CSV, JSON Schemas, Atom and "
                    "RSS feeds, and iCalendar files of call deadlines.", kind="page")


def generate(ctx: BuildContext, out: SiteOutput) -> None:
    all_feeds = feeds.feeds(ctx)
    counts = _counts(ctx)

    def files() -> list[Asset]:
        index = api.index(ctx, counts, _feed_entries(ctx, all_feeds), _calendar_entries(ctx))
        return [*_files(ctx, all_feeds, counts),
                Asset(paths.api_index(), api.to_json(index, pretty=True))]

    out.add_job(files)
    out.add_page(_page(ctx, counts, all_feeds))
