"""Refuse contributor text that could run script in a visitor's browser.

Templates escape every field and bodies are sanitised when rendered; this check is the
other layer, so that a pull request that tries is told so by CI, at the line where the
risky markup starts.

It judges what a browser would see, not the raw text: the Markdown is rendered by the
site's own renderer (cmark-gfm, raw HTML passed through, before the sanitiser), and that
HTML is parsed by an HTML5 parser that follows the WHATWG algorithm as browsers do
(justhtml). So comment, CDATA and raw-text tricks that a lenient parser reads differently
(``<!--><img onerror>``, ``<noscript><p title="</noscript><img onerror>">``) are seen as a
browser sees them, entities in a link are decoded (``&#106;avascript:``), and HTML in a code
span or a fenced block is text, as it is on the page. Every step is linear in the input.
"""

from __future__ import annotations

import html
import re

from i4ms.content.limits import MAX_HTML_DEPTH, Budget, TooComplex, html_depth
from i4ms.content.markdown import raw_html

_DANGEROUS_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link",
    "meta", "base", "form", "svg", "math",
})
_URL_ATTRS = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "lowsrc", "dynsrc", "ping", "cite", "srcdoc",
})
_BAD_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
"""Browsers drop tabs, newlines and control characters inside a URL's scheme."""
_SCHEME_HINTS = ("script:", "data:", "script\\:", "data\\:")
"""Without '<' or '&', a dangerous scheme can only be written out ('\\:' is an escaped ':')."""
_CMARK_URL = re.compile(r' (?:href|src)="([^"]*)"')
"""URLs in the HTML that cmark-gfm writes itself; it escapes '"' in them."""

_FILTERED = re.compile(r"<(?:script|iframe|style|textarea|title|xmp|noembed|noframes|plaintext)",
                       re.IGNORECASE)
"""Tags that GFM's tag filter escapes: only then do the two renderings differ."""

BARE_SCHEME = "'javascript:' (or data:/vbscript:) links are not allowed"


def _bad_url(value: str) -> str | None:
    """The scheme of a URL that runs script or hides a document, as a browser reads it."""
    cleaned = _URL_NOISE.sub("", value)
    match = _BAD_SCHEME.match(cleaned)
    return match.group()[:-1].lower() if match else None


def _link_reason(scheme: str) -> str:
    extra = "" if scheme == "javascript" else " (like 'javascript:' links, they can run script)"
    return f"'{scheme}:' links are not allowed{extra}"


def _element_reason(name: str, attrs: dict[str, str | None]) -> str | None:
    if name in _DANGEROUS_TAGS:
        return f"<{name}> is not allowed"
    for attr, value in attrs.items():
        attr = attr.lower()
        if attr.startswith("on"):
            return f"event handler attribute '{attr}=' is not allowed"
        if attr == "srcset" and value:
            for candidate in value.split(","):
                scheme = _bad_url(candidate.strip().split(" ")[0])
                if scheme:
                    return _link_reason(scheme)
        elif attr in _URL_ATTRS and value:
            scheme = _bad_url(value)
            if scheme:
                return _link_reason(scheme)
    return None


