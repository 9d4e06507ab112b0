"""Sharing metadata on every page: Open Graph, Twitter card, feed links, schema.org JSON-LD.

Runs after every generator that adds pages: it enriches them through ``out.replace_page``.
"""

from __future__ import annotations

from dataclasses import replace

from i4ms.models import COLLECTIONS
from i4ms.opendata.social import ItemRef, head
from i4ms.site.context import BuildContext
from i4ms.site.output import SiteOutput
from i4ms.site.urls import item_src


def generate(ctx: BuildContext, out: SiteOutput) -> None:
    items = {item_src(c, i): ItemRef(c, i) for c in COLLECTIONS for i in ctx.graph.collection(c)}
    for page in list(out.pages.values()):
        extra = head(ctx, page, items.get(page.src_uri))
        out.replace_page(replace(page, head=f"{page.head}\n{extra}" if page.head else extra))
