"""`i4ms cms`: the Decap CMS configuration, generated from the models and ``taxonomy.yml``.

Every collection, field, widget, required flag, pattern, length limit and hint is read from
the pydantic models (through :func:`i4ms.tools.fieldref.describe`, the reading the field
reference uses), select options from the vocabularies, so the forms can never ask for
something the models refuse. The result is committed at :data:`CONFIG_PATH` for review and
served at ``/admin/config.yml`` by the build; ``--check`` fails when the committed file is
stale, as `i4ms schema --check` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic_core import PydanticKnownError

from i4ms.content.fielddocs import FieldDoc, describe
from i4ms.content.models import COLLECTIONS, Collection, Taxonomy
from i4ms.content.models.fields import ID_PATTERN, URL_MESSAGE, URL_RULE

CONFIG_PATH = "cms/config.yml"
CONTENT = "content"

# The production backend. Maintainers who move the repository or add an auth endpoint change
# these lines (see CONTRIBUTING.md, "Editing through the CMS") and run `i4ms cms`.
BACKEND: dict[str, Any] = {
    "name": "github",
    "repo": "i4ms-portal/i4ms-portal",
    "branch": "main",
    # Contributors without write access save to a fork; the pull request comes from there.
    "open_authoring": True,
}

BODY_DEFAULTS = {
    "experiments": "## Challenge\n\n\n\n## Solution\n\n\n\n## Results\n\n\n\n## Impact\n\n",
}
"""A success story's body opens with its four sections ready to fill."""

# Which fields a relation searches and shows, per target collection.
_RELATION_FIELDS = {
    "projects": (["acronym", "name"], ["acronym"]),
    "organisations": (["name", "short_name"], ["name"]),
    "calls": (["title"], ["title"]),
    "labels": (["name"], ["name"]),
    "experiments": (["title", "acronym"], ["title"]),
    "offerings": (["title"], ["title"]),
}
_IDENTIFIER = {"projects": "acronym", "organisations": "name", "labels": "name"}
_LONG_TEXT = {"summary", "notes", "text"}


class CmsConfigError(ValueError):
    """A model field no widget is known for: say so rather than guess."""


def _message(kind: str, **context: Any) -> str:
    """The model's own wording of a rule (pydantic's error message)."""
    return PydanticKnownError(kind, context).message()  # type: ignore[arg-type]


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _hint(doc: FieldDoc) -> str:
    hint = doc.meaning
    if doc.refs and len(doc.refs) > 1:
        folders = " or ".join(f"content/{c}/" for c in doc.refs)
        hint += f" The id is a file name in {folders}, without .md."
    return hint


def _countries() -> list[dict[str, str]]:
    return [{"label": f"{c.name} ({c.alpha_2})", "value": c.alpha_2}
            for c in sorted(pycountry.countries, key=lambda c: c.name)]


def _length_pattern(doc: FieldDoc) -> list[str] | None:
    if doc.max_length is None:
        return None
    return [f"^[\\s\\S]{{0,{doc.max_length}}}$", _message("string_too_long",
                                                        max_length=doc.max_length)]


def _widget(doc: FieldDoc, docs: list[FieldDoc], taxonomy: Taxonomy) -> dict[str, Any]:
    """The widget settings of one field (without name, label, hint, required)."""
    many = doc.is_list
    if doc.kind == "ref" and len(doc.refs) == 1:
        target = doc.refs[0]
        search, display = _RELATION_FIELDS[target]
        out: dict[str, Any] = {"widget": "relation", "collection": target,
                               "value_field": "{{slug}}", "search_fields": search,
                               "display_fields": display, "options_length": 500}
        if many:
            out["multiple"] = True
        return out
    if doc.kind in ("ref", "id"):  # a reference to more than one collection: typed as an id
        out = {"widget": "string", "pattern": [ID_PATTERN, "lower-case letters, digits and "
                                                           "single hyphens, like smart-weld"]}
        if many:
            out = {"widget": "list", "field": {"name": doc.name, "label": _label(doc.name), **out}}
        return out
    if doc.kind == "vocab":
        assert doc.vocabulary is not None
        options = [{"label": t.name, "value": t.id} for t in getattr(taxonomy, doc.vocabulary)]
        return {"widget": "select", "options": options, "multiple": many}
    if doc.kind == "choice":
        return {"widget": "select", "options": list(doc.choices), "multiple": many}
    if doc.kind == "country":
        return {"widget": "select", "options": _countries(), "multiple": many}
    if doc.kind == "object":
        children = [d for d in docs if d.depth == doc.depth + 1
                    and d.path.startswith(doc.path + ("[]." if many else "."))]
        fields = [_field(c, docs, taxonomy) for c in children]
        if many:
            return {"widget": "list", "fields": fields, "collapsed": False,
                    "summary": "{{fields." + children[0].name + "}}"}
        return {"widget": "object", "fields": fields, "collapsed": False}
    if many and doc.kind == "text":  # a list of short texts (an agenda item's speakers)
        return {"widget": "list", "field": {"name": doc.name, "label": _label(doc.name),
                                            "widget": "string"}}
    if many:
        raise CmsConfigError(f"{doc.owner}.{doc.name}: no widget for a list of {doc.type}")
    if doc.kind == "url":
        return {"widget": "string", "pattern": [URL_RULE, URL_MESSAGE]}
    if doc.kind == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False}
    if doc.kind == "date-or-datetime":
        # No offset: the time is read in the call's `timezone`, as the model says.
        return {"widget": "datetime", "format": "YYYY-MM-DDTHH:mm:ss",
                "date_format": "YYYY-MM-DD", "time_format": "HH:mm"}
    if doc.kind == "timezone":
        return {"widget": "string"}
    if doc.kind in ("integer", "number"):
        out = {"widget": "number", "value_type": "int" if doc.kind == "integer" else "float"}
        lo = doc.minimum if doc.exclusive_minimum is None else None
        if lo is not None:
            out["min"] = lo
        if doc.maximum is not None:
            out["max"] = doc.maximum
        if doc.exclusive_minimum == 0:
            out["pattern"] = [r"^(?!0*\.?0*$)\d*\.?\d+$",
                              _message("greater_than", gt=0)]
        elif doc.exclusive_minimum is not None:
            raise CmsConfigError(f"{doc.owner}.{doc.name}: no rule for gt={doc.exclusive_minimum}")
        return out
    if doc.kind == "boolean":
        return {"widget": "boolean"}
    if doc.kind == "text":
        out = {"widget": "text" if doc.name in _LONG_TEXT else "string"}
        if doc.pattern and doc.max_length is not None:
            raise CmsConfigError(f"{doc.owner}.{doc.name}: pattern and length together")
        if doc.pattern:
            out["pattern"] = [doc.pattern, _message("string_pattern_mismatch", pattern=doc.pattern)]
        length = _length_pattern(doc)
        if length:
            out["pattern"] = length
        return out
    raise CmsConfigError(f"{doc.owner}.{doc.name}: no widget for {doc.type}")


