"""Search records and lunr indexes for every searchable collection, lunr.js, and Find support."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pycountry

from i4ms.content.models.organisation import ORGANISATION_TYPES
from i4ms.outputs.pages.find_support_vocab import NEEDS, find_support_vocab, vocab_json
from i4ms.outputs.plan import Asset, PagePlan, SitePlan, View, view
from i4ms.outputs.search import documents, payload
from i4ms.outputs.search.paths import docs_path, index_path, summaries_path
from i4ms.outputs.search.vendor import LUNR_JS_PATH, lunr_js
from i4ms.views.context import BuildContext
from i4ms.views.urls import relative

FIND_SUPPORT = "find-support/index.md"

COMPANY_TYPES = ["sme", "midcap", "large", "company", "research", "university", "other"]


SEARCH_PAGES = {
    "experiments": "best-practices/index.md",
    "organisations": "organisations/index.md",
    "calls": "calls/index.md",
    "offerings": "projects/index.md",
}
"""The listing page that carries each collection's search panel (templates/_search.html)."""


def _countries() -> list[tuple[str, str]]:
    named = ((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries)
    return sorted(named, key=lambda kv: kv[1])


def _find_support(ctx: BuildContext) -> View:
    g = ctx.graph
    return view(
        "find_support.html",
        countries=_countries(),
        sectors=[(t.id, t.name) for t in g.taxonomy.terms("sectors").values()],
        technologies=[(t.id, t.name) for t in g.taxonomy.terms("technologies").values()],
        types=[(t, ORGANISATION_TYPES[t]) for t in COMPANY_TYPES],
        needs=NEEDS,
        vocab=vocab_json(g),
        data={c: docs_path(c) for c in ("calls", "organisations", "projects", "offerings",
                                        "experiments", "events")},
    )


PRELOAD_INDEX = (
    "<script>/* a query in the address: fetch lunr.js and the index with the records */"
    "(function(){{if(!/[?&]q=[^&]/.test(location.search))return;"
    '[["{lunr}","script"],["{index}","fetch"]].forEach(function(f){{'
    'var l=document.createElement("link");l.rel="preload";l.href=f[0];l.as=f[1];'
    'if(f[1]==="fetch"){{l.crossOrigin="anonymous";}}document.head.appendChild(l);}});}})();</script>'
)


NO_SCRIPT_FORM = "<noscript><style>[data-i4ms-find]{display:none}</style></noscript>"
"""Find support's form is in the page from the first paint (a form the script unhid later
pushed the footer down: Lighthouse measured a layout shift of 0.28 on a phone); only a
browser without JavaScript, where the form could not answer, hides it (the page then says
where to browse instead)."""


def enrich(ctx: BuildContext, plan: SitePlan) -> None:
    """Ask for the records from ``<head>``: the download overlaps the theme's own loading, so
    the first result does not wait for the search script to run first. With a query in the
    address, the index and lunr.js are needed for the first result too."""
    plan.add_head(FIND_SUPPORT, partial(str, NO_SCRIPT_FORM))
    for collection, src in SEARCH_PAGES.items():
        links = (
            f'<link rel="preload" href="{relative(src, docs_path(collection))}" '
            'as="fetch" type="application/json" crossorigin>\n'
            + PRELOAD_INDEX.format(lunr=relative(src, LUNR_JS_PATH),
                                   index=relative(src, index_path(collection)))
        )
        plan.add_head(src, partial(str, links))


def _files(ctx: BuildContext, lunr: bytes) -> Callable[[], list[Asset]]:
    """lunr.js builds the indexes under Node while the other file jobs run."""
    collections = {collection: build(ctx.graph) for collection, build in documents.BUILDERS.items()}
    pending = payload.start_index_payloads(ctx.packages(), list(collections.values()))
    assets = [Asset(LUNR_JS_PATH, lunr)]
    for collection, docs in collections.items():
        assets += [
            Asset(docs_path(collection), payload.to_json(payload.docs_payload(collection, docs))),
            Asset(summaries_path(collection), payload.to_json(payload.summaries_payload(docs))),
        ]

    def finish() -> list[Asset]:
        return assets + [Asset(index_path(collection), index)
                         for collection, index in zip(collections, pending(), strict=True)]

    return finish


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    lunr = lunr_js(ctx.packages())  # read here: a missing or wrong lunr.js fails the build at once
    find_support_vocab(ctx.graph)  # checked here: a term the taxonomy lacks fails the build at once
    plan.add_job(lambda: _files(ctx, lunr), starts_process=True)
    plan.add_page(PagePlan(
        FIND_SUPPORT, "Find support", partial(_find_support, ctx),
        "Answer five questions and get the I4MS calls, hubs, projects, offerings and success "
        "stories that match your company. Runs in your browser; nothing you enter is sent.",
        kind="tool",
    ))
