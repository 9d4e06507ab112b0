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
import sys
from pathlib import Path

from i4ms.content.fielddocs import FieldDoc, describe
from i4ms.content.models import COLLECTIONS, Collection, Taxonomy

START = "<!-- fieldref:start -->"
END = "<!-- fieldref:end -->"
TAXONOMY_PATH = "content/taxonomy.yml"


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
