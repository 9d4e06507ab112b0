"""Where a page sits in the site: the collection it belongs to, and the trail back to it.

Item pages (an experiment, an organisation, a call...) and term pages are outside the theme's
navigation, so on their own they highlight no tab and say nothing of where a visitor is. Their
place follows from their folder alone (``experiments/x.md`` belongs to the Portfolio of Best
Practices), which is also what lets the theme's tabs be rendered once per folder and reused.
"""

from __future__ import annotations

from i4ms.outputs.plan import SitePlan
from i4ms.views.links import Link
from i4ms.views.urls import url_of

SECTIONS: dict[str, str] = {
    "best-practices": "best-practices/index.md",
    "experiments": "best-practices/index.md",
    "organisations": "organisations/index.md",
    "projects": "projects/index.md",
    "offerings": "projects/index.md",
    "calls": "calls/index.md",
    "labels": "labels/index.md",
    "technologies": "best-practices/index.md",
    "sectors": "best-practices/index.md",
    "countries": "best-practices/index.md",
    "technology_areas": "projects/index.md",
}
"""First folder of a page -> the collection listing (a tab of the site) it belongs to."""

TERM_FOLDERS = ("technologies", "sectors", "countries", "technology_areas")
"""Folders with an index page of their own between the collection and the page."""


def section_of(src_uri: str) -> str | None:
    """The listing page (source path) whose tab a page highlights, or None (home, about...)."""
    folder, slash, _ = src_uri.partition("/")
    return SECTIONS.get(folder) if slash else None


def _is_listing(src_uri: str, section: str) -> bool:
    """The collection's own pages (page 1 and the pages after it) need no trail to themselves."""
    root = section.rsplit("/", 1)[0]
    return src_uri == section or src_uri.startswith(f"{root}/page/")


def trail(plan: SitePlan, src_uri: str) -> list[Link]:
    """Collection > [term index >] this page; empty where a page has no section.

    The last link is the page itself (``url`` empty: not a link). Titles are the plan's, so a
    trail always names pages as their own headings do."""
    section = section_of(src_uri)
    if section is None or section not in plan.pages or _is_listing(src_uri, section):
        return []
    crumbs = [Link(plan.pages[section].title, url_of(section))]
    folder = src_uri.split("/", 1)[0]
    index = f"{folder}/index.md"
    if folder in TERM_FOLDERS and src_uri != index and index in plan.pages:
        crumbs.append(Link(plan.pages[index].title, url_of(index)))
    title = plan.pages[src_uri].title if src_uri in plan.pages else ""
    return [*crumbs, Link(title, "")]
