"""Refuse contributor text that could run script in a visitor's browser.

Templates escape every field and bodies are sanitised when rendered; this check
is the other layer, so that a pull request that tries is told so by CI.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DANGEROUS_TAGS = frozenset(
    {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "svg", "math"}
)
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_MD_LINK = re.compile(
    r"(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<)\s*(?:javascript|vbscript|data)\s*:",
    re.IGNORECASE | re.MULTILINE,
)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DANGEROUS_TAGS:
            self.found.append(f"<{tag}> is not allowed")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"event handler attribute '{name}=' is not allowed")
            elif name in _URL_ATTRS and value and _BAD_SCHEME.match(value):
                self.found.append(f"'{value.split(':')[0].strip()}:' links are not allowed")

    handle_startendtag = handle_starttag


def script_risk(text: str) -> str | None:
    """Why ``text`` could run script, or None. Cheap when there is nothing to find."""
    if "<" not in text and ":" not in text:
        return None
    if _MD_LINK.search(text) or _BAD_SCHEME.match(text):
        return "'javascript:' (or data:/vbscript:) links are not allowed"
    if "<" not in text:
        return None
    finder = _Finder()
    finder.feed(text)
    finder.close()
    return finder.found[0] if finder.found else None


def line_within(text: str, needle_hint: str, first_line: int) -> int:
    """Best line for a problem in a multi-line text: where the risky thing starts."""
    lowered = text.lower()
    for needle in ("<script", "javascript:", "vbscript:", "data:", " on", "<"):
        idx = lowered.find(needle)
        if idx >= 0 and (needle != " on" or "=" in lowered[idx : idx + 40]):
            return first_line + text.count("\n", 0, idx)
    return first_line
