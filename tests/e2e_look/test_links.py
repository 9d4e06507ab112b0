"""No internal link is broken: every ``href`` and ``src`` of every built page leads to a file of
the site, on the real content and on a synthetic site."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

SITE_URL = "https://i4ms-portal.github.io/i4ms-portal/"  # mkdocs.yml site_url: ours too
SITE_PATH = urlsplit(SITE_URL).path
ROOT = "http://site.invalid/"


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value:
                self.refs.append(value)


def _target(site: Path, page: Path, ref: str) -> Path | None:
    """The file a reference of ``page`` asks for, or None when it leaves the site."""
    if ref.startswith(SITE_URL):
        ref = "/" + ref[len(SITE_URL):]
        base = ROOT
    elif ref.startswith(SITE_PATH):  # the 404 page links from the site's root path
        ref = "/" + ref[len(SITE_PATH):]
        base = ROOT
    else:
        base = urljoin(ROOT, page.relative_to(site).as_posix())
    url = urljoin(base, ref)
    parts = urlsplit(url)
    if not url.startswith(ROOT) or parts.scheme not in ("http", "https"):
        return None  # another site, mailto:, data:, javascript: (the tests of escaping see to those)
    path = unquote(parts.path[len("/"):])
    return site / path / "index.html" if path.endswith("/") or path == "" else site / path


def broken_links(site: Path) -> list[str]:
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            if ref.startswith("#"):
                continue
            target = _target(site, page, ref)
            if target is not None and not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)}: {ref}")
    return broken


@pytest.mark.parametrize("which", ["real_site", "synthetic_site"])
def test_no_internal_link_is_broken(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    assert broken_links(site) == []


def test_the_walker_finds_a_broken_link(tmp_path: Path) -> None:
    """The check can fail: a link to a missing country page is reported, an external one is not."""
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("<p>x</p>")
    for n in range(20):
        (tmp_path / f"p{n}.html").write_text("<p>x</p>")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="countries/cz/">missing</a><img src="b/index.html">'
        f'<a href="https://i4ms.eu/">other site</a><a href="{SITE_URL}c/">ours, absolute</a>'
        f'<a href="{SITE_URL}gone/">ours, missing</a><a href="#top">here</a>')
    assert broken_links(tmp_path) == ["index.html: countries/cz/", f"index.html: {SITE_URL}gone/"]
