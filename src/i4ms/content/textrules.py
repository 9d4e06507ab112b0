"""Characters that text may not hold: what validate refuses so that the build can write it.

Control characters break every output format (see :mod:`i4ms.content.chars`), a line break
in a one-line field breaks a calendar header, and direction or zero-width marks let a name
display as something it is not. The rules are decided by the models' field metadata
(:class:`MultiLine`), so a new field is one line unless it says otherwise.
"""

from __future__ import annotations

import re
from functools import cache
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


def strings(value: Any, loc: Loc = ()) -> list[tuple[Loc, str, bool]]:
    """Every string in front matter, with its location and whether it is a key: walked once
    per file, for these rules and the script check."""
    out: list[tuple[Loc, str, bool]] = []
    _collect(value, loc, out)
    return out


def _collect(value: Any, loc: Loc, out: list[tuple[Loc, str, bool]]) -> None:
    if isinstance(value, str):
        out.append((loc, value, False))
    elif isinstance(value, dict):
        for k, v in value.items():
            out.append((loc, str(k), True))
            if isinstance(v, str):
                out.append(((*loc, k), v, False))
            elif v is not None:
                _collect(v, (*loc, k), out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _collect(v, (*loc, i), out)


def _one_line(info: FieldInfo | None) -> bool:
    return info is not None and not any(isinstance(m, MultiLine) for m in info.metadata)


_SUSPECT = re.compile("|".join(p.pattern for p in (CONTROL, LINE_BREAK, HIDDEN)))
"""Any character some rule is about: most values have none, and need no more work."""


@cache
def _one_line_at(model: type[BaseModel], path: tuple[str, ...]) -> bool:
    return _one_line(_field_at(model, path))


def field_problems(front: Parsed, model: type[BaseModel],
                   walked: list[tuple[Loc, str, bool]] | None = None) -> list[tuple[int, str, str]]:
    """(line, field, message) for every text value that the outputs could not carry."""
    out = []
    for loc, text, is_key in strings(front.data) if walked is None else walked:
        if _SUSPECT.search(text) is None:
            continue
        line = front.line_of(loc, 1)
        name = field_name(loc)
        keys = tuple(part for part in loc if isinstance(part, str))
        one_line = not is_key and _one_line_at(model, keys)
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
