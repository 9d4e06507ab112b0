"""What the theme's header search indexes for a generated page.

The header search index is one file every page fetches, so it holds each thing once: an item's
own words (title, summary, names, body), never the cards of the items it lists. Listing them
made a project or country page match every word of its experiments, and made the index and the
build grow with the cards (a project page of 60 cards weighed 45 KB of HTML to parse).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape


def search_text(title: str, summary: str | None, names: Iterable[str] = (),
                sections: Iterable[tuple[str, Markup | str]] = ()) -> str:
    """Title, summary, names and body sections (already-escaped HTML) as lean HTML."""
    parts = [f"<h1>{escape(title)}</h1>"]
    if summary:
        parts.append(f"<p>{escape(summary)}</p>")
    names = [n for n in names if n]
    if names:
        parts.append(f"<p>{escape(', '.join(names))}</p>")
    for heading, html in sections:
        if heading:
            parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append(str(html))
    return "".join(parts)