def _dom_reason(markup: str) -> str | None:
    """Why parsed HTML could run script (the first reason in document order), or None."""
    # Imported on the first text with raw HTML: most content has none, and the parser's
    # import was 48 ms of every build's start (measured).
    from justhtml import JustHTML

    root = JustHTML(markup, fragment=True, sanitize=False).root
    stack: list[tuple[object, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_HTML_DEPTH:
            raise TooComplex(0, f"too complex: HTML elements nested more than {MAX_HTML_DEPTH} "
                                "levels deep; simplify the markup")
        name = getattr(node, "name", "")
        if name and not name.startswith(("#", "!")):
            reason = _element_reason(name.lower(), getattr(node, "attrs", None) or {})
            if reason:
                return reason
        children = list(getattr(node, "children", None) or [])
        template = getattr(node, "template_content", None)
        if template is not None:  # inert in place, but a sanitiser may unwrap it
            children.append(template)
        stack.extend((child, depth + 1) for child in reversed(children))
    return None


def _markdown_reason(text: str) -> str | None:
    """Why ``text``, rendered as the site renders a body, could run script, or None. With
    raw HTML, both with GFM's tag filter (the site's view: the filter can unwrap what a
    ``<textarea>`` held) and without (the contributor's markup as written)."""
    rendered = raw_html(text)
    if "<" in text:  # raw HTML may be in the output: parse it as a browser would
        reason = _dom_reason(rendered)
        if reason is None and _FILTERED.search(text):
            reason = _dom_reason(raw_html(text, tagfilter=False))
        return reason
    if html_depth(rendered) > MAX_HTML_DEPTH:
        raise TooComplex(0, f"too complex: elements nested more than {MAX_HTML_DEPTH} levels deep")
    for match in _CMARK_URL.finditer(rendered):  # only cmark's own markup: read its URLs
        scheme = _bad_url(html.unescape(match.group(1)))
        if scheme:
            return _link_reason(scheme)
    return None


def _may_hold_script(text: str) -> bool:
    if "<" in text or "&" in text:
        return True
    if ":" not in text:
        return False
    low = text.lower()
    return any(hint in low for hint in _SCHEME_HINTS)


def _prefix_reason(lines: list[str], last: int) -> str | None:
    """The reason the text up to line ``last`` (0-based, inclusive) could run script."""
    return _markdown_reason("\n".join(lines[: last + 1]) + "\n") if last >= 0 else None


def _candidate(lines: list[str], budget: Budget | None) -> tuple[int, int] | None:
    """The first paragraph (lines between blank lines) that could run script on its own:
    one linear pass, which finds the place in all but contrived cases."""
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].strip():
            continue
        if i > start:
            if budget is not None and budget.exceeded():
                return None
            if _markdown_reason("\n".join(lines[start:i]) + "\n"):
                return start, i - 1
        start = i + 1
    return None


def _first_line(lines: list[str], budget: Budget | None) -> int:
    """The first line (0-based) from which the text up to it could run script: the line to
    fix. Found by bisection over prefixes, each rendered and judged whole, since a later line
    can arm an earlier one (a reference definition gives a link its URL); the bisection
    starts within the first paragraph that is dangerous alone, when the prefixes confirm it.
    Out of time, the last line known to be enough is the answer."""
    lo, hi = 0, len(lines) - 1  # the text up to line ``hi`` is known to hold it
    found = _candidate(lines, budget)
    if found and _prefix_reason(lines, found[1]) and not _prefix_reason(lines, found[0] - 1):
        lo, hi = found
    while lo < hi:
        if budget is not None and budget.exceeded():
            break
        mid = (lo + hi) // 2
        if _prefix_reason(lines, mid):
            hi = mid
        else:
            lo = mid + 1
    return hi


def find_script(text: str, budget: Budget | None = None) -> tuple[str, int] | None:
    """Why Markdown ``text`` could run script and on which line (0-based) it starts, or None.
    Raises :class:`TooComplex` when its rendered HTML nests deeper than a page can."""
    if not _may_hold_script(text):
        return None
    reason = _markdown_reason(text)
    if reason is None:
        return None
    return reason, _first_line(text.split("\n"), budget)


def script_risk(text: str) -> str | None:
    """Why a front matter value could run script, read as HTML or as Markdown: templates
    escape it, but a value is data that others reuse. A bare value is checked as a URL too."""
    if "<" not in text and ":" not in text:
        return None  # most values: no markup, no scheme
    try:
        reason = _dom_reason(text) if "<" in text else None  # as HTML, were it not escaped
        if reason is None and _may_hold_script(text):
            reason = _markdown_reason(text)  # as Markdown, were it rendered as a body is
    except TooComplex as err:
        return err.message
    if reason:
        return reason
    value = text.strip()
    if len(value.split(maxsplit=1)) == 1 and _bad_url(value):
        return BARE_SCHEME
    return None
