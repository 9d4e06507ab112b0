"""Characters that text may not hold: what validate refuses so that the build can write it.

Control characters break every output format (see :mod:`i4ms.content.chars`), a line break
in a one-line field breaks a calendar header, and direction or zero-width marks let a name
display as something it is not. The rules are decided by the models' field metadata
(:class:`MultiLine`), so a new field is one line unless it says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from i4ms.content.chars import CONTROL, HIDDEN, LINE_BREAK, control_message, describe, where
from i4ms.content.models.fields import MultiLine
from i4ms.content.pydantic_errors import field_name, models_in
from i4ms.content.yaml12 import Parsed

Loc = tuple[str | int, ...]


def _field_at(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The model field a value at ``loc`` belongs to (a list item belongs to its list)."""
    current: type[BaseModel] | None = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        found = list(models_in(info.annotation))
        current = found[0] if found else None
    return info


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, bool]]:
    """Every string in front matter, with its location and whether it is a key."""
    if isinstance(value, str):
        yield loc, value, False
    elif isinstance(value, dict):
        for k, v in value.items():
            yield loc, str(k), True
            yield from _strings(v, (*loc, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, (*loc, i))


def _one_line(info: FieldInfo | None) -> bool:
    return info is not None and not any(isinstance(m, MultiLine) for m in info.metadata)


def field_problems(front: Parsed, model: type[BaseModel]) -> list[tuple[int, str, str]]:
    """(line, field, message) for every text value that the outputs could not carry."""
    out = []
    for loc, text, is_key in _strings(front.data, ()):
        line = front.line_of(loc, 1)
        name = field_name(loc)
        one_line = not is_key and _one_line(_field_at(model, loc))
        control = CONTROL.search(text)
        if one_line and LINE_BREAK.search(text):
            out.append((line, name, "must be one line of text, but it holds a line break: write "
                                    "it on one line (a '>' or '|' block keeps a final line break)"))
        elif control:
            what = "the field name" if is_key else "the value"
            out.append((line, name, f"{what} {control_message(text, control)}"))
        elif one_line and (hidden := HIDDEN.search(text)):
            out.append((line, name, f"contains the invisible character {describe(hidden.group())} "
                                    f"{where(text, hidden.start())}: it can make the text "
                                    "display as something else; delete it"))
    return out
