"""Where a collection's search files live in the site: named here only.

The generator writes them (:mod:`i4ms.outputs.pages.search`), the search panel's template
hands them to ``i4ms-search.js`` as data attributes (``search_files``), and the tests and
benchmarks import them: a renamed file cannot leave a stale path behind."""

from __future__ import annotations

from i4ms.outputs.search.vendor import LUNR_JS_PATH

STATUS_JS_PATH = "assets/i4ms-status.js"
"""The shared call-status script (overrides/assets, also first in mkdocs.yml's extra_javascript)."""


def docs_path(collection: str) -> str:
    """The records: enough to list items and count facets before the index arrives."""
    return f"search/{collection}/docs.json"


def index_path(collection: str) -> str:
    """The lunr index, fetched once a query is typed."""
    return f"search/{collection}/index.json"


def summaries_path(collection: str) -> str:
    """The summaries that decorate results, fetched after the first result shows."""
    return f"search/{collection}/summaries.json"


def search_files(collection: str) -> dict[str, str]:
    """``data-<key>`` attribute -> site path of every file the search panel of ``collection`` loads."""
    return {"docs": docs_path(collection), "index": index_path(collection),
            "summaries": summaries_path(collection), "lunr": LUNR_JS_PATH, "status": STATUS_JS_PATH}
