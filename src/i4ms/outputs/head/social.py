"""Sharing metadata of a page: Open Graph, Twitter card, feed and calendar links, JSON-LD.

Returns the extra ``<head>`` markup that ``overrides/main.html`` prints, every value
escaped here. The canonical link itself is the theme's (``page.canonical_url``); ``og:url``
is the same absolute URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from i4ms.outputs.head import jsonld
from i4ms.outputs.opendata import paths
from i4ms.outputs.pictures.og_image import HEIGHT, WIDTH
from i4ms.outputs.plan import PagePlan
from i4ms.views.context import BuildContext
from i4ms.views.dates import item_modified, story_date
from i4ms.views.urls import absolute, relative, url_of

DESCRIPTION_MAX = 300


@dataclass(frozen=True)
class ItemRef:
    collection: str
    id: str


def _meta(attr: str, key: str, value: str) -> str:
    return f'<meta {attr}="{escape(key)}" content="{escape(value)}">'


def _link(src_uri: str, rel: str, kind: str, title: str, path: str) -> str:
    return (f'<link rel="{rel}" type="{kind}" title="{escape(title)}" '
            f'href="{escape(relative(src_uri, path))}">')


def _description(ctx: BuildContext, page: PagePlan) -> str:
    text = " ".join((page.description or ctx.site_description or page.title).split())
    return text if len(text) <= DESCRIPTION_MAX else text[: DESCRIPTION_MAX - 1] + "…"


def page_url(ctx: BuildContext, src_uri: str) -> str:
    """The page's absolute URL: what MkDocs prints as the canonical link."""
    return absolute(ctx.site_url, url_of(src_uri))


def alternates(ctx: BuildContext, page: PagePlan, item: ItemRef | None) -> list[str]:
    """Feed autodiscovery on every page; the calendar on call and project pages."""
    src = page.src_uri
    out = [
        _link(src, "alternate", "application/atom+xml", f"{ctx.site_name}: success stories",
              paths.feed("success-stories", "atom")),
        _link(src, "alternate", "application/atom+xml", f"{ctx.site_name}: open calls",
              paths.feed("calls", "atom")),
    ]
    if item and item.collection == "projects":
        out.append(_link(src, "alternate", "text/calendar", "Call deadlines of this project",
                         paths.project_calendar(item.id)))
    elif (item and item.collection == "calls") or page.src_uri == "calls/index.md":
        out.append(_link(src, "alternate", "text/calendar", "Open call deadlines",
                         paths.calls_calendar()))
    return out


def head(ctx: BuildContext, page: PagePlan, item: ItemRef | None) -> str:
    g = ctx.graph
    url = page_url(ctx, page.src_uri)
    description = _description(ctx, page)
    title = ctx.site_name if page.src_uri == "index.md" else page.title
    raw_image = None
    story = item is not None and item.collection == "experiments" and g.is_success_story(item.id)
    if item is not None and item.collection == "experiments":
        raw_image = g.experiments[item.id].model.image
    image = jsonld.image(ctx, raw_image)
    own_image = image != absolute(ctx.site_url, paths.OG_IMAGE)
    tags = [
        _meta("property", "og:type", "article" if story else "website"),
        _meta("property", "og:site_name", ctx.site_name),
        _meta("property", "og:title", title),
        _meta("property", "og:description", description),
        _meta("property", "og:url", url),
        _meta("property", "og:image", image),
    ]
    if not own_image:
        tags += [
            _meta("property", "og:image:type", "image/png"),
            _meta("property", "og:image:width", str(WIDTH)),
            _meta("property", "og:image:height", str(HEIGHT)),
        ]
    tags.append(_meta("property", "og:image:alt", title if own_image else ctx.site_name))
    if story and item is not None:
        published = story_date(ctx, item.id)
        modified = item_modified(ctx, "experiments", item.id)
        if published:
            tags.append(_meta("property", "article:published_time", published.isoformat()))
        if modified:
            tags.append(_meta("property", "article:modified_time", modified.isoformat()))
    # Twitter/X reads og:title, og:description and og:image when its own tags are absent:
    # only the card type, which has no Open Graph equivalent, is its own.
    tags.append(_meta("name", "twitter:card", "summary_large_image"))
    tags += alternates(ctx, page, item)
    data = None
    if item is not None and item.collection in jsonld.BUILDERS:
        data = jsonld.BUILDERS[item.collection](ctx, item.id)
    elif page.src_uri == "index.md":
        data = jsonld.website(ctx)
    if data is not None:
        tags.append(jsonld.script(data))
    return "\n".join(tags)
