"""Refuse contributor text that could run script in a visitor's browser.

Templates escape every field and bodies are sanitised when rendered; this check
is the other layer, so that a pull request that tries is told so by CI, at the
line where the risky markup starts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DANGEROUS_TAGS = frozenset(
    {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "svg", "math"}
)
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
"""Browsers drop tabs, newlines and control characters inside a URL's scheme."""
_MD_LINK = re.compile(
    r"(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<)\s*(?:javascript|vbscript|data)\s*:",
    re.IGNORECASE | re.MULTILINE,
)


def _bad_url(value: str) -> bool:
    return bool(_BAD_SCHEME.match(_URL_NOISE.sub("", value)))


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0] - 1
        if tag in _DANGEROUS_TAGS:
            self.found.append((f"<{tag}> is not allowed", line))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"event handler attribute '{name}=' is not allowed", line))
            elif name in _URL_ATTRS and value and _bad_url(value):
                scheme = _URL_NOISE.sub("", value).split(":")[0].lower()
                self.found.append((f"'{scheme}:' links are not allowed", line))

    handle_startendtag = handle_starttag


def find_script(text: str) -> tuple[str, int] | None:
    """Why ``text`` could run script and on which line (0-based) it starts, or None."""
    if "<" not in text and ":" not in text:
        return None
    found: list[tuple[str, int]] = []
    link = _MD_LINK.search(text)
    if link:
        found.append(("'javascript:' (or data:/vbscript:) links are not allowed",
                      text.count("\n", 0, link.start())))
    if "<" in text:
        finder = _Finder()
        finder.feed(text)
        finder.close()
        found += finder.found
    return min(found, key=lambda f: f[1]) if found else None


def script_risk(text: str) -> str | None:
    """Why a front matter value could run script. A bare value is checked as a URL too."""
    if "<" not in text and ":" not in text:
        return None  # most values: no markup, no scheme
    hit = find_script(text)
    if hit:
        return hit[0]
    value = text.strip()
    if len(value.split(maxsplit=1)) == 1 and _bad_url(value):
        return "'javascript:' (or data:/vbscript:) links are not allowed"
    return None
