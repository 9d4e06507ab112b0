"""Read ``content/`` into validated models, collecting every problem instead of stopping.

This is the only code that reads content files; `i4ms validate` and the site
build both call it, so there is no second validator to drift.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from i4ms.content.chars import first_control
from i4ms.content.document import Document, decode_text, parse_document, read_bytes, read_text
from i4ms.content.limits import MAX_NESTING, Budget, TooComplex, markdown_nesting
from i4ms.content.models import COLLECTIONS, Taxonomy
from i4ms.content.models.fields import ID_PATTERN, MAX_ID_LENGTH
from i4ms.content.problems import Problem, did_you_mean
from i4ms.content.pydantic_errors import field_name, problems_from
from i4ms.content.safety import find_script, script_risk
from i4ms.content.textrules import field_problems, strings
from i4ms.content.yaml12 import Parsed, YamlProblem, load_mapping

M = TypeVar("M", bound=BaseModel)

TAXONOMY_FILE = "taxonomy.yml"
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Item(Generic[M]):
    """A validated content item with what is needed to point back at its source."""

    collection: str
    id: str
    path: str
    model: M
    body: str
    body_line: int
    front: Parsed

    def line(self, *loc: str | int) -> int:
        return self.front.line_of(tuple(loc), 1)


@dataclass
class Loaded:
    root: Path
    taxonomy: Taxonomy | None
    taxonomy_doc: Parsed | None
    items: dict[str, dict[str, Item[Any]]]
    problems: list[Problem] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)
    documents: dict[str, list[Document]] = field(default_factory=dict)
    """Every file's id, valid or not, so one broken file does not cascade into reference errors."""


def _shown(file: Path, root: Path) -> str:
    """Paths as a contributor sees them in the repository: relative to the working directory."""
    return os.path.join(_shown_folder(file.parent, os.getcwd()), file.name)


@cache
def _shown_folder(folder: Path, cwd: str) -> str:
    """One relpath per folder, not per file: relpath makes both paths absolute every call."""
    try:
        return os.path.relpath(folder, cwd)
    except ValueError:
        return str(folder)


@contextmanager
def no_gc() -> Iterator[None]:
    """Loading makes millions of small objects and no reference cycles; the cyclic GC would
    only rescan them, again and again (a quarter of `i4ms validate` on 10,000 items)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def safety_problems(doc: Document, budget: Budget | None = None,
                    walked: list[tuple[tuple, str, bool]] | None = None,
                    body: bool = True) -> list[Problem]:
    """Script in any field, and in the body unless ``body`` is False (too deep to render)."""
    out = []
    for loc, text, is_key in strings(doc.front.data) if walked is None else walked:
        if is_key:
            continue
        reason = script_risk(text)
        if reason:
            out.append(Problem(doc.path, doc.front.line_of(loc, 1), field_name(loc), reason))
    if not body:
        return out
    try:
        hit = find_script(doc.body, budget)
    except TooComplex as err:
        out.append(Problem(doc.path, doc.body_line + err.line, "body", err.message))
    else:
        if hit:
            out.append(Problem(doc.path, doc.body_line + hit[1], "body", hit[0]))
    return out


def body_problems(doc: Document) -> tuple[list[Problem], bool]:
    """Characters and nesting no output can take, found in linear time, and whether the body
    can go on to be rendered for the script check (not when it nests too deep)."""
    out = []
    control = first_control(doc.body)
    if control:
        out.append(Problem(doc.path, doc.body_line + control[0], "body", control[1]))
    deep = markdown_nesting(doc.body)
    if deep:
        out.append(Problem(
            doc.path, doc.body_line + deep[0], "body",
            f"too complex: quotes and lists nested {deep[1]:,} levels deep (the limit is "
            f"{MAX_NESTING}); flatten the text",
        ))
    return out, deep is None


def _text_problems(parsed: Parsed, model: type[BaseModel], shown: str,
                   walked: list | None = None) -> list[Problem]:
    found = field_problems(parsed, model, walked)
    return [Problem(shown, line, name, message) for line, name, message in found]


def _over_budget(budget: Budget, shown: str, line: int, name: str) -> list[Problem]:
    return [Problem(shown, line, name, budget.message())] if budget.exceeded() else []


def load_taxonomy(root: Path) -> tuple[Taxonomy | None, Parsed | None, list[Problem]]:
    file = root / TAXONOMY_FILE
    shown = _shown(file, root)
    if file.is_symlink():
        return None, None, [Problem(shown, 1, "taxonomy", _SYMLINK_FILE)]
    if not file.is_file():
        return None, None, [Problem(shown, 1, "taxonomy", "taxonomy.yml is missing")]
    try:
        parsed = load_mapping(read_text(file, shown), 1)
    except YamlProblem as err:
        return None, None, [Problem(shown, err.line, "taxonomy", err.message)]
    problems = _text_problems(parsed, Taxonomy, shown)
    try:
        taxonomy = Taxonomy.model_validate(parsed.data)
    except ValidationError as err:
        return None, parsed, problems + problems_from(err, Taxonomy, shown, parsed)
    return (None if problems else taxonomy), parsed, problems


_SYMLINK_FILE = ("is a symbolic link: content must be a real file in the repository, not a link "
                 "to a file elsewhere; copy the file here instead")
_SYMLINK_FOLDER = ("is a symbolic link: content must be a real folder in the repository, not a "
                   "link to one elsewhere; nothing in it was read")


def _symlink_problem(path: Path, root: Path) -> Problem:
    """A link in content/ could publish any file on the machine that builds the site."""
    if path.is_dir():
        return Problem(_shown(path, root), 1, "folder", _SYMLINK_FOLDER)
    return Problem(_shown(path, root), 1, "file", _SYMLINK_FILE)


def _id_problems(file: Path, shown: str) -> list[Problem]:
    item_id = file.stem
    if not _ID.fullmatch(item_id):  # whole: '$' alone would let a final newline through
        return [Problem(shown, 1, "id", f"file name {file.name!r} is not a valid id: use "
                        "lower-case letters, digits and hyphens, like 'my-experiment.md'")]
    if len(item_id) > MAX_ID_LENGTH:
        return [Problem(shown, 1, "id", f"the id (the file name without .md) is {len(item_id)} "
                        f"characters long; the limit is {MAX_ID_LENGTH}: choose a shorter one")]
    return []


def load_item(
    file: Path, collection: str, root: Path, budget: Budget | None = None,
    data: bytes | None = None,
) -> tuple[Item | None, Document | None, list[Problem]]:
    """One file through every check, in stages; between stages, the file's time budget is
    checked, and a file over it is reported as too complex instead of checked further.
    ``data``: the file's bytes, when the caller has read them already (:func:`read_bytes`)."""
    budget = budget or Budget()
    shown = _shown(file, root)
    spec = COLLECTIONS[collection]
    problems = _id_problems(file, shown)
    try:
        text = decode_text(data) if data is not None else read_text(file, shown)
        doc = parse_document(text, shown)
    except YamlProblem as err:
        return None, None, [*problems, Problem(shown, err.line, "front matter", err.message)]
    late = _over_budget(budget, shown, 1, "front matter")
    if late:
        return None, doc, problems + late
    found, renderable = body_problems(doc)
    problems += found
    walked = strings(doc.front.data)
    problems += safety_problems(doc, budget, walked, body=renderable)
    problems += _text_problems(doc.front, spec.model, shown, walked)
    late = _over_budget(budget, shown, doc.body_line, "body")
    if late:
        return None, doc, problems + late
    try:
        model = spec.model.model_validate(doc.front.data)
    except ValidationError as err:
        return None, doc, problems + problems_from(err, spec.model, shown, doc.front)
    problems += _over_budget(budget, shown, 1, "front matter")
    item = Item(collection, file.stem, shown, model, doc.body, doc.body_line, doc.front)
    return (None if problems else item), doc, problems


