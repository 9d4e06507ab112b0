"""The generators, in order. Each reads the build context and adds pages or files.

A generator is any callable ``(ctx, out) -> None``: later issues add theirs here
(search, open data, feeds) without touching the others.
"""

from __future__ import annotations

from typing import Protocol

from i4ms.outputs.cms import admin
from i4ms.outputs.pages import (
    collections,
    home,
    items,
    labels,
    opendata,
    search,
    sharing,
    terms,
)
from i4ms.outputs.plan import SiteOutput
from i4ms.views.context import BuildContext


class Generator(Protocol):
    def __call__(self, ctx: BuildContext, out: SiteOutput) -> None: ...


GENERATORS: list[Generator] = [
    items.generate,
    collections.generate,
    terms.generate,
    labels.generate,
    home.generate,
    search.generate,
    opendata.generate,
    admin.generate,  # the CMS at /admin/
    # Keep last: enriches every page added above with sharing metadata (Open Graph, JSON-LD).
    sharing.generate,
]


def generate_site(ctx: BuildContext) -> SiteOutput:
    out = SiteOutput()
    for generator in GENERATORS:
        generator(ctx, out)
    return out
