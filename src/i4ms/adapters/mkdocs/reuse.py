"""`mkdocs serve`: a page whose theme output cannot have changed is not rendered again.

After every edit serve rebuilds the whole site in the same process, and wrapping ~1,300
pages in Material's templates was most of a rebuild at 700 experiments. Everything the theme
output of one of our pages depends on is put in its key:

- the page: our rendered HTML and ``<head>`` markup, its ``meta`` (title, description, kind,
  tab), URL and title;
- the build (:func:`build_key`): the mkdocs.yml file, the site URL, ``extra`` (the footer's
  facts), the nav (titles and URLs) and every template of the theme folders that can change
  while serve runs (``overrides/`` and ours; Material itself is an installed package).

A page with the same key as in the previous build gets that build's output
(``i4ms_page.html`` prints it instead of including ``main.html``); any other page renders as
usual. Only under `mkdocs serve` (a build keeps nothing between two processes), and only for
our pages: hand-written pages (``docs/``) have tables of contents and Markdown of their own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from markupsafe import Markup

TEMPLATE = "i4ms_page.html"
CONTEXT_KEY = "i4ms_reused"


class ThemeReuse:
    """Theme outputs of the previous build, by page: (key, output)."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[bytes, str]] = {}
        self._keys: dict[str, bytes] = {}

    def reused(self, src: str, key: bytes) -> Markup | None:
        """The previous output of ``src`` if its key is ``key``; remembers the key for
        :meth:`keep`."""
        self._keys[src] = key
        last = self._last.get(src)
        if last is not None and last[0] == key:
            return Markup(last[1])  # noqa: S704 - the theme's own output of the previous build
        return None

    def keep(self, src: str, output: str) -> None:
        key = self._keys.pop(src, None)
        if key is not None:
            self._last[src] = (key, output)

    def forget_unkept(self) -> None:
        """A build that failed half-way keeps what it finished; a key without an output is
        dropped, so a page is never matched against an output made from other input."""
        self._keys.clear()


_REUSE: dict[str, ThemeReuse] = {}


def for_config(config_file: str) -> ThemeReuse:
    """One store per mkdocs.yml, for the life of the serve process."""
    return _REUSE.setdefault(config_file, ThemeReuse())


def forget_unkept() -> None:
    for store in _REUSE.values():
        store.forget_unkept()


def _templates(folders: list[str]) -> list[tuple[str, int, int]]:
    out = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return out


def build_key(config: Any, nav: Any, changing_theme_dirs: list[str]) -> bytes:
    """What every page's theme output depends on besides the page itself."""
    digest = hashlib.blake2b(digest_size=16)
    config_file = config.config_file_path
    digest.update(Path(config_file).read_bytes() if config_file else b"")
    extra = {k: v for k, v in config.extra.items() if not k.startswith("i4ms_build")}
    for part in (config.site_url, repr(sorted(extra.items(), key=lambda kv: kv[0])),
                 repr([(p.file.src_uri, p.title, p.url) for p in nav.pages]),
                 repr(_templates(changing_theme_dirs)), repr(config.theme.dirs)):
        digest.update(b"\0" + str(part).encode("utf-8"))
    return digest.digest()


def page_key(build: bytes, page: Any, html: str, head: str) -> bytes:
    digest = hashlib.blake2b(build, digest_size=16)
    meta = sorted((str(k), repr(v)) for k, v in (page.meta or {}).items())
    for part in (page.file.src_uri, page.url, str(page.title), repr(meta), head, html):
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.digest()
