"""CSV of every API collection, for spreadsheets: one row per item, lists joined with "; ".

Columns come from the record model, not from the data, so the header is the same whether a
collection has no items or ten thousand. A nested object becomes one column per field
(``budget.amount``); a list of objects becomes one column per field, each joined with "; "
in the same order (``partners.organisation``, ``partners.role``). The Markdown ``body`` stays
in the JSON. Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``) is prefixed with an apostrophe (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import io
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from i4ms.outputs.opendata.records import dump, record_model, records
from i4ms.views.context import BuildContext

SEPARATOR = "; "
LEADING = ("vocabulary", "id", "page")
"""First columns, where a model has them (``vocabulary`` only in the taxonomy)."""
LEFT_OUT = frozenset({"body"})
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str
    field: str
    sub: str | None = None
    many: bool = False


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (if any), and whether it holds a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    many = typing.get_origin(annotation) is list
    for arg in typing.get_args(annotation):
        model, inner_many = _nested(arg)
        if model is not None:
            return model, many or inner_many
    return None, many


def columns(collection: str) -> list[Column]:
    model = record_model(collection)
    exported = [n for n, f in model.model_fields.items() if not f.exclude]
    names = [*(n for n in LEADING if n in exported), *(n for n in exported if n not in LEADING)]
    out: list[Column] = []
    for name in names:
        if name in LEFT_OUT:
            continue
        nested, many = _nested(model.model_fields[name].annotation)
        if nested is None:
            out.append(Column(name, name, None, many))
        else:
            out += [Column(f"{name}.{sub}", name, sub, many) for sub in nested.model_fields]
    return out


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return SEPARATOR.join(cell(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _value(record: dict[str, Any], column: Column) -> str:
    value = record.get(column.field)
    sub = column.sub
    if sub is None:
        return cell(value)
    if column.many:
        return SEPARATOR.join(cell(v.get(sub)) for v in value or [])
    return cell(value.get(sub) if value else None)


def collection_csv(ctx: BuildContext, collection: str,
                   dumped: list[dict[str, Any]] | None = None) -> str:
    if dumped is None:
        dumped = dump(collection, records(ctx, collection))
    cols = columns(collection)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in cols])
    for record in dumped:
        writer.writerow([_value(record, c) for c in cols])
    return buffer.getvalue()
