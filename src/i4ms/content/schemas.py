"""JSON Schemas of the collections, made from the models so editors, CI and the open data share one
truth."""

from __future__ import annotations

import json

from i4ms.content.models import COLLECTIONS, Taxonomy

SCHEMA_BASE = "https://i4ms.eu/schemas/"


def schemas() -> dict[str, str]:
    """File name -> JSON text, deterministic (sorted keys, trailing newline)."""
    out = {}
    targets = {name: spec.model for name, spec in COLLECTIONS.items()}
    targets["taxonomy"] = Taxonomy
    for name, model in targets.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{SCHEMA_BASE}{name}.schema.json",
            **schema,
        }
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
