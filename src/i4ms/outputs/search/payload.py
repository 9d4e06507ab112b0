"""The files the browser downloads per collection: the records, the lunr index, summaries.

The records (``docs.json``) are enough to list items, count facets and match facet value
names, so the first result shows before the full-text index (``index.json``) arrives; the
index is needed only once the visitor types. Summaries (``summaries.json``) only decorate
results and arrive after the first one. All are compact JSON in the same item order: the
lunr ref of an item is its position, in base 36.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from i4ms.outputs.search.documents import CALL_STATUSES, FACETS, META, SearchDoc
from i4ms.outputs.search.lunr_node import embed, start_indexes

FORMAT = 1
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

INDEX_FIELDS: list[Any] = ["body"]
"""One field (title and text): a second field doubles the vectors; the browser gives words of
the title their extra weight itself, from the records."""
SIGNIFICANT = 2
"""Digits kept of each vector weight: they only rank results, and shorter numbers keep the
index small."""


def ref(position: int) -> str:
    """Base 36: the refs appear once per posting and vector, so short refs keep the index small."""
    out = ""
    while True:
        position, digit = divmod(position, 36)
        out = _DIGITS[digit] + out
        if position == 0:
            return out


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def docs_payload(collection: str, docs: list[SearchDoc]) -> dict[str, Any]:
    facets = FACETS[collection]
    tables: list[dict[str, str]] = []
    for facet in facets:
        if facet.key == "status":
            tables.append(dict(CALL_STATUSES))
            continue
        names: dict[str, str] = {}
        for doc in docs:
            names.update(doc.facets[facet.key])
        tables.append(dict(sorted(names.items(), key=lambda kv: (kv[1].lower(), kv[0]))))
    positions = [{value: i for i, value in enumerate(table)} for table in tables]
    rows = []
    for doc in docs:
        row: dict[str, Any] = {"t": doc.title, "u": doc.url}
        if doc.meta:
            row["m"] = doc.meta
        row["f"] = [[pos[v] for v, _ in doc.facets[f.key]] for f, pos in zip(facets, positions, strict=True)]
        row.update(doc.extra)
        rows.append(row)
    return {
        "format": FORMAT,
        "collection": collection,
        "count": len(docs),
        "facets": [
            {"key": f.key, "name": f.name, "computed": f.computed, "hidden": f.hidden,
             # a hidden facet is only matched by name: its ids would be dead weight
             "values": [[name] for name in table.values()] if f.hidden else list(table.items())}
            for f, table in zip(facets, tables, strict=True)
        ],
        "meta": META.get(collection, []),
        "docs": rows,
    }


def summaries_payload(docs: list[SearchDoc]) -> dict[str, Any]:
    """What decorates a result as the no-JavaScript list does: the summary, and where an
    item has them its badges (alt text, SVG, label page) and a call's deadline text."""
    out: dict[str, Any] = {"format": FORMAT, "count": len(docs), "summaries": [d.summary for d in docs]}
    if any(d.badges for d in docs):
        out["badges"] = [[[b.alt, b.url, b.page] for b in d.badges] for d in docs]
    if any(d.deadline for d in docs):
        out["deadlines"] = [d.deadline for d in docs]
    return out


def start_index_payloads(node_modules: Path, collections: Sequence[list[SearchDoc]]
                         ) -> Callable[[], list[str]]:
    """Start the lunr index of each list of records, in one run of lunr.js (the ref of an
    item is its position); the function returned waits for them, each payload as JSON text."""
    batches = [[{"r": ref(i), "body": f"{d.title} {d.text}"} for i, d in enumerate(docs)]
               for docs in collections]
    pending = start_indexes(node_modules, batches, fields=INDEX_FIELDS, significant=SIGNIFICANT)

    def finish() -> list[str]:
        return [embed({"format": FORMAT, "count": len(docs)}, "lunr", serialized)
                for docs, serialized in zip(collections, pending(), strict=True)]

    return finish


def index_payload(node_modules: Path, docs: list[SearchDoc]) -> dict[str, Any]:
    return json.loads(start_index_payloads(node_modules, [docs])()[0])


def to_json(payload: dict[str, Any]) -> str:
    return _dumps(payload)
