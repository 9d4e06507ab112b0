"""A page says only what a visitor needs: no maintainer's note reaches a built page.

The text a visitor reads (not attributes or URLs, not scripts or styles) of every page of the
real site is searched for wording meant for maintainers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

MAINTAINER_WORDING = re.compile(
    r"\b(?:the seed|seeds?|our sources|sources do not state|TODO|FIXME|TBD|not sure|"
    r"maintainers?|to be checked)\b",
    re.IGNORECASE,
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def maintainer_wording(site: Path) -> dict[str, list[str]]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        text = visible_text(page.read_text(encoding="utf-8"))
        hits = [text[max(0, m.start() - 40): m.end() + 40] for m in MAINTAINER_WORDING.finditer(text)]
        if hits:
            found[page.relative_to(site).as_posix()] = hits
    return found


def test_no_built_page_carries_maintainer_wording(real_site: Path) -> None:
    assert maintainer_wording(real_site) == {}


def test_the_check_reads_text_not_attributes(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<p data-x="TODO" title="our sources">Fine.</p><a href="/seed/">a link</a>'
        "<script>var seed = 1;</script>")
    (tmp_path / "b.html").write_text("<p>Our sources do not state its company size.</p>")
    (tmp_path / "c.html").write_text("<p>The seed names 'SINTEF (NO)'.</p>")
    assert set(maintainer_wording(tmp_path)) == {"b.html", "c.html"}
