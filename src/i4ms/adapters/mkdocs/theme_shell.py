"""Our pages in Material's templates: the theme renders one page per kind, each page is that
output with its own values put in.

The blocks :mod:`~i4ms.adapters.mkdocs.theme_chrome` renders once per folder left the page's
skeleton to render for every page: the ``<head>``, the content block, Material's language
import, the blocks' lookups. That was still the engine's largest cost, and the critical path
of a build (its main process; measured at 1,000 items: 0.6-1.3 s of a 2.6 s build, and most of
the main process's 14 s at 10,000).

For one of our pages that is not in the nav (nearly every page), the theme's output depends on
the page only through five values: its title, its description, its canonical URL, our
``<head>`` markup and our HTML. Everything else it reads is the same for every page of a
*key*: the folder (links are relative, the tab follows the folder), whether it is the home
page, every other ``meta`` entry (kind, tab, template), whether it has a description and head
markup, and whether our HTML has its own ``<h1>`` (or the theme prints one). So the theme
renders a page of each key once with stand-ins for the five values, and every page of the key
gets that output with its own values put back, as they were set (escaped by our hooks).

Trust, but check: the first :data:`CHECKS` pages of each key are also rendered as usual and
compared with the filled-in output, byte for byte; a key whose output differs (a theme
template that transforms one of the values, say) is never filled in again. A page that fits
no key renders as usual. ``extra.i4ms_theme_cache: false`` turns this off with the block
cache; the tests compare whole builds with and without.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.i4ms")

CHECKS = 2
"""Pages of each key rendered as usual too, and compared with the filled-in output."""

_MARK = "\x00i4ms-{}\x00"
"""Stand-ins: NUL is in no value of ours (the loader refuses control characters), and a
page whose values hold one is rendered as usual."""
TITLE, DESCRIPTION, CANONICAL, HEAD, CONTENT = (
    _MARK.format(name) for name in ("title", "description", "canonical", "head", "content"))

_FILLED_META = ("title", "description", "i4ms_head")


def _values(page: Page) -> dict[str, str]:
    meta = page.meta or {}
    return {TITLE: str(meta.get("title") or ""), DESCRIPTION: str(meta.get("description") or ""),
            CANONICAL: page.canonical_url or "", HEAD: str(meta.get("i4ms_head") or ""),
            CONTENT: page.content or ""}


def _content_mark(has_h1: bool) -> str:
    """Our HTML's stand-in takes the same branch of Material's ``"<h1" not in page.content``."""
    return CONTENT + ("<h1" if has_h1 else "")


class ThemeShells:
    """Per key: the theme's output with stand-ins, and how many pages confirmed it."""

    def __init__(self, env: Any, nav_pages: set[str], enabled: bool = True):
        self._env = env
        self._nav_pages = nav_pages
        self._enabled = enabled
        self._shells: dict[tuple, list[str]] = {}
        self._confirmed: dict[tuple, int] = {}
        self._broken: set[tuple] = set()
        self._checking: dict[str, tuple[tuple, str]] = {}

    def key(self, page: Page, values: dict[str, str]) -> tuple | None:
        """The page's kind, from everything but its ``values``; None: it fits no kind."""
        if not self._enabled or page.file.src_uri in self._nav_pages:
            return None
        meta = page.meta or {}
        if (page.toc or page.previous_page or page.next_page or not meta.get("title")
                or page.title != meta.get("title")):
            return None
        if any("\x00" in value for value in values.values()):
            return None
        rest = tuple(sorted((str(k), repr(v)) for k, v in meta.items() if k not in _FILLED_META))
        folder = page.url.rstrip("/").rpartition("/")[0]
        return (folder, page.is_homepage, rest, bool(values[DESCRIPTION]), bool(values[HEAD]),
                page.canonical_url is not None, "<h1" in values[CONTENT])

    def output(self, page: Page, context: dict) -> str | None:
        """The page's theme output filled in, or None: render it as usual (a page of a key
        still being checked is then compared in :meth:`rendered`)."""
        values = _values(page)
        key = self.key(page, values)
        if key is None or key in self._broken:
            return None
        pieces = self._shells.get(key)
        if pieces is None:
            shell = self._render_shell(page, context, has_h1=key[-1])
            pieces = self._shells[key] = _split(shell, has_h1=key[-1])
        filled = _fill(pieces, values, has_h1=key[-1])
        if self._confirmed.get(key, 0) >= CHECKS:
            return filled
        self._checking[page.file.src_uri] = (key, filled)
        return None

    def rendered(self, page: Page, output: str) -> None:
        """The theme's own output of a page being checked: it confirms its key, or breaks it."""
        checking = self._checking.pop(page.file.src_uri, None)
        if checking is None:
            return
        key, filled = checking
        if output == filled:
            self._confirmed[key] = self._confirmed.get(key, 0) + 1
        else:
            self._broken.add(key)
            log.debug("theme shell of %s differs from the theme's page: not reused", key)

    def _render_shell(self, page: Page, context: dict, has_h1: bool) -> str:
        """The theme's page with stand-ins for the five values; the page is put back as it was."""
        meta = page.meta
        saved_meta = {k: meta[k] for k in _FILLED_META if k in meta}
        saved = (page.content, page.canonical_url)
        try:
            meta["title"] = TITLE
            if "description" in saved_meta:
                meta["description"] = DESCRIPTION
            if "i4ms_head" in saved_meta:
                meta["i4ms_head"] = HEAD
            page.content = _content_mark(has_h1)
            if page.canonical_url is not None:
                page.canonical_url = CANONICAL
            return self._env.get_template("main.html").render(context)
        finally:
            page.content, page.canonical_url = saved
            meta.update(saved_meta)


def _marks(has_h1: bool) -> tuple[str, ...]:
    return TITLE, DESCRIPTION, CANONICAL, HEAD, _content_mark(has_h1)


def _split(shell: str, has_h1: bool) -> list[str]:
    """Once per key, not per page: the shell as text and stand-ins in turn (odd places)."""
    return re.split("(" + "|".join(map(re.escape, _marks(has_h1))) + ")", shell)


def _fill(pieces: list[str], values: dict[str, str], has_h1: bool) -> str:
    """The same as replacing each stand-in in the shell: no value holds a NUL (see key)."""
    by_mark = dict(zip(_marks(has_h1), (values[TITLE], values[DESCRIPTION], values[CANONICAL],
                                         values[HEAD], values[CONTENT]), strict=True))
    out = pieces.copy()
    out[1::2] = [by_mark[mark] for mark in pieces[1::2]]
    return "".join(out)
