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
- the config script: depends on the folder depth only (``base_url``), on every page;
- the stylesheets, scripts and the footer: the same for every page of a folder below the root.

``overrides/main.html`` wraps each block in ``{% call i4ms_chrome.block(key) %}``: the
block's own markup is rendered only when the cache has none for the key, and a page that
gets no key renders as usual. A build with ``extra.i4ms_theme_cache: false`` gives no keys,
so the theme renders every block every time; the tests compare the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

_HEADER_TOPIC = re.compile(
    r'(data-md-component="header-topic">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)


_PER_FOLDER = {"styles", "libs", "fonts", "analytics", "footer", "scripts"}
"""Blocks made of the configuration and links only: the stylesheets, scripts and footer."""


class ChromeCache:
    def __init__(self, nav_pages: set[str], enabled: bool = True):
        self._nav_pages = nav_pages
        self._enabled = enabled
        self._html: dict[tuple, Markup] = {}
        self._headers: dict[tuple, tuple[str, str]] = {}

    def key(self, block: str, page: Any, base_url: str = "") -> tuple | None:
        if not self._enabled:
            return None
        if block == "config":
            return (block, base_url)
        if block in _PER_FOLDER:
            # Their links are relative to the page: the same for every page of a folder, except
            # at the root, where a footer link may point at the page itself (privacy/).
            folder = page.url.rstrip("/").rpartition("/")[0] if page is not None else ""
            return (block, folder) if folder else None
        if page is None or page.file.src_uri in self._nav_pages or page.toc:
            return None
        meta = page.meta or {}
        hide = tuple(sorted(meta.get("hide", []) or []))
        folder = page.url.rstrip("/").rpartition("/")[0]
        # The tab a page highlights (overrides/partials/tabs-item.html) follows its first
        # folder; pages at the root (technologies/, privacy/) share a folder, not a tab.
        return (block, folder, hide, meta.get("i4ms_section"))

    def block(self, key: tuple | None, caller: Callable[[], str]) -> Markup:
        """The block cached under ``key``, or ``caller()`` (the theme's markup), kept."""
        if key is not None and key in self._html:
            return self._html[key]
        markup = Markup(caller())  # noqa: S704 - the theme's own rendered output, already escaped
        if key is not None:
            self._html[key] = markup
        return markup

    def header(self, page: Any, caller: Callable[[], str]) -> Markup:
        """The header cut around its title, with this page's title put back; ``caller()``
        renders it the first time, and a header whose title is not where the theme puts it
        is never reused."""
        title = _title(page)
        key = self.key("header", page) if title is not None else None
        cut = self._headers.get(key) if key is not None else None
        if cut is not None:
            return Markup(cut[0] + title + cut[1])  # noqa: S704 - escaped title, as the theme prints it
        html = caller()
        found = _HEADER_TOPIC.search(html)
        if key is not None and found and found.group(2).strip() == title.strip():
            cut = (html[: found.end(1)] + "\n", "\n" + html[found.start(3):])
            self._headers[key] = cut
            # The first page of a folder gets the same bytes as the others: which page comes
            # first (under `mkdocs serve`, the first one rendered again) changes nothing.
            return Markup(cut[0] + title + cut[1])  # noqa: S704 - escaped title, as the theme prints it
        return Markup(html)  # noqa: S704 - the theme's own rendered output, already escaped


def _title(page: Any) -> str | None:
    """The title the header shows, only where our hooks set it escaped in ``page.meta``."""
    meta = getattr(page, "meta", None) or {}
    title = meta.get("title")
    return str(title) if title else None
