"""`i4ms fieldref`: the contributors' field reference, generated from the models.

Which fields exist, which are required, their types, references, vocabularies
and constraints are read from the pydantic models and their JSON Schema, never
typed by hand. What each field is for is its ``Field(description=...)`` in the
models, the same text the JSON Schemas, `i4ms new` and the CMS hints show; a test
fails when a field has none. ``CONTRIBUTING.md`` holds the output
between :data:`START` and :data:`END`; ``--write`` refreshes it and ``--check``
fails when it is stale.
"""

from __future__ import annotations

import argparse
import functools
import operator
import sys
import types
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from i4ms.content.models import COLLECTIONS, Collection, Taxonomy
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

START = "<!-- fieldref:start -->"
END = "<!-- fieldref:end -->"
TAXONOMY_PATH = "content/taxonomy.yml"

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


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _where(doc: FieldDoc) -> str:
    if doc.refs:
        folders = " or ".join(f"`content/{c}/`" for c in doc.refs)
        return f"The id is a file name in {folders}, without `.md`."
    if doc.vocabulary:
        return f"Ids are listed under `{doc.vocabulary}` in `{TAXONOMY_PATH}`."
    return ""


def table(docs: list[FieldDoc]) -> list[str]:
    lines = ["| field | required | type | what it is | rules |", "|---|---|---|---|---|"]
    for d in docs:
        what = " ".join(p for p in (d.meaning, _where(d)) if p)
        lines.append("| " + " | ".join(_cell(c) for c in (
            f"`{d.path}`", "**yes**" if d.required else "no", d.type, what,
            "; ".join(d.rules),
        )) + " |")
    return lines


def _section(spec: Collection) -> list[str]:
    model = spec.model
    lines = [
        f"### {spec.title}",
        "",
        f"One file per {spec.singular}: `content/{spec.folder}/<id>.md`. "
        f"{(model.__doc__ or '').strip()} Start one with `i4ms new {spec.singular} <id>`. "
        f"JSON Schema: [`schemas/{spec.folder}.schema.json`](schemas/{spec.folder}.schema.json).",
        "",
    ]
    return [*lines, *table(describe(model)), ""]


def render(collections: dict[str, Collection] | None = None) -> str:
    """The whole field reference as Markdown: one table per collection, then the taxonomy."""
    collections = COLLECTIONS if collections is None else collections
    lines = [
        "<!-- Generated from src/i4ms/models by `i4ms fieldref --write CONTRIBUTING.md`; "
        "do not edit by hand. -->",
        "",
        "A field marked **yes** must be there. A nested field (`partners[].role`) marked "
        "**yes** must be in every entry of its list, or whenever its parent is given.",
        "",
    ]
    for spec in collections.values():
        lines += _section(spec)
    lines += [
        "### Taxonomy",
        "",
        f"One file, `{TAXONOMY_PATH}`. {(Taxonomy.__doc__ or '').strip()} Each vocabulary is "
        "a list of terms; add a term here before using its id.",
        "",
        *table(describe(Taxonomy)),
    ]
    return "\n".join(lines).rstrip() + "\n"


class MarkerError(ValueError):
    pass


def _split(text: str, where: str) -> tuple[str, str, str]:
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise MarkerError(f"{where}: needs exactly one '{START}' line followed by one '{END}' line")
    head, rest = text.split(START)
    block, tail = rest.split(END)
    return head, block, tail


def replaced(text: str, where: str, reference: str | None = None) -> str:
    """``text`` with the block between the markers set to the current field reference."""
    head, _, tail = _split(text, where)
    return f"{head}{START}\n{reference or render()}{END}{tail}"


def is_current(file: Path) -> bool:
    text = file.read_text(encoding="utf-8")
    return replaced(text, str(file)) == text


def cmd_fieldref(args: argparse.Namespace) -> int:
    target = Path(args.write or args.check) if (args.write or args.check) else None
    if target is None:
        sys.stdout.write(render())
        return 0
    if not target.is_file():
        print(f"i4ms fieldref: no such file: {target}", file=sys.stderr)
        return 2
    text = target.read_text(encoding="utf-8")
    try:
        fresh = replaced(text, str(target))
    except MarkerError as err:
        print(f"i4ms fieldref: {err}", file=sys.stderr)
        return 1 if args.check else 2
    if args.check:
        if fresh != text:
            print(f"{target}: the field reference is stale: run "
                  f"`i4ms fieldref --write {target}` and commit the result")
            return 1
        print(f"{target}: the field reference matches the models")
        return 0
    if fresh != text:
        target.write_text(fresh, encoding="utf-8")
        print(f"wrote the field reference into {target}")
    else:
        print(f"{target}: already up to date")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    f = sub.add_parser("fieldref", help="print the field reference (Markdown) generated from "
                       "the models, or --write/--check it in a file between its markers")
    group = f.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="FILE", help=f"replace the block between {START} "
                       f"and {END} in FILE")
    group.add_argument("--check", metavar="FILE", help="exit 1 when FILE's block is stale")
    f.set_defaults(run=cmd_fieldref)
