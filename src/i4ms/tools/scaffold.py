"""`i4ms new KIND ID`: start a content file with every field the models ask for.

The file is generated from the models through :func:`i4ms.tools.fieldref.describe`, so
a field added to a model shows up here without anyone editing a template.
Required fields get an empty value and a ``# TODO: ...`` comment: an empty
value is not valid for any required field, so `i4ms validate` (and the build)
refuse the file until someone fills it in, and :func:`explain_placeholders`
turns those errors into "placeholder not filled in" on the placeholder's line.
Optional fields are written commented out, each with a hint.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from i4ms.content.fielddocs import FieldDoc, describe
from i4ms.content.models import COLLECTIONS, Collection
from i4ms.content.models.fields import ID_PATTERN, MAX_ID_LENGTH
from i4ms.content.placeholders import PLACEHOLDER

ASKED = ("sources",)
"""Optional in the models, but expected of every published item: written out, not commented."""

_ID = re.compile(ID_PATTERN)
_EXAMPLE_VALUES = {
    "url": "https://…",
    "date": "YYYY-MM-DD",
    "date-or-datetime": "YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+01:00",
    "country": "two capital letters, e.g. DE",
    "timezone": "e.g. Europe/Brussels",
}
_BODY_HINTS = {
    "experiments": "For a success story, give the text the four sections Challenge, Solution, "
                   "Results and Impact, each a heading line such as: ## Challenge",
}


class ScaffoldError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    """What the content folder already holds, for hints: vocabulary ids and item ids."""

    terms: dict[str, list[str]] = field(default_factory=dict)
    ids: dict[str, list[str]] = field(default_factory=dict)


def kinds() -> dict[str, Collection]:
    """``experiment`` -> its collection, for every collection in the registry."""
    return {spec.singular: spec for spec in COLLECTIONS.values()}


def read_context(root: Path) -> Context:
    from i4ms.content.loader import load_taxonomy  # the one reader of content files

    ctx = Context()
    taxonomy, _, _ = load_taxonomy(root)
    if taxonomy is not None:
        for name in type(taxonomy).model_fields:
            ctx.terms[name] = [t.id for t in getattr(taxonomy, name)]
    for folder in COLLECTIONS:
        ctx.ids[folder] = sorted(p.stem for p in (root / folder).glob("*.md"))
    return ctx


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?)\.(?:\s|$)", text)
    return match.group(1) if match else text


def _value_hint(doc: FieldDoc, ctx: Context) -> str:
    """How one value of ``doc`` looks."""
    if doc.refs:
        names = " or ".join(COLLECTIONS[c].singular for c in doc.refs)
        article = "an" if names[0] in "aeiou" else "a"
        folders = " or ".join(f"content/{c}/" for c in doc.refs)
        known = [i for c in doc.refs for i in ctx.ids.get(c, [])]
        example = f", e.g. {known[0]}" if known else ""
        return f"the id (file name) of {article} {names} in {folders}{example}"
    if doc.vocabulary:
        terms = ctx.terms.get(doc.vocabulary)
        if terms:
            return "one of: " + ", ".join(terms)
        return f"an id listed under {doc.vocabulary} in content/taxonomy.yml"
    if doc.choices:
        return "one of: " + ", ".join(doc.choices)
    if doc.kind in _EXAMPLE_VALUES:
        return _EXAMPLE_VALUES[doc.kind]
    return doc.type.removeprefix("list of ")


def _hint(doc: FieldDoc, ctx: Context, item: bool = False) -> str:
    meaning = _first_sentence(doc.meaning)
    if doc.is_list and not item:
        least = ", at least one" if any("entr" in r for r in doc.rules) else ""
        return f"{meaning}; a list, one entry per line{least}"
    rules = [r for r in doc.rules if "entr" not in r and r != "not empty"
             and not r.startswith("default") and doc.kind not in _EXAMPLE_VALUES]
    detail = ", ".join([_value_hint(doc, ctx), *rules])
    if doc.default not in (None, [], ""):
        detail += f", default {doc.default}"
    return detail if item else f"{meaning}; {detail}"


def _comment_out(lines: list[str], indent: int) -> list[str]:
    return [line[:indent] + "# " + line[indent:] for line in lines]


def _children(doc: FieldDoc, docs: list[FieldDoc]) -> list[FieldDoc]:
    prefix = doc.path + ("[]." if doc.is_list else ".")
    return [d for d in docs if d.depth == doc.depth + 1 and d.path.startswith(prefix)]


_PREFIX = {"todo": f"# {PLACEHOLDER}: ", "optional": "# optional: ", "show": "# "}


def _block(doc: FieldDoc, docs: list[FieldDoc], ctx: Context, mode: str) -> list[str]:
    """Lines for ``doc`` and its nested fields, unindented.

    ``mode`` is ``todo`` (a value is required: an empty placeholder), ``optional`` (an
    empty value that may stay empty) or ``show`` (a hint only, for a commented-out block).
    """
    prefix = _PREFIX[mode]
    if doc.nested is None and not doc.is_list:
        return [f"{doc.name}:   {prefix}{_hint(doc, ctx)}"]
    head = f"{doc.name}:   # {_hint(doc, ctx)}"
    if doc.nested is None:  # a list of values: one empty entry to fill in
        return [head, f"  -   {prefix}{_hint(doc, ctx, item=True)}"]
    parts: list[tuple[bool, list[str]]] = []
    for child in _children(doc, docs):
        if mode != "todo":
            child_mode, shown = "show", True
        elif child.required:
            child_mode, shown = "todo", True
        elif child.nullable and child.nested is None and not child.is_list:
            child_mode, shown = "optional", True
        else:
            child_mode, shown = "show", False
        parts.append((shown, _block(child, docs, ctx, child_mode)))
    parts.sort(key=lambda p: not p[0])  # the list's dash goes on a line that is not commented
    lines = [head]
    for n, (shown, block) in enumerate(parts):
        first = ("- " if n == 0 else "  ") if doc.is_list else ""
        cont = "  " + ("  " if doc.is_list else "")
        block = ["  " + first + block[0], *[cont + line for line in block[1:]]]
        lines += block if shown else _comment_out(block, len(cont))
    return lines


def front_matter(spec: Collection, ctx: Context, path: str) -> list[str]:
    docs = describe(spec.model)
    top = [d for d in docs if d.depth == 0]
    asked = [d for d in top if d.required or d.name in ASKED]
    optional = [d for d in top if d not in asked]
    lines = [
        f"# A new {spec.singular}, started by `i4ms new {spec.singular}`: {path}",
        f"# Every line marked {PLACEHOLDER} needs a value: write it after the colon (the comment",
        "# may stay or go). `i4ms validate` refuses the file until every one is filled in.",
        "# Optional fields are commented out: remove the '# ' in front of one to use it.",
        "# Write only what your sources say, and list them under `sources`.",
        f"# Field reference: CONTRIBUTING.md, section \"{spec.title}\".",
    ]
    for doc in [d for d in asked if d.name not in ASKED]:
        lines += _block(doc, docs, ctx, "todo")
    for doc in [d for d in asked if d.name in ASKED]:
        lines += ["", *_block(doc, docs, ctx, "todo")]
    if optional:
        lines += ["", "# Optional fields:"]
        for doc in optional:
            lines += _comment_out(_block(doc, docs, ctx, "show"), 0)
    lines += ["", "# The page text goes below the closing '---' line, in Markdown."]
    hint = _BODY_HINTS.get(spec.folder)
    if hint:
        lines.append(f"# {hint}")
    return lines


def suggest_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().removesuffix(".md")).strip("-")


def scaffold(kind: str, item_id: str, content: Path) -> Path:
    """Write ``content/<collection>/<item_id>.md`` and return its path, or raise ScaffoldError."""
    spec = kinds()[kind]
    if not _ID.fullmatch(item_id) or len(item_id) > MAX_ID_LENGTH:
        better = suggest_id(item_id)[:MAX_ID_LENGTH].strip("-")
        tip = f" (try '{better}')" if better and _ID.fullmatch(better) else ""
        raise ScaffoldError(
            f"{item_id!r} is not a valid id: use lower-case letters a-z, digits and single "
            f"hyphens, at most {MAX_ID_LENGTH} characters, like 'smart-weld'{tip}. "
            "The id becomes the file name and the page address."
        )
    if not content.is_dir():
        raise ScaffoldError(f"no such content folder: {content}", code=2)
    folder = content / spec.folder
    target = folder / f"{item_id}.md"
    if target.exists():
        raise ScaffoldError(f"{target} already exists: pick another id, or edit that file")
    ctx = read_context(content)
    text = "---\n" + "\n".join(front_matter(spec, ctx, str(target))) + "\n---\n"
    folder.mkdir(exist_ok=True)
    with target.open("x", encoding="utf-8") as out:
        out.write(text)
    return target




def cmd_new(args: argparse.Namespace) -> int:
    try:
        path = scaffold(args.kind, args.id, Path(args.content))
    except ScaffoldError as err:
        print(f"i4ms new: {err}", file=sys.stderr)
        return err.code
    print(path)
    print(f"next: fill in the {PLACEHOLDER} lines, then run `i4ms validate {args.content}`",
          file=sys.stderr)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    n = sub.add_parser("new", help="start content/<collection>/<ID>.md with every field to fill in")
    n.add_argument("kind", choices=sorted(kinds()), help="what to add")
    n.add_argument("id", help="the new item's id: lower-case a-z, 0-9 and hyphens")
    n.add_argument("--content", default="content", help="the content folder (default: content)")
    n.set_defaults(run=cmd_new)
