"""The site plan: every generator declares its pages and files, then every enricher adds
``<head>`` markup to the declared pages.

A generator is ``(ctx, plan) -> None`` and only adds pages, files and file jobs; an enricher
is ``(ctx, plan) -> None`` and only calls ``plan.add_head``. So no generator depends on
another having run first, and no page is ever replaced.
"""

from __future__ import annotations

from typing import Protocol

from i4ms.outputs.cms import admin
from i4ms.outputs.pages import (
    collections,
    countries,
    events,
    home,
    items,
    labels,
    opendata,
    search,
    sharing,
    terms,
)
from i4ms.outputs.plan import SitePlan
from i4ms.outputs.search import site as site_search
from i4ms.views.context import BuildContext


class Step(Protocol):
    def __call__(self, ctx: BuildContext, plan: SitePlan) -> None: ...


GENERATORS: list[Step] = [
    items.declare,
    collections.declare,
    events.declare,
    terms.declare,
    countries.declare,
    labels.declare,
    home.declare,
    search.declare,
    opendata.declare,
    admin.declare,  # the CMS at /admin/
    site_search.declare,  # a file job: reads the finished plan when it runs
]

ENRICHERS: list[Step] = [
    search.enrich,  # preload the records of the collection search
    sharing.enrich,  # Open Graph, Twitter card, feed links, JSON-LD
]


def plan_site(ctx: BuildContext) -> SitePlan:
    plan = SitePlan()
    for declare in GENERATORS:
        declare(ctx, plan)
    for enrich in ENRICHERS:
        enrich(ctx, plan)
    return plan
