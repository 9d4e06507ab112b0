"""Contributor Markdown to safe HTML: Python-Markdown, then the nh3 sanitiser.

Validation already refuses script; sanitising here means a template never has
to trust that it ran.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "sup",
    "sub", "abbr",
}
_ATTRS = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


_MD = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def render_markdown(text: str) -> Markup:
    if not text.strip():
        return Markup("")
    html = _MD.reset().convert(text)  # one parser for the build: building one costs more
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(clean)  # noqa: S704 - sanitised by nh3 just above


def split_sections(text: str) -> list[tuple[str, str]]:
    """``## Heading`` sections of a body, in order; text before the first is titled ''."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        else:
            sections[-1][1].append(line)
    return [(title, "\n".join(lines).strip()) for title, lines in sections
            if title or "\n".join(lines).strip()]
