"""Render the theme's repeated blocks once per kind of page, not once per page.

Material renders the header, the tabs, the navigation sidebar and its JSON config for every
page, and on a large site those blocks are most of the build. Most of them are the same for
many pages:

- tabs and navigation sidebar: on a page that is not in the nav (an experiment, an
  organisation, a term: nearly every page of a large site) no nav entry is active and the
  table of contents is empty; links are relative to the page's folder, so the blocks are
  identical for every such page of the same folder (``experiments/``, ``countries/``);
- the header, for the same pages: the same in a folder except for the page title it shows,
  which is cut out and put back per page;
- the config script: depends on the folder depth only (``base_url``), on every page.

``overrides/main.html`` asks :class:`ChromeCache` for a key; a page that gets none renders as
usual. A build with ``extra.i4ms_theme_cache: false`` renders every block every time, which
the tests compare against.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

_HEADER_TOPIC = re.compile(
    r'(data-md-component="header-topic">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)


class ChromeCache:
    def __init__(self, nav_pages: set[str]):
        self._nav_pages = nav_pages
        self._html: dict[tuple, Markup] = {}
        self._headers: dict[tuple, tuple[str, str]] = {}

    def key(self, block: str, page: Any, base_url: str = "") -> tuple | None:
        if block == "config":
            return (block, base_url)
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

    def header(self, page: Any) -> Markup | None:
        """The cached header with this page's title, or None: render it, then ``put_header``."""
        title = _title(page)
        key = self.key("header", page) if title is not None else None
        cut = self._headers.get(key) if key is not None else None
        if cut is None:
            return None
        return Markup(cut[0] + title + cut[1])  # noqa: S704 - escaped title, as the theme prints it

    def put_header(self, page: Any, html: str) -> Markup:
        """Keep the header cut around its title, if the title is where the theme puts it."""
        title = _title(page)
        key = self.key("header", page) if title is not None else None
        found = _HEADER_TOPIC.search(html)
        if key is not None and found and found.group(2).strip() == title.strip():
            self._headers.setdefault(key, (html[: found.end(1)] + "\n", "\n" + html[found.start(3):]))
        return Markup(html)  # noqa: S704 - the theme's own rendered output, already escaped


def _title(page: Any) -> str | None:
    """The title the header shows, only where our hooks set it escaped in ``page.meta``."""
    meta = getattr(page, "meta", None) or {}
    title = meta.get("title")
    return str(title) if title else None
