"""MkDocs events dispatched to the core: each handler makes one call on the build.

``hooks/i4ms_hooks.py`` re-exports these functions (a hook file cannot use relative
imports). State lives in one :class:`MkDocsBuild` kept on the config object, created in
``on_config``. The recipe is the core's (load -> resolve -> declare -> enrich -> render ->
emit); MkDocs only decides when each page is asked for.
"""

from __future__ import annotations

import gc
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from i4ms.adapters.mkdocs import chrome, reuse, sitemap, staging, watch
from i4ms.adapters.mkdocs.build import MkDocsBuild, start, stop_all
from i4ms.adapters.mkdocs.planned_page import PlannedPage
from i4ms.adapters.mkdocs.theme_shell import ThemeShells
from i4ms.outputs.footer import footer
from i4ms.render.parallel import BackgroundError

_KEY = "i4ms_build"


def _build(config: MkDocsConfig) -> MkDocsBuild:
    return config.extra[_KEY]


def on_startup(command: str, dirty: bool) -> None:
    staging.remember_command(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url must be set (badge embed codes and feeds use it)")
    project = Path(config.config_file_path).parent
    if config.extra.get("i4ms_serve_in_memory", True):
        staging.serve_from_memory(Path(config.site_dir))  # `mkdocs serve`: rebuilds in memory
    staged = staging.stage(Path(config.site_dir))
    if staged is not None:  # `mkdocs build`: write beside the site, swap it in at the end
        config.site_dir = str(staged.folder)
    try:
        config.extra[_KEY] = start(
            content=(project / config.extra.get("i4ms_content", "content")).resolve(),
            node_modules=(project / config.extra.get("i4ms_node_modules", "node_modules")).resolve(),
            site_dir=Path(config.site_dir), site_url=config.site_url, docs_dir=Path(config.docs_dir),
            site_name=config.site_name, site_description=config.site_description or "")
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    config.extra[_KEY].staging = staged
    chrome.add_theme_templates(config)
    # overrides/partials/footer.html prints it: the core's date, never one a template computes
    config.extra["i4ms_footer"] = footer(config.extra[_KEY].ctx)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build(config)
    for src in build.plan.pages:
        if files.get_file_from_path(src) is None:
            # Not in the nav by design: MkDocs need not list them in its log (thousands).
            files.append(File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV))
    for asset in [*build.plan.assets.values(), *sitemap.empty_sitemaps()]:
        files.append(File.generated(config, asset.path, content=asset.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan = _build(config).plan.pages.get(page.file.src_uri)
    if plan is None:
        return markdown
    chrome.set_page_meta(page, plan)
    # Prints the page's theme output when it was made without rendering (a reused or filled-in
    # shell, adapters.mkdocs.theme_shell), else includes main.html as MkDocs would.
    page.meta["template"] = reuse.TEMPLATE
    return ""


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    build = _build(config)
    build.nav_pages = {p.file.src_uri for p in nav.pages}
    for src in build.plan.pages.keys() - build.nav_pages:  # the nav's own keep their nav titles
        file = files.get_file_from_path(src)
        if file is not None:
            PlannedPage(None, file, config)  # replaces the Page the nav made for it
    if staging.serving():
        build.reuse_key = reuse.build_key(config, nav, [config.theme.custom_dir or "",
                                                        str(chrome.TEMPLATES)])
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    build = _build(config)
    if env.bytecode_cache is None:  # the theme's templates too, as i4ms.render.renderer does
        env.bytecode_cache = FileSystemBytecodeCache()
    cached = config.extra.get("i4ms_theme_cache", True)
    chrome.install_cache(env, build.nav_pages or set(), enabled=cached)
    build.shells = ThemeShells(env, build.nav_pages or set(), enabled=cached)
    sitemap.set_lastmod(build, files, Path(config.docs_dir))
    return env


def _rendered(build: MkDocsBuild, src: str):
    try:
        return build.page(src)
    except BackgroundError as err:
        raise PluginError(str(err)) from None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Hand the core's rendered page to the theme. No search plugin runs: the site search
    index is the core's own file job (:mod:`i4ms.outputs.search.site`)."""
    build = _build(config)
    src = page.file.src_uri
    if src not in build.plan.pages:
        page.meta["i4ms_head"] = build.head_of_written_page(page)
        return context
    html, head = _rendered(build, src)
    page.content = html
    if head:
        page.meta["i4ms_head"] = head
    if build.reuse_key is not None:
        reused = reuse.for_config(config.config_file_path).reused(
            src, reuse.page_key(build.reuse_key, page, html, head))
        if reused is not None:
            context[reuse.CONTEXT_KEY] = reused
            return context
    if build.shells is not None:
        filled = build.shells.output(page, context)
        if filled is not None:
            context[reuse.CONTEXT_KEY] = Markup(filled)  # noqa: S704 - the theme's output, filled with escaped values
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = config.extra.get(_KEY)
    if build is not None and build.shells is not None:
        build.shells.rendered(page, output)
    if build is not None and build.reuse_key is not None:
        reuse.for_config(config.config_file_path).keep(page.file.src_uri, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    build = config.extra.get(_KEY)
    if build is None:
        return
    try:
        build.finish()
    except BackgroundError as err:
        raise PluginError(str(err)) from None
    finally:
        gc.unfreeze()
    if build.staging is not None:  # everything is written: the new site replaces the old
        build.staging.swap_in()


def on_shutdown() -> None:
    stop_all()  # the last build's files may still be being written
    staging.leave_memory()
    # The process exits now: its collector's last scans of the heap (1.1 s at 10,000 items,
    # measured; 0.1 s for a plain Material site) would free nothing the system does not.
    gc.freeze()


def on_build_error(error: Exception) -> None:
    """A failed build stops its workers at once and leaves the previous site as it was."""
    stop_all()
    reuse.forget_unkept()
    gc.unfreeze()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    return watch.watch_natively(server, config)
