"""What each field of the models is, read from the models themselves: its type, rules,
references and description. The field reference, `i4ms new` and the CMS forms all use it."""


from __future__ import annotations

import functools
import operator
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from i4ms.content.models import COLLECTIONS
from i4ms.content.models.fields import (
    ID_PATTERN,
    CountryCode,
    Date,
    DateOrDateTime,
    HttpUrl,
    Ref,
    TimeZone,
    Vocab,
)

# Type aliases of ``fields.py``, recognised by their validators: a field declared with one
# of them is shown as that, not as plain text.
_ALIASES: tuple[tuple[Any, str, str, str], ...] = (
    (HttpUrl, "url", "URL", "URLs"),
    (CountryCode, "country", "country code", "country codes"),
    (TimeZone, "timezone", "time zone", "time zones"),
    (DateOrDateTime, "date-or-datetime", "date or date-time", "dates or date-times"),
    (Date, "date", "date", "dates"),
)
_BASIC = {
    str: ("text", "text", "texts"),
    int: ("integer", "whole number", "whole numbers"),
    float: ("number", "number", "numbers"),
    bool: ("boolean", "true or false", "true-or-false values"),
    date: ("date", "date", "dates"),
}
_RULES = {
    "url": "starts with `https://` (or `http://`)",
    "country": "two capital letters (ISO 3166-1 alpha-2), e.g. `NO` for Norway",
    "timezone": "an IANA name, e.g. `Europe/Brussels`",
    "date": "`YYYY-MM-DD`",
    "date-or-datetime": "`YYYY-MM-DD`, or a date-time like `2021-06-30T17:00:00+02:00`",
}


def _validators(annotation: Any) -> frozenset[Any]:
    return frozenset(m.func for m in getattr(annotation, "__metadata__", ()) if hasattr(m, "func"))


_ALIAS_FUNCS = tuple((_validators(alias), kind, one, many) for alias, kind, one, many in _ALIASES)


@dataclass(frozen=True)
class FieldDoc:
    """One documented field; nested fields are separate rows (``partners[].role``)."""

    path: str
    name: str
    owner: str  # the model class that declares the field
    depth: int
    required: bool
    nullable: bool
    is_list: bool
    kind: str  # text, integer, number, boolean, url, country, timezone, date, ...
    type: str  # as a contributor reads it
    meaning: str
    rules: tuple[str, ...]
    refs: tuple[str, ...] = ()
    vocabulary: str | None = None
    choices: tuple[str, ...] = ()
    nested: type[BaseModel] | None = None
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    min_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    exclusive_minimum: float | None = None


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """Strip ``Annotated`` and ``| None``: (core annotation, nullable, metadata found)."""
    meta: list[Any] = []
    nullable = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            meta += list(annotation.__metadata__)
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = typing.get_args(annotation)
            rest = [a for a in args if a is not type(None)]
            nullable = nullable or len(rest) < len(args)
            if len(rest) != 1:  # date | datetime: a union of its own, kept whole
                return functools.reduce(operator.or_, rest), nullable, meta
            annotation = rest[0]
        else:
            return annotation, nullable, meta


def _alias_of(annotation: Any, meta: list[Any]) -> tuple[str, str, str] | None:
    funcs = {m.func for m in meta if hasattr(m, "func")}
    funcs |= _validators(annotation)
    for needed, kind, one, many in _ALIAS_FUNCS:
        if needed and needed <= funcs:
            return kind, one, many
    return None


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The field's schema without its ``null`` branch and with a local ``$ref`` followed."""
    if "anyOf" in schema:
        branches = [b for b in schema["anyOf"] if b.get("type") != "null"]
        if len(branches) == 1:
            merged = {k: v for k, v in schema.items() if k != "anyOf"}
            schema = {**branches[0], **merged}
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        schema = {**defs.get(ref.split("/")[-1], {}), **{k: v for k, v in schema.items()
                                                         if k != "$ref"}}
    return schema


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _schema_rules(schema: dict[str, Any], is_list: bool, pattern: bool) -> list[str]:
    rules = []
    if is_list:
        if schema.get("minItems"):
            n = schema["minItems"]
            rules.append("at least one entry" if n == 1 else f"at least {n} entries")
        if "maxItems" in schema:
            rules.append(f"at most {schema['maxItems']} entries")
        schema = schema.get("items", {})
    if schema.get("minLength") == 1:
        rules.append("not empty")
    elif schema.get("minLength"):
        rules.append(f"at least {schema['minLength']} characters")
    if "maxLength" in schema:
        rules.append(f"at most {schema['maxLength']} characters")
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if lo is not None and hi is not None:
        rules.append(f"from {_number(lo)} to {_number(hi)}")
    elif lo is not None:
        rules.append(f"at least {_number(lo)}")
    elif hi is not None:
        rules.append(f"at most {_number(hi)}")
    if "exclusiveMinimum" in schema:
        rules.append(f"more than {_number(schema['exclusiveMinimum'])}")
    regex = schema.get("pattern")
    if pattern and regex and regex != ID_PATTERN:  # an id's pattern is said by its type
        rules.append(f"matches `{regex}`")
    return rules


