"""The two files the browser downloads per collection: the records, then the lunr index.

The records (``docs.json``) are enough to list items and count facets, so the first
result shows before the full-text index (``index.json``) arrives; the index is needed
only once the visitor types. Both are compact JSON, in the same item order: the lunr
ref of an item is its position, in base 36.
"""

from __future__ import annotations

import json
from typing import Any

from lunr import lunr

from i4ms.search.documents import CALL_STATUSES, FACETS, SearchDoc

FORMAT = 1
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
INDEX_FIELDS: list[Any] = [{"field_name": "title", "boost": 10}, "body"]


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
        if doc.summary:
            row["s"] = doc.summary
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
            {"key": f.key, "name": f.name, "computed": f.computed, "values": list(table.items())}
            for f, table in zip(facets, tables, strict=True)
        ],
        "docs": rows,
    }


def index_payload(docs: list[SearchDoc]) -> dict[str, Any]:
    documents = [{"r": ref(i), "title": d.title, "body": d.text} for i, d in enumerate(docs)]
    index = lunr(ref="r", fields=INDEX_FIELDS, documents=documents)
    return {"format": FORMAT, "count": len(docs), "lunr": index.serialize()}


def to_json(payload: dict[str, Any]) -> str:
    return _dumps(payload)
