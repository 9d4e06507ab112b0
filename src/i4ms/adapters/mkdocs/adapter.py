"""The only module that imports MkDocs: it dispatches MkDocs events to the core.

``hooks/i4ms_hooks.py`` re-exports these functions (a hook file cannot use
relative imports). State lives in one :class:`Build` kept on the config
object, created in ``on_config``.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from i4ms.adapters.mkdocs.theme_chrome import ChromeCache
from i4ms.content.gitdates import last_commit_dates
from i4ms.content.placeholders import explain_placeholders
from i4ms.content.problems import ContentError, format_text
from i4ms.graph import load_graph
from i4ms.outputs.pages import generate_site
from i4ms.outputs.plan import SiteOutput, SitePage
from i4ms.render.parallel import AssetWriter, BackgroundError, BackgroundRenderer
from i4ms.views.context import BuildContext
from i4ms.views.dates import Lastmod

_KEY = "i4ms_build"


@dataclass
class Build:
    output: SiteOutput
    ctx: BuildContext
    renderer: BackgroundRenderer | None = None
    nav_pages: set[str] | None = None
    writer: AssetWriter | None = None


def build_moment() -> datetime:
    """The build's "now": SOURCE_DATE_EPOCH when set, so two builds can be byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def content_dir(config: MkDocsConfig) -> Path:
    configured = config.extra.get("i4ms_content", "content")
    return (Path(config.config_file_path).parent / configured).resolve()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url must be set (badge embed codes and feeds use it)")
    root = content_dir(config)
    try:
        graph = load_graph(root)
    except ContentError as err:
        raise PluginError(
            f"content in {root} is not valid; nothing was built:\n"
            + format_text(explain_placeholders(list(err.problems)))
        ) from None
    ctx = BuildContext(graph=graph, now=build_moment(), site_url=config.site_url,
                       site_name=config.site_name, content_dates=last_commit_dates(root),
                       site_description=config.site_description or "")
    build = Build(generate_site(ctx), ctx)
    config.extra[_KEY] = build
    # The graph lives for the whole build and holds no cycles to collect: keep the collector
    # from rescanning it, and the forked workers from copying memory the collector touches.
    gc.freeze()
    build.writer = AssetWriter(build.output.run_jobs, Path(config.site_dir))
    return config


def _build(config: MkDocsConfig) -> Build:
    return config.extra[_KEY]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build(config)
    if build.writer is not None:  # the site folder is clean now: the worker may write into it
        build.writer.start_writing()
    for page in build.output.pages.values():
        if files.get_file_from_path(page.src_uri) is None:
            files.append(File.generated(config, page.src_uri, content=""))
    for asset in build.output.assets.values():
        files.append(File.generated(config, asset.path, content=asset.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _build(config).output.pages.get(page.file.src_uri)
    if generated is None:
        return markdown
    # Material prints page.meta.title and description unescaped: give it escaped text.
    page.meta["title"] = str(escape(generated.title))
    if generated.description:
        page.meta["description"] = str(escape(generated.description))
    page.meta["i4ms_kind"] = generated.kind
    if not generated.searchable:
        page.meta["search"] = {"exclude": True}
    if generated.head:
        page.meta["i4ms_head"] = generated.head
    return ""


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _build(config).nav_pages = {p.file.src_uri for p in nav.pages}
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    """Pages are enumerated; start rendering deferred ones while MkDocs renders the theme."""
    build = _build(config)
    if env.bytecode_cache is None:  # the theme's templates too, as i4ms.render.renderer does
        env.bytecode_cache = FileSystemBytecodeCache()
    env.globals["i4ms_chrome"] = ChromeCache(  # i4ms_theme_cache false: render every block
        build.nav_pages or set(), enabled=config.extra.get("i4ms_theme_cache", True))
    deferred = [(p.src_uri, p.rendered) for p in build.output.pages.values() if p.deferred]
    order = {f.src_uri: i for i, f in enumerate(files.documentation_pages())}
    deferred.sort(key=lambda pair: order.get(pair[0], len(order)))
    build.renderer = BackgroundRenderer(deferred)
    _set_lastmod(build, files, config)
    return env


def _set_lastmod(build: Build, files: Files, config: MkDocsConfig) -> None:
    """The sitemap's lastmod (``page.update_date``): when the content last changed, never the
    build date; MkDocs also stamps sitemap.xml.gz with the latest of them."""
    lastmod = Lastmod(build.ctx)
    docs = last_commit_dates(Path(config.docs_dir))
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    found = []
    for page in pages:
        src = page.file.src_uri
        day = (lastmod.page(src) if src in build.output.pages
               else docs[src].date() if src in docs else None)
        found.append((page, day.isoformat() if day else ""))
    if any(day for _, day in found):  # else keep MkDocs' dates: its gzip stamp needs one
        for page, day in found:
            page.update_date = day


def on_post_build(config: MkDocsConfig) -> None:
    build = config.extra.get(_KEY)
    if build is None:
        return
    if build.renderer is not None:
        build.renderer.close()
    if build.writer is not None:
        writer, build.writer = build.writer, None
        try:
            writer.finish()
        except BackgroundError as err:
            raise PluginError(str(err)) from None



def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _build(config).output.pages.get(page.file.src_uri)
    return generated.html if generated else html


def _rendered(config: MkDocsConfig, generated: SitePage) -> tuple[str, str | None, str]:
    build = _build(config)
    if generated.deferred is None or build.renderer is None:
        return generated.rendered()
    try:
        return build.renderer.get(generated.src_uri)
    except BackgroundError as err:
        raise PluginError(str(err)) from None


@event_priority(100)  # before Material's search plugin reads page.content
def _lean_content_for_search(
    context: dict, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict:
    generated = _build(config).output.pages.get(page.file.src_uri)
    if generated is None:
        return context
    html, search_html, head = _rendered(config, generated)
    if generated.deferred is not None:
        page.content = html
        if head:
            page.meta["i4ms_head"] = head
    if search_html is not None:
        page.meta["_i4ms_full_content"] = html
        page.content = search_html
    return context


@event_priority(-100)  # after every plugin, before the theme renders the page
def _full_content_for_page(
    context: dict, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict:
    full = page.meta.pop("_i4ms_full_content", None)
    if full is not None:
        page.content = full
    return context


on_page_context = CombinedEvent(_lean_content_for_search, _full_content_for_page)
"""Search indexes each item's text, not its cards and embed snippets: smaller index, faster build."""
