"""What generators produce: pages (HTML fragments the theme wraps) and plain files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SitePage:
    """A page the theme wraps: ``html`` is the escaped main content, ``title`` plain text."""

    src_uri: str
    title: str
    html: str
    description: str = ""
    head: str = ""
    """Extra escaped ``<head>`` markup (social meta, JSON-LD) from later generators."""
    kind: str = "page"
    searchable: bool = True
    search_html: str | None = None
    """What the header search indexes instead of ``html``: the text, without cards and chrome."""
    deferred: Callable[[], tuple[str, str | None]] | None = None
    """Renders (html, search_html) later, possibly in another process; ``html`` is then ''."""

    def rendered(self) -> tuple[str, str | None]:
        return self.deferred() if self.deferred is not None else (self.html, self.search_html)
    """False for page 2+ of a listing: nothing there that the items' own pages don't say."""


@dataclass(frozen=True)
class Asset:
    """A file written as is (SVG badge, JSON, feed, calendar)."""

    path: str
    content: str | bytes


class OutputCollision(Exception):
    pass


@dataclass
class SiteOutput:
    """Everything a build writes, keyed by output path; refuses to write a path twice."""

    pages: dict[str, SitePage] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)

    def add_page(self, page: SitePage) -> None:
        if page.src_uri in self.pages or page.src_uri in self.assets:
            raise OutputCollision(f"two generators write {page.src_uri}")
        self.pages[page.src_uri] = page

    def add_asset(self, asset: Asset) -> None:
        if asset.path in self.assets or asset.path in self.pages:
            raise OutputCollision(f"two generators write {asset.path}")
        self.assets[asset.path] = asset

    def replace_page(self, page: SitePage) -> None:
        """For generators that enrich an existing page (e.g. social meta)."""
        self.pages[page.src_uri] = page
