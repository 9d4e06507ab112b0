"""Material's sitemap habits, met: real lastmod dates, and no 404 beside feed links."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files

from i4ms.content.gitdates import last_commit_dates
from i4ms.outputs.opendata import paths
from i4ms.outputs.plan import Asset
from i4ms.views.dates import Lastmod

if TYPE_CHECKING:
    from i4ms.adapters.mkdocs.build import MkDocsBuild

EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def empty_sitemaps() -> list[Asset]:
    """Material prefetches ``sitemap.xml`` beside every ``<link rel="alternate">`` (meant for
    language versions); our feed and calendar links would make it log a 404 on every page.
    An empty sitemap in their folders says truthfully that no pages live there."""
    linked = [paths.feed("any", "atom"), paths.calls_calendar(), paths.project_calendar("any")]
    folders = {path.rsplit("/", 1)[0] for path in linked}
    return [Asset(f"{folder}/sitemap.xml", EMPTY_SITEMAP) for folder in sorted(folders)]


def set_lastmod(build: MkDocsBuild, files: Files, docs_dir: Path) -> None:
    """The sitemap's lastmod (``page.update_date``): when the content last changed, never the
    build date; MkDocs also stamps sitemap.xml.gz with the latest of them."""
    lastmod = Lastmod(build.ctx)
    docs = last_commit_dates(docs_dir)
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    found = []
    for page in pages:
        src = page.file.src_uri
        day = (lastmod.page(src) if src in build.plan.pages
               else docs[src].date() if src in docs else None)
        found.append((page, day.isoformat() if day else ""))
    if any(day for _, day in found):  # else keep MkDocs' dates: its gzip stamp needs one
        for page, day in found:
            page.update_date = day
