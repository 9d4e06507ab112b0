"""The JSON API (``api/v1/``) and the JSON Schemas that describe every file of it.

Each collection file is an envelope (``$schema``, counts, site) around the records of
:mod:`i4ms.outputs.opendata.records`. The envelope schema references the item schema, which is
exported from the record model, derived fields included. Every output is typed: records by
pydantic models, the envelope and the index by ``TypedDict`` through a ``TypeAdapter``.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import TypeAdapter
from typing_extensions import TypedDict  # pydantic needs it before Python 3.12

from i4ms.content.models import COLLECTIONS
from i4ms.content.schemas import schemas as content_schemas
from i4ms.outputs.opendata import paths
from i4ms.outputs.opendata.records import api_collections, dump, ordered, record_model, records
from i4ms.views.context import BuildContext
from i4ms.views.urls import absolute, url_of

API_VERSION = "v1"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

Envelope = TypedDict("Envelope", {
    "$schema": str,
    "api_version": Literal["v1"],
    "collection": str,
    "title": str,
    "count": int,
    "site": str,
    "items": list[dict[str, Any]],
})
"""One API collection file. ``$schema`` is the absolute URL of its schema."""


class CollectionEntry(TypedDict):
    name: str
    title: str
    count: int
    json: str
    csv: str
    schema: str
    item_schema: str
    content_schema: str


class FeedEntry(TypedDict):
    name: str
    title: str
    atom: str
    rss: str


class CalendarEntry(TypedDict):
    name: str
    title: str
    url: str
    project: str | None


ApiIndex = TypedDict("ApiIndex", {
    "$schema": str,
    "api_version": Literal["v1"],
    "site": str,
    "title": str,
    "documentation": str,
    "collections": list[CollectionEntry],
    "feeds": list[FeedEntry],
    "calendars": list[CalendarEntry],
})
"""``api/v1/index.json``: every file of the open data, with absolute URLs."""

_ENVELOPE = TypeAdapter(Envelope)
_INDEX = TypeAdapter(ApiIndex)

TAXONOMY_TITLE = "Taxonomy terms"


def title_of(collection: str) -> str:
    return TAXONOMY_TITLE if collection == paths.TAXONOMY else COLLECTIONS[collection].title


def to_json(data: Any, pretty: bool = False) -> str:
    """Deterministic JSON text: insertion order (fixed by the models), UTF-8, trailing newline."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _abs(ctx: BuildContext, path: str) -> str:
    return absolute(ctx.site_url, path)


def envelope(ctx: BuildContext, collection: str,
             dumped: list[dict[str, Any]] | None = None) -> Envelope:
    """``dumped``: the collection's records as :func:`~i4ms.outputs.opendata.records.dump` made them,
    when the caller has them already (the CSV uses the same)."""
    if dumped is None:
        dumped = dump(collection, records(ctx, collection))
    items = [ordered(r) for r in dumped]
    data: Envelope = {
        "$schema": _abs(ctx, paths.api_schema(collection)),
        "api_version": API_VERSION,
        "collection": collection,
        "title": title_of(collection),
        "count": len(items),
        "site": ctx.site_url,
        "items": items,
    }
    return _ENVELOPE.validate_python(data, strict=True)


def _schema_header(ctx: BuildContext, path: str, title: str, description: str) -> dict[str, Any]:
    return {"$schema": DRAFT, "$id": _abs(ctx, path), "title": title, "description": description}


def item_schema(ctx: BuildContext, collection: str) -> dict[str, Any]:
    schema = record_model(collection).model_json_schema(mode="serialization")
    for part in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in part:  # the API writes every field, null or [] when unset
            part["required"] = list(part["properties"])
    header = _schema_header(
        ctx, paths.item_schema(collection), f"{title_of(collection)}: one item (API {API_VERSION})",
        schema.pop("description", None) or f"One item of {paths.api_json(collection)}.",
    )
    schema.pop("title", None)
    return {**header, **schema}


def envelope_schema(ctx: BuildContext, collection: str) -> dict[str, Any]:
    schema = _ENVELOPE.json_schema(mode="serialization")
    schema.pop("title", None)
    props = schema["properties"]
    props["$schema"] = {"const": _abs(ctx, paths.api_schema(collection)),
                        "description": "the absolute URL of this schema"}
    props["collection"] = {"const": collection}
    props["items"] = {
        "type": "array",
        "items": {"$ref": _abs(ctx, paths.item_schema(collection))},
    }
    props["count"]["minimum"] = 0
    schema["additionalProperties"] = False
    header = _schema_header(ctx, paths.api_schema(collection),
                            f"{title_of(collection)} (API {API_VERSION})",
                            f"The file {paths.api_json(collection)}: every item with its "
                            "derived fields and the absolute URL of its page.")
    return {**header, **schema}


def index_schema(ctx: BuildContext) -> dict[str, Any]:
    schema = _INDEX.json_schema(mode="serialization")
    schema.pop("title", None)
    schema["properties"]["$schema"] = {"const": _abs(ctx, paths.api_schema("index"))}
    schema["additionalProperties"] = False
    for definition in schema.get("$defs", {}).values():
        definition["additionalProperties"] = False
    header = _schema_header(ctx, paths.api_schema("index"), f"Open data index (API {API_VERSION})",
                            f"The file {paths.api_index()}: every open-data file of the site.")
    return {**header, **schema}


def index(ctx: BuildContext, counts: dict[str, int], feeds: list[FeedEntry],
          calendars: list[CalendarEntry]) -> ApiIndex:
    collections: list[CollectionEntry] = [
        {
            "name": c,
            "title": title_of(c),
            "count": counts[c],
            "json": _abs(ctx, paths.api_json(c)),
            "csv": _abs(ctx, paths.api_csv(c)),
            "schema": _abs(ctx, paths.api_schema(c)),
            "item_schema": _abs(ctx, paths.item_schema(c)),
            "content_schema": _abs(ctx, paths.content_schema(c)),
        }
        for c in api_collections()
    ]
    data: ApiIndex = {
        "$schema": _abs(ctx, paths.api_schema("index")),
        "api_version": API_VERSION,
        "site": ctx.site_url,
        "title": f"{ctx.site_name} open data",
        "documentation": _abs(ctx, url_of(paths.OPEN_DATA_PAGE)),
        "collections": collections,
        "feeds": feeds,
        "calendars": calendars,
    }
    return _INDEX.validate_python(data, strict=True)


def schema_files(ctx: BuildContext) -> dict[str, str]:
    """Site path -> JSON text of every published schema: content schemas and API schemas."""
    out = {paths.content_schema(name[: -len(".schema.json")]): text
           for name, text in content_schemas().items()}
    for c in api_collections():
        out[paths.api_schema(c)] = to_json(envelope_schema(ctx, c), pretty=True)
        out[paths.item_schema(c)] = to_json(item_schema(ctx, c), pretty=True)
    out[paths.api_schema("index")] = to_json(index_schema(ctx), pretty=True)
    return out
