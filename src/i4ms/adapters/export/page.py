"""One exported page: front matter with our metadata, and our HTML as one raw HTML block.

Python-Markdown (what MkDocs, ProperDocs and Zensical all parse pages with) passes a raw
HTML block through untouched when it starts with a block-level tag at the start of a line
and the tag's close ends it; inside, nothing is parsed as Markdown (with or without
``md_in_html``, which only parses blocks marked ``markdown="1"``). Our page HTML is many
top-level elements with ``<script>`` tags between them, which Markdown would re-space into
separate blocks; one ``<div>`` around it makes it a single block that comes out byte for
byte as it went in (``tests/adapters/export/test_page.py`` checks every page).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markupsafe import escape

from i4ms.outputs.plan import PagePlan
from i4ms.render.pages import RenderedPage

WRAP_OPEN = '<div class="i4ms-page">'
WRAP_CLOSE = "</div>"


def page_markdown(plan: PagePlan, rendered: RenderedPage) -> str:
    """The Markdown source of a page of ours. ``title`` and ``description`` are escaped: the
    theme prints them from front matter unescaped (a hooked build hands it the same text)."""
    meta: dict[str, Any] = {"title": str(escape(plan.title))}
    if plan.description:
        meta["description"] = str(escape(plan.description))
    if rendered.head:
        meta["i4ms_head"] = rendered.head
    if not plan.searchable:
        meta["search"] = {"exclude": True}
    return front_matter(meta) + "\n" + wrap(rendered.html)


def wrap(html: str) -> str:
    return f"{WRAP_OPEN}\n{html}\n{WRAP_CLOSE}\n"


class _Dumper(yaml.SafeDumper):
    """Multi-line text (the <head> markup) as a literal block: one tag a line, readable."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def front_matter(meta: dict[str, Any]) -> str:
    dumped = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**9)
    return f"---\n{dumped}---\n"


_FRONT = re.compile(r"\A---\s*\n(.*?\n)?(?:---|\.\.\.)\s*\n", re.S)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def split_written(text: str) -> tuple[dict[str, Any], str]:
    """A hand-written page's front matter (as MkDocs reads it: a leading YAML block) and body."""
    found = _FRONT.match(text)
    if not found:
        return {}, text
    meta = yaml.safe_load(found.group(1) or "") or {}
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[found.end():]


def written_title(meta: dict[str, Any], body: str, fallback: str) -> str:
    """The title MkDocs gives a hand-written page: front matter, else its first ``#`` heading."""
    if meta.get("title"):
        return str(meta["title"])
    found = _H1.search(body)
    return found.group(1) if found else fallback


def written_markdown(meta: dict[str, Any], body: str, head: str) -> str:
    """A hand-written page with our sharing metadata added to its front matter."""
    return front_matter({**meta, "i4ms_head": head}) + body
