"""JSON Schemas of the collections, exported from the models so editors and CI share one truth."""

from __future__ import annotations

import json
from pathlib import Path

from i4ms.models import COLLECTIONS, Taxonomy

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


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files that are missing, differ from the models, or no longer exist."""
    expected = schemas()
    stale = [n for n, t in expected.items()
             if not (folder / n).is_file() or (folder / n).read_text(encoding="utf-8") != t]
    if folder.is_dir():
        stale += [p.name for p in folder.glob("*.schema.json") if p.name not in expected]
    return sorted(stale)