def describe(model: type[BaseModel], prefix: str = "", depth: int = 0) -> list[FieldDoc]:
    """Every field of ``model`` and, after each nested object, its own fields."""
    schema = model.model_json_schema(mode="validation")
    defs = schema.get("$defs", {})
    out: list[FieldDoc] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        core, nullable, meta = _unwrap(info.annotation)
        meta = list(info.metadata) + meta
        is_list = typing.get_origin(core) is list
        if is_list:
            core, _, item_meta = _unwrap(typing.get_args(core)[0])
            meta += item_meta
        field_schema = _resolve(schema.get("properties", {}).get(name, {}), defs)
        alias = _alias_of(core, meta)
        rules = _schema_rules(field_schema, is_list, pattern=alias is None)
        marker = next((m for m in meta if isinstance(m, (Ref, Vocab))), None)
        nested = core if isinstance(core, type) and issubclass(core, BaseModel) else None
        choices: tuple[str, ...] = ()
        refs: tuple[str, ...] = ()
        vocabulary = None
        if isinstance(marker, Ref):
            refs = marker.collections
            kind = "ref"
            names = " or ".join(COLLECTIONS[c].singular for c in refs)
            article = "an" if names[0] in "aeiou" else "a"
            one, many = f"id of {article} {names}", f"ids of {' or '.join(refs)}"
        elif isinstance(marker, Vocab):
            vocabulary = marker.vocabulary
            kind = "vocab"
            one, many = f"id from `{vocabulary}`", f"ids from `{vocabulary}`"
        elif nested is not None:
            kind, one, many = "object", "object", "objects"
        elif typing.get_origin(core) is Literal:
            choices = tuple(str(c) for c in typing.get_args(core))
            kind = "choice"
            one = "one of " + ", ".join(f"`{c}`" for c in choices)
            many = "values, each " + one
        elif alias is not None:
            kind, one, many = alias
            rules.insert(0, _RULES[kind])
        elif core is str and (field_schema.get("items", {}) if is_list else field_schema).get(
            "pattern"
        ) == ID_PATTERN:
            kind, one, many = "id", "id", "ids"
            rules.insert(0, "lower-case letters, digits and hyphens, like `data-analytics`")
        elif core in _BASIC:
            kind, one, many = _BASIC[core]
        else:  # a type this generator does not know yet: say so rather than guess
            kind, one, many = "other", str(core), str(core)
        default = None if info.is_required() else info.default
        if default not in (None, [], ""):
            rules.append(f"default `{default}`")
        numbers = field_schema.get("items", {}) if is_list else field_schema
        out.append(FieldDoc(
            path=path, name=name, owner=model.__name__, depth=depth,
            required=info.is_required(), nullable=nullable, is_list=is_list, kind=kind,
            type=f"list of {many}" if is_list else one,
            meaning=info.description or "", rules=tuple(rules), refs=refs,
            vocabulary=vocabulary, choices=choices, nested=nested, default=default,
            minimum=numbers.get("minimum", numbers.get("exclusiveMinimum")),
            maximum=numbers.get("maximum"), max_length=numbers.get("maxLength"),
            min_length=numbers.get("minLength"), pattern=numbers.get("pattern"),
            min_items=field_schema.get("minItems") if is_list else None,
            max_items=field_schema.get("maxItems") if is_list else None,
            exclusive_minimum=numbers.get("exclusiveMinimum"),
        ))
        if nested is not None:
            out += describe(nested, f"{path}[]." if is_list else f"{path}.", depth + 1)
    return out


