"""Sharing metadata on every page: Open Graph, Twitter card, feed links, schema.org JSON-LD.

Runs after every generator that adds pages: it enriches them through ``out.replace_page``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from i4ms.content.models import COLLECTIONS
from i4ms.outputs.head.social import ItemRef, head
from i4ms.outputs.plan import SiteOutput, SitePage
from i4ms.views.context import BuildContext
from i4ms.views.urls import item_src


def _head(ctx: BuildContext, page: SitePage, item: ItemRef | None) -> str:
    extra = head(ctx, page, item)
    return f"{page.head}\n{extra}" if page.head else extra


def generate(ctx: BuildContext, out: SiteOutput) -> None:
    items = {item_src(c, i): ItemRef(c, i) for c in COLLECTIONS for i in ctx.graph.collection(c)}
    for page in list(out.pages.values()):
        item = items.get(page.src_uri)
        if page.deferred is not None:  # made with the page, in the background worker
            out.replace_page(replace(page, deferred_head=partial(_head, ctx, page, item)))
        else:
            out.replace_page(replace(page, head=_head(ctx, page, item)))
