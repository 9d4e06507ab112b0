"""`i4ms schema`: write the JSON Schemas of :mod:`i4ms.content.schemas` into ``schemas/``, or
check that they are current."""

from __future__ import annotations

from pathlib import Path

from i4ms.content.schemas import schemas


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