_Checked = tuple["Item | None", "Document | None", list[Problem]]
_LAST: dict[tuple[str, str, str], tuple[bytes, _Checked]] = {}
"""Each file's bytes and what checking them gave, the last time this process loaded it.

`mkdocs serve` loads the whole content again after every edit, in the same process: a file
whose bytes did not change gives the same item and problems (checking reads nothing else),
so only the edited file is parsed and validated again. Items and models are never mutated
after loading, so sharing them between loads is safe."""


def _load_item_again(file: Path, collection: str, root: Path) -> _Checked:
    key = (str(file), collection, str(root))
    try:
        data = read_bytes(file)
    except YamlProblem:  # a link, unreadable, too large: load_item says so on its line
        _LAST.pop(key, None)
        return load_item(file, collection, root)
    last = _LAST.get(key)
    if last is not None and last[0] == data:
        item, doc, problems = last[1]
        return item, doc, list(problems)
    checked = load_item(file, collection, root, data=data)
    _LAST[key] = (data, checked)
    return checked[0], checked[1], list(checked[2])


def load_content(root: Path) -> Loaded:
    """Every file read, every problem kept: the first phase of every build."""
    with no_gc():
        return _load_content(root)


def _load_content(root: Path) -> Loaded:
    taxonomy, taxonomy_doc, problems = load_taxonomy(root)
    items: dict[str, dict[str, Item]] = {name: {} for name in COLLECTIONS}
    ids: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    documents: dict[str, list[Document]] = {name: [] for name in COLLECTIONS}
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name == TAXONOMY_FILE:
            continue
        if entry.is_symlink():  # never followed: its target's files are not even listed
            problems.append(_symlink_problem(entry, root))
            continue
        if entry.is_dir() and entry.name in COLLECTIONS:
            for file in sorted(entry.iterdir()):
                if file.name.startswith("."):
                    continue
                if file.is_symlink():
                    problems.append(_symlink_problem(file, root))
                    continue
                if file.suffix != ".md" or not file.is_file():
                    problems.append(Problem(_shown(file, root), 1, "file",
                                            "only Markdown files (.md) belong in a collection"))
                    continue
                ids[entry.name].add(file.stem)
                item, doc, found = _load_item_again(file, entry.name, root)
                problems += found
                if doc is not None:
                    documents[entry.name].append(doc)
                if item is not None:
                    items[entry.name][item.id] = item
        else:
            kind = "folder" if entry.is_dir() else "file"
            problems.append(Problem(
                _shown(entry, root), 1, kind,
                f"unknown {kind} in content/{did_you_mean(entry.name, COLLECTIONS)}; "
                f"content lives in {', '.join(COLLECTIONS)} and {TAXONOMY_FILE}",
            ))
    return Loaded(root, taxonomy, taxonomy_doc, items, problems, ids, documents)
