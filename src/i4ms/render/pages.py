"""A page plan rendered: its main HTML and its ``<head>`` markup.

Every engine adapter gets pages from here, so a page is the same whatever engine wraps it.
"""

from __future__ import annotations

from typing import NamedTuple

from i4ms.outputs.plan import SitePlan
from i4ms.outputs.sections import trail
from i4ms.render.renderer import Renderer


class RenderedPage(NamedTuple):
    html: str
    head: str
    """Escaped extra ``<head>`` markup (sharing metadata, JSON-LD, preloads)."""


class PageRenderer:
    """Renders the pages of one plan; the Jinja environment is made on first use, in the
    process that renders (the forked page worker, as a rule)."""

    def __init__(self, plan: SitePlan):
        self.plan = plan
        self._renderer: Renderer | None = None

    def __call__(self, src_uri: str) -> RenderedPage:
        if self._renderer is None:
            self._renderer = Renderer()
        made = self.plan.pages[src_uri].view()
        html = self._renderer.page(made.template, src_uri, **made.context)
        crumbs = trail(self.plan, src_uri)
        if crumbs:  # where the page sits, above its heading, on every engine
            html = self._renderer.page("_breadcrumb.html", src_uri, crumbs=crumbs) + html
        return RenderedPage(html, self.plan.head_of(src_uri))
