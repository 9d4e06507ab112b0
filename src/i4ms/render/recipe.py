"""The build as a recipe every engine adapter follows: load and resolve the content, declare
and enrich the site plan; then render each page (:mod:`i4ms.render.pages`) and emit it.

Loading fails with every problem at once (:class:`~i4ms.content.problems.ContentError`),
before anything is declared or written.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from i4ms.content.gitdates import last_commit_dates
from i4ms.content.loader import no_gc
from i4ms.graph import load_graph
from i4ms.outputs.pages import plan_site
from i4ms.outputs.plan import SitePlan
from i4ms.views.context import BuildContext


def build_moment() -> datetime:
    """The build's "now": SOURCE_DATE_EPOCH when set, so two builds can be byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def prepare(content: Path, node_modules: Path, *, site_url: str, site_name: str,
            site_description: str = "", written_pages: Path | None = None) -> tuple[BuildContext, SitePlan]:
    """Load -> resolve -> declare -> enrich: the whole site as data, nothing rendered yet.

    The collector is paused throughout, as the loader already paused it while reading: what
    is made here lives for the whole build, and the collector rescanned the growing graph
    and plan for nothing (at 10,000 items this took 4.6 s with it on, 2.5 s off; measured)."""
    with no_gc():
        graph = load_graph(content)
        ctx = BuildContext(graph=graph, now=build_moment(), site_url=site_url,
                           site_name=site_name, content_dates=last_commit_dates(content),
                           site_description=site_description,
                           node_modules=node_modules, written_pages=written_pages)
        return ctx, plan_site(ctx)
