"""Render the theme's tabs and sidebars once per kind of page, not once per page.

Material renders the tabs and the navigation sidebar for every page. On a page that is not
in the nav (an experiment, an organisation, a term: nearly every page of a large site) no
nav entry is active and the table of contents is empty; links are relative to the page's
folder, so those blocks are identical for every such page of the same folder
(``experiments/``, ``countries/``, ``best-practices/page/``).
``overrides/main.html`` asks :class:`ChromeCache` for a key; pages in the nav, or with a
table of contents, get none and render as usual.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


class ChromeCache:
    def __init__(self, nav_pages: set[str]):
        self._nav_pages = nav_pages
        self._html: dict[tuple, Markup] = {}

    def key(self, block: str, page: Any) -> tuple | None:
        if page is None or page.file.src_uri in self._nav_pages or page.toc:
            return None
        hide = tuple(sorted((page.meta or {}).get("hide", []) or []))
        folder = page.url.rstrip("/").rpartition("/")[0]
        return (block, folder, hide)

    def get(self, key: tuple | None) -> Markup | None:
        return None if key is None else self._html.get(key)

    def put(self, key: tuple | None, html: str) -> Markup:
        markup = Markup(html)  # noqa: S704 - the theme's own rendered output, already escaped
        if key is not None:
            self._html[key] = markup
        return markup
