"""Every ``href`` and ``src`` of a built site, resolved as a browser would, checked on disk."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_EXTERNAL = ("http", "https", "mailto", "tel", "data", "javascript")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append((f"<{tag} {name}>", value))


def links_of(html: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.found


def target(site: Path, page: Path, link: str, base_path: str = "/") -> Path | None:
    """The file ``link`` on ``page`` asks for, or None for a link off the site. ``base_path``
    is where the site is served (``/i4ms-portal/`` of its site_url): 404.html links from there,
    since it is served at any address."""
    parts = urlsplit(link)
    if parts.scheme in _EXTERNAL or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:  # "#top" or "?q=": the page itself
        return page
    if path.startswith("/"):
        if not path.startswith(base_path):
            return site / "outside the site" / path.lstrip("/")
        base, path = site, path[len(base_path):]
    else:
        base = page.parent
    found = (base / path).resolve()
    if path.endswith("/") or found.is_dir():
        found = found / "index.html"
    return found


def broken_links(site: Path, base_path: str = "/i4ms-portal/") -> list[str]:
    """``page: <tag attr> link`` for every internal link whose target is not in ``site``."""
    site = site.resolve()
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no HTML files in {site}"
    for page in pages:
        for where, link in links_of(page.read_text(encoding="utf-8")):
            found = target(site, page, link, base_path)
            if found is None:
                continue
            if not found.is_relative_to(site) or not found.is_file():
                broken.append(f"{page.relative_to(site)}: {where} {link}")
    return broken
