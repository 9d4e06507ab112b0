"""Pydantic validation errors, said the way a contributor reads them."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from i4ms.content.models.fields import COUNTRY_PATTERN, ID_PATTERN, URL_PATTERN
from i4ms.content.problems import Problem, did_you_mean
from i4ms.content.yaml12 import Parsed


def field_name(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, str) and not part.isprintable():  # a key with a newline or a NUL
            part = part.encode("unicode_escape").decode("ascii")
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "front matter"


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, typing.Annotated) or origin is not None:
        for arg in typing.get_args(annotation):
            yield from models_in(arg)


def model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc``, for "did you mean" on unknown keys."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        found = list(models_in(info.annotation))
        current = found[0] if found else None
    return current


_PATTERN_MESSAGES = {
    ID_PATTERN: "'{value}' is not an id: use lower-case letters, digits and hyphens",
    URL_PATTERN: "must be an http(s) URL, like https://example.eu/page",
    COUNTRY_PATTERN: "'{value}' is not an ISO 3166-1 alpha-2 country code "
                     "(e.g. NO for Norway, DE for Germany)",
}


def _message(err: dict[str, Any], model: type[BaseModel]) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        names = list(owner.model_fields) if owner else []
        return f"unknown field{did_you_mean(str(loc[-1]), names)}"
    if kind == "value_error":
        return str(err["ctx"]["error"])
    pattern = str(err.get("ctx", {}).get("pattern", ""))
    if kind == "string_pattern_mismatch":
        friendly = _PATTERN_MESSAGES.get(pattern)
        if friendly:
            return friendly.format(value=err["input"])
    if kind == "literal_error":
        return f"'{err['input']}' is not allowed: expected {err['ctx']['expected']}"
    if kind == "string_type" and isinstance(err["input"], bool):
        return "expected text; quote it"
    msg = str(err["msg"])
    got = err.get("input")
    if kind.endswith("_type") and not isinstance(got, (dict, list)):
        msg += f", got {got!r}"
    return msg[0].lower() + msg[1:]


def problems_from(
    error: ValidationError, model: type[BaseModel], path: str, front: Parsed, prefix: tuple = ()
) -> list[Problem]:
    default = front.line_of((), 1)
    out = []
    for err in error.errors(include_url=False):
        loc = (*prefix, *err["loc"])
        out.append(
            Problem(path, front.line_of(loc, default), field_name(loc), _message(err, model))
        )
    return out
