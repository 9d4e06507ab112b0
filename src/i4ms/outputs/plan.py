"""What generators produce: pages (HTML fragments the theme wraps) and plain files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    """False for page 2+ of a listing: nothing there that the items' own pages don't say."""
    search_html: str | None = None
    """What the header search indexes instead of ``html``: the text, without cards and chrome."""
    deferred: Callable[[], tuple[str, str | None]] | None = None
    """Renders (html, search_html) later, possibly in another process; ``html`` is then ''."""
    deferred_head: Callable[[], str] | None = None
    """Makes ``head`` later, with the deferred HTML (sharing metadata of item pages)."""

    def rendered(self) -> tuple[str, str | None, str]:
        """(html, search_html, head), rendering what was deferred."""
        html, search_html = self.deferred() if self.deferred is not None else (
            self.html, self.search_html)
        return html, search_html, self.deferred_head() if self.deferred_head else self.head


@dataclass(frozen=True)
class Asset:
    """A file written as is (SVG badge, JSON, feed, calendar)."""

    path: str
    content: str | bytes


AssetJob = Callable[[], Iterable[Asset]]
"""Files that no page needs while the site is built (search indexes, open data, badges):
made later, possibly in another process, and written beside the pages."""


class OutputCollision(Exception):
    pass


@dataclass
class SiteOutput:
    """Everything a build writes, keyed by output path; refuses to write a path twice."""

    pages: dict[str, SitePage] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)
    jobs: list[AssetJob] = field(default_factory=list)

    def add_page(self, page: SitePage) -> None:
        if page.src_uri in self.pages or page.src_uri in self.assets:
            raise OutputCollision(f"two generators write {page.src_uri}")
        self.pages[page.src_uri] = page

    def add_asset(self, asset: Asset) -> None:
        if asset.path in self.assets or asset.path in self.pages:
            raise OutputCollision(f"two generators write {asset.path}")
        self.assets[asset.path] = asset

    def add_job(self, job: AssetJob) -> None:
        self.jobs.append(job)

    def run_jobs(self) -> list[Asset]:
        """The files of every job, checked like ``add_asset`` against everything else."""
        made: dict[str, Asset] = {}
        for job in self.jobs:
            for asset in job():
                if asset.path in made or asset.path in self.assets or asset.path in self.pages:
                    raise OutputCollision(f"two generators write {asset.path}")
                made[asset.path] = asset
        return list(made.values())

    def replace_page(self, page: SitePage) -> None:
        """For generators that enrich an existing page (e.g. social meta)."""
        self.pages[page.src_uri] = page
