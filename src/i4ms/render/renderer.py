"""The render boundary: the only code that touches Jinja. Autoescape is always on.

Contributor text is escaped in every template; bodies arrive as sanitised
``Markup`` from :mod:`i4ms.content.markdown`. Templates get ``link(url)`` to
turn a root-relative URL into one relative to the page being rendered.
"""

from __future__ import annotations

from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)

from i4ms.outputs.search.documents import FACETS, Facet
from i4ms.outputs.search.paths import search_files
from i4ms.views.urls import relative


def offered_facets(collection: str) -> list[Facet]:
    """The filters a collection's search panel offers, in order: their headings are drawn
    before the script arrives, so filling them in moves nothing (hidden facets match words only)."""
    return [f for f in FACETS[collection] if not f.hidden]


class Renderer:
    def __init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("i4ms", "render/templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # Compiled templates kept between builds, keyed by their source, in a folder of
            # the user's own under the temp dir: compiling was a tenth of a 1,000-item build.
            bytecode_cache=FileSystemBytecodeCache(),
        )
        self.env.globals["search_files"] = search_files  # the search panel's data-* paths
        self.env.globals["search_facets"] = offered_facets

    def page(self, template: str, src_uri: str, **context: Any) -> str:
        def link(url: str) -> str:
            return relative(src_uri, url)

        return self.env.get_template(template).render(link=link, src_uri=src_uri, **context)

    def fragment(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)