def _field(doc: FieldDoc, docs: list[FieldDoc], taxonomy: Taxonomy) -> dict[str, Any]:
    out: dict[str, Any] = {"label": _label(doc.name), "name": doc.name}
    out.update(_widget(doc, docs, taxonomy))
    if not doc.required:
        out["required"] = False
    if doc.is_list and out["widget"] in ("list", "relation", "select"):
        if doc.min_items:
            out["min"] = doc.min_items
        if doc.max_items:
            out["max"] = doc.max_items
    if doc.default not in (None, [], ""):
        out["default"] = doc.default
    out["hint"] = _hint(doc)
    return out


def collection(spec: Collection, taxonomy: Taxonomy) -> dict[str, Any]:
    docs = describe(spec.model)
    fields = [_field(d, docs, taxonomy) for d in docs if d.depth == 0]
    body: dict[str, Any] = {"label": "Page text", "name": "body", "widget": "markdown",
                            "required": False,
                            "hint": "The page text, in Markdown, below the fields."}
    if spec.folder in BODY_DEFAULTS:
        body["default"] = BODY_DEFAULTS[spec.folder]
        body["hint"] = ("For a success story, keep the four sections Challenge, Solution, "
                        "Results and Impact and write under each.")
    identifier = _IDENTIFIER.get(spec.folder, "title")
    return {
        "name": spec.folder,
        "label": spec.title,
        "label_singular": spec.singular,
        "description": (spec.model.__doc__ or "").strip(),
        "folder": f"{CONTENT}/{spec.folder}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        # The id is the file name: lower-case letters, digits and hyphens, from this field.
        "identifier_field": identifier,
        "slug": "{{" + identifier + "}}" if identifier != "title" else "{{slug}}",
        "editor": {"preview": False},
        "fields": [*fields, body],
    }


def config(taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "backend": dict(BACKEND),
        # Saving opens a pull request; CI validates it as any other.
        "publish_mode": "editorial_workflow",
        # `decap-server` in a clone (scripts/cms.sh): the CMS writes the files there.
        "local_backend": True,
        "media_folder": "docs/images/uploads",
        "public_folder": "/images/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(spec, taxonomy) for spec in COLLECTIONS.values()],
    }


class _NoAliases(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Every option list written out in full: readable in a review, no ``&id001`` anchors.
    libyaml's emitter where PyYAML has it: the same text, in half the time of every build."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render(taxonomy: Taxonomy) -> str:
    head = ("# Generated from src/i4ms/content/models and content/taxonomy.yml by "
            "`i4ms cms`; do not edit by hand.\n")
    return head + yaml.dump(config(taxonomy), Dumper=_NoAliases, sort_keys=False,
                          allow_unicode=True, width=100)


def _taxonomy(content: Path) -> Taxonomy:
    from i4ms.content.loader import load_taxonomy

    taxonomy, _, problems = load_taxonomy(content)
    if taxonomy is None:
        raise CmsConfigError("; ".join(f"{p.path}:{p.line}: {p.message}" for p in problems))
    return taxonomy


def cmd_cms(args: argparse.Namespace) -> int:
    target = Path(args.out)
    try:
        text = render(_taxonomy(Path(args.content)))
    except CmsConfigError as err:
        print(f"i4ms cms: {err}", file=sys.stderr)
        return 2
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(f"{target}: stale: run `i4ms cms` and commit the result")
            return 1
        print(f"{target}: the CMS configuration matches the models")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("cms", help=f"write the Decap CMS configuration ({CONFIG_PATH}) from the "
                       "models and taxonomy.yml, or --check it")
    c.add_argument("--out", default=CONFIG_PATH)
    c.add_argument("--content", default=CONTENT, help="the content folder (its taxonomy.yml)")
    c.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    c.set_defaults(run=cmd_cms)
