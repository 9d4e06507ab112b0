"""One MkDocs build: the core's plan, and its two workers, driven by MkDocs' events."""

from __future__ import annotations

import gc
import logging
import weakref
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from i4ms.adapters.mkdocs.staging import Staging, serving
from i4ms.adapters.mkdocs.theme_shell import ThemeShells
from i4ms.content.placeholders import explain_placeholders
from i4ms.content.problems import ContentError, format_text
from i4ms.outputs.head.social import head
from i4ms.outputs.pages.countries import map_atlas
from i4ms.outputs.pictures.europe_map import prepare_shapes, project_shapes, shapes_ready
from i4ms.outputs.plan import PagePlan, SitePlan
from i4ms.render.pages import PageRenderer, RenderedPage
from i4ms.render.parallel import Aside, AssetWriter, BackgroundError, BackgroundRenderer
from i4ms.render.recipe import prepare
from i4ms.views.context import BuildContext
from i4ms.views.dates import undated_stories

log = logging.getLogger("mkdocs.plugins.i4ms")

_RUNNING: weakref.WeakSet[MkDocsBuild] = weakref.WeakSet()
"""Builds whose workers run: ``on_build_error`` gets no config, and must stop them all."""


@dataclass(eq=False)
class MkDocsBuild:
    ctx: BuildContext
    plan: SitePlan
    writer: AssetWriter
    pages: PageRenderer
    renderer: BackgroundRenderer | None = None
    nav_pages: set[str] | None = None
    staging: Staging | None = None
    """Where `mkdocs build` writes until it succeeds (None under `mkdocs serve`)."""
    reuse_key: bytes | None = None
    """Under `mkdocs serve`, what every page's theme output depends on (adapters.mkdocs.reuse)."""
    shells: ThemeShells | None = None
    """Our pages' theme output, rendered once per kind of page (adapters.mkdocs.theme_shell)."""
    done: bool = field(default=False)

    def render_ahead(self) -> None:
        """Start the page workers while MkDocs still gathers files and the nav: our pages in
        the plan's order, which is MkDocs' build order (``on_files`` appends them in it).
        Two under `mkdocs serve`, which reuses the theme's output and asks faster than one
        renders; one for `mkdocs build`, whose theme pass keeps the other core busy."""
        self.renderer = BackgroundRenderer([(src, _bound(self.pages, src)) for src in self.plan.pages],
                                           workers=2 if serving() else 1)

    def page(self, src: str) -> RenderedPage:
        if self.renderer is None:
            return self.pages(src)
        return self.renderer.get(src)

    def head_of_written_page(self, page: Page) -> str:
        """Hand-written pages (docs/) get the same sharing metadata as ours, made by the core."""
        title = page.title or self.ctx.site_name
        description = (page.meta or {}).get("description") or self.ctx.site_description
        return head(self.ctx, PagePlan(page.file.src_uri, str(title), _no_view, str(description)),
                    None)

    def finish(self) -> None:
        if self.renderer is not None:
            self.renderer.close()
        if not serving():
            _RUNNING.discard(self)
            self.writer.finish()
            return
        # `mkdocs serve` reloads the browser when this returns: the edited page need not wait
        # for the search and open-data files (written within a second, or stopped by the
        # next build, which cleans the folder anyway).
        self.writer.finish_in_background(self._files_failed)

    def _files_failed(self, err: BackgroundError) -> None:
        _RUNNING.discard(self)
        log.error("the pages are up to date, but the site search and open-data files of this "
                  "build were not written: %s", err)

    def stop(self) -> None:
        _RUNNING.discard(self)
        if self.staging is not None:
            self.staging.discard()
        if self.renderer is not None:
            self.renderer.close(wait=0)
        self.writer.close(wait=0)


def _bound(pages: PageRenderer, src: str):
    return lambda: pages(src)


def _no_view():
    raise RuntimeError("a hand-written page has no view of ours")


def start(*, content: Path, node_modules: Path, site_dir: Path, site_url: str, site_name: str,
          site_description: str, docs_dir: Path | None = None) -> MkDocsBuild:
    stop_all()  # under `mkdocs serve`, the previous build's files still being written
    # The map's shapes are projected on the other core while the content loads on this one
    # (the page worker's first page, the home page, waited 0.14 s for them).
    atlas = map_atlas(node_modules)
    shapes = None
    if not shapes_ready(atlas) and atlas.is_file():
        shapes = Aside("the map's shapes", partial(project_shapes, atlas))
    try:
        ctx, plan = prepare(content, node_modules, site_url=site_url, site_name=site_name,
                            site_description=site_description, written_pages=docs_dir)
        if shapes is not None:
            prepare_shapes(atlas, shapes.result())
    except ContentError as err:
        raise PluginError(
            f"content in {content} is not valid; nothing was built:\n"
            + format_text(explain_placeholders(list(err.problems)))
        ) from None
    except BackgroundError as err:
        raise PluginError(str(err)) from None
    finally:
        if shapes is not None:
            shapes.close()
    # The graph lives for the whole build and holds no cycles to collect: keep the collector
    # from rescanning it, and the forked workers from copying memory the collector touches.
    # Undone when the build ends (on_post_build, on_build_error). Under `mkdocs serve` the
    # previous build's garbage is collected first: frozen, it was never collected, and every
    # rebuild grew the process (and each fork of it) by ~30,000 objects at 700 experiments.
    if serving():
        gc.collect()
    gc.freeze()
    undated = undated_stories(ctx)
    if undated:  # INFO, not a warning: --strict builds of content without dates still pass
        shown = ", ".join(undated[:5]) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        log.info("%d success stories have no date (no git history, no started/ended in their "
                 "front matter): the success-stories feed leaves them out: %s", len(undated), shown)
    build = MkDocsBuild(ctx, plan, AssetWriter(plan.runs(), site_dir), PageRenderer(plan))
    _RUNNING.add(build)
    build.render_ahead()
    return build


def stop_all() -> None:
    for build in list(_RUNNING):
        build.stop()
