"""MkDocs' page object for a page of the core's plan, which skips MkDocs' Markdown pass.

A planned page's Markdown source is empty (its HTML comes from the core in
``on_page_context``), yet MkDocs made a new ``markdown.Markdown`` with every extension to
convert it: 0.22 ms a page, 0.3 s of a 1,000-item build in the engine's process (measured).
The result was always an empty body, no table of contents and no anchors: this is that
result, without the pass.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class PlannedPage(Page):
    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:  # as Page.render: read_source comes first
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.markdown:  # never for a planned page (on_page_markdown empties it): to be sure
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
