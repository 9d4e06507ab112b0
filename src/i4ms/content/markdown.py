"""Contributor Markdown to safe HTML: cmark-gfm, then the nh3 sanitiser.

cmark-gfm is the renderer behind GitHub's own Markdown preview, so the body an IA sees in
its pull request is the body the site shows; it is also C, and rendering story bodies was
half the cost of an experiment page with Python-Markdown. Validation already refuses
script; sanitising here means a template never has to trust that it ran.
"""

from __future__ import annotations

import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup

from i4ms.content.limits import TooComplex, markdown_nesting

_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "sup",
    "sub", "abbr", "del",
}
_ATTRS = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}

_RAW_HTML_TO_NH3 = Options.CMARK_OPT_UNSAFE
"""Hand raw HTML on to nh3, which keeps the safe parts, as GitHub's preview does, instead of
cmark's "raw HTML omitted" comment."""


_GFM_BUT_TAGFILTER = ["table", "autolink", "strikethrough", "tasklist"]


def raw_html(text: str, tagfilter: bool = True) -> str:
    """cmark-gfm's HTML for ``text``, raw HTML passed through and not yet sanitised: what a
    browser would be handed without nh3, and so what validation judges. Without GFM's tag
    filter (which turns ``<script>`` and eight other tags into text), it is the HTML any
    CommonMark renderer makes of the Markdown that the open-data API publishes."""
    if tagfilter:
        return cmarkgfm.github_flavored_markdown_to_html(text, options=_RAW_HTML_TO_NH3)
    return cmarkgfm.markdown_to_html_with_extensions(
        text, options=_RAW_HTML_TO_NH3 | Options.CMARK_OPT_GITHUB_PRE_LANG,
        extensions=_GFM_BUT_TAGFILTER,
    )


def render_markdown(text: str) -> Markup:
    if not text.strip():
        return Markup("")
    deep = markdown_nesting(text)
    if deep is not None:  # validation refuses it first; never hand it to the tree builder
        raise TooComplex(deep[0] + 1, f"quotes and lists nested {deep[1]:,} levels deep")
    html = raw_html(text)
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


_H2 = re.compile(r"<h2>(?:(?!</h2>).)*</h2>\n?", re.DOTALL)


def render_sections(text: str) -> list[tuple[str, Markup]]:
    """``split_sections`` with each body rendered, converting the whole text once: Markdown's
    per-document work costs more than short sections. Falls back to one conversion per
    section when the headings it finds are not the ``## `` lines (a heading in a code block,
    an underlined heading)."""
    sections = split_sections(text)
    html = str(render_markdown(text))
    chunks = _H2.split(html)
    titled = [t for t, _ in sections if t]
    untitled_first = bool(sections) and sections[0][0] == ""
    if len(chunks) == len(titled) + 1 and (untitled_first or not chunks[0].strip()):
        bodies = chunks if untitled_first else chunks[1:]
        return [(title, Markup(body.strip()))  # noqa: S704 - pieces of nh3-sanitised HTML
                for (title, _), body in zip(sections, bodies, strict=True)]
    return [(title, render_markdown(body)) for title, body in sections]
