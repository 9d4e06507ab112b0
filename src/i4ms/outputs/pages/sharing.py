"""Sharing metadata on every page: Open Graph, Twitter card, feed links, schema.org JSON-LD.

An enricher: made with each page, where the page renders.
"""

from __future__ import annotations

from functools import partial

from i4ms.content.models import COLLECTIONS
from i4ms.outputs.head.social import ItemRef, head
from i4ms.outputs.plan import SitePlan
from i4ms.views.context import BuildContext
from i4ms.views.urls import item_src


def enrich(ctx: BuildContext, plan: SitePlan) -> None:
    items = {item_src(c, i): ItemRef(c, i) for c in COLLECTIONS for i in ctx.graph.collection(c)}
    for page in plan.pages.values():
        plan.add_head(page.src_uri, partial(head, ctx, page, items.get(page.src_uri)))
