"""Search records and lunr indexes for every searchable collection, lunr.js, and Find support."""

from __future__ import annotations

import pycountry

from i4ms.search import documents, payload
from i4ms.search.vendor import LUNR_JS_PATH, lunr_js
from i4ms.site.context import BuildContext
from i4ms.site.output import Asset, SiteOutput, SitePage

FIND_SUPPORT = "find-support/index.md"

NEEDS = [
    ("funding", "Funding for an experiment"),
    ("provider", "A technology provider"),
    ("facility", "A test facility or Digital Innovation Hub"),
    ("training", "Training"),
]
COMPANY_TYPES = ["sme", "midcap", "large", "research", "university", "other"]


def docs_path(collection: str) -> str:
    return f"search/{collection}/docs.json"


def index_path(collection: str) -> str:
    return f"search/{collection}/index.json"


def _countries() -> list[tuple[str, str]]:
    named = ((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries)
    return sorted(named, key=lambda kv: kv[1])


def _find_support(ctx: BuildContext, out: SiteOutput) -> None:
    g = ctx.graph
    html = ctx.renderer.page(
        "find_support.html", FIND_SUPPORT,
        countries=_countries(),
        sectors=[(t.id, t.name) for t in g.taxonomy.terms("sectors").values()],
        technologies=[(t.id, t.name) for t in g.taxonomy.terms("technologies").values()],
        types=[(t, documents.ORG_TYPES[t]) for t in COMPANY_TYPES],
        needs=NEEDS,
        data={c: docs_path(c) for c in ("calls", "organisations", "projects", "offerings",
                                        "experiments")},
    )
    out.add_page(SitePage(
        FIND_SUPPORT, "Find support", html,
        "Answer five questions and get the I4MS calls, hubs, projects, offerings and success "
        "stories that match your company. Runs in your browser; nothing you enter is sent.",
        kind="tool",
    ))


def generate(ctx: BuildContext, out: SiteOutput) -> None:
    out.add_asset(Asset(LUNR_JS_PATH, lunr_js()))
    for collection, build in documents.BUILDERS.items():
        docs = build(ctx.graph)
        out.add_asset(Asset(docs_path(collection),
                            payload.to_json(payload.docs_payload(collection, docs))))
        out.add_asset(Asset(index_path(collection), payload.to_json(payload.index_payload(docs))))
    _find_support(ctx, out)
