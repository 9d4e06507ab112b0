"""Check every reference and vocabulary id by reading the :class:`Ref`/:class:`Vocab` markers.

The walk reads the raw front matter next to the model class, so references are
checked even in a file that has other problems: every problem in one run.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from i4ms.content.document import Document
from i4ms.content.models import COLLECTIONS, Taxonomy
from i4ms.content.models.fields import Ref, Vocab
from i4ms.content.problems import Problem, did_you_mean
from i4ms.content.pydantic_errors import field_name, models_in

Marker = Ref | Vocab


def _marker(annotation: Any) -> Marker | None:
    for arg in typing.get_args(annotation):
        if isinstance(arg, (Ref, Vocab)):
            return arg
        found = _marker(arg)
        if found:
            return found
    return None


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, Marker | None, type[BaseModel] | None], ...]:
    """Per model class, once: which fields hold references and which hold nested models."""
    plan = []
    for name, info in model.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, (Ref, Vocab))), None)
        marker = marker or _marker(info.annotation)
        nested = next(models_in(info.annotation), None)
        if marker is not None or nested is not None:
            plan.append((name, marker, nested))
    return tuple(plan)


def walk_references(
    model: type[BaseModel], data: Any, loc: tuple = ()
) -> Iterator[tuple[tuple, Marker, str]]:
    """Yield (location, marker, id) for every reference written in ``data``."""
    if not isinstance(data, dict):
        return
    for name, marker, nested in _plan(model):
        value = data.get(name)
        if value is None:
            continue
        pairs = (
            [((*loc, name, i), v) for i, v in enumerate(value)]
            if isinstance(value, list) else [((*loc, name), value)]
        )
        for here, v in pairs:
            if nested is not None and isinstance(v, dict):
                yield from walk_references(nested, v, here)
            elif marker is not None and isinstance(v, str):
                yield here, marker, v


def check_references(
    documents: dict[str, list[Document]], ids: dict[str, set[str]], taxonomy: Taxonomy | None
) -> list[Problem]:
    problems = []
    for collection, docs in documents.items():
        model = COLLECTIONS[collection].model
        for doc in docs:
            for loc, marker, value in walk_references(model, doc.front.data):
                msg = _check(marker, value, ids, taxonomy)
                if msg:
                    line = doc.front.line_of(loc, 1)
                    problems.append(Problem(doc.path, line, field_name(loc), msg))
    return problems


def _check(
    marker: Marker, value: str, ids: dict[str, set[str]], taxonomy: Taxonomy | None
) -> str | None:
    if isinstance(marker, Ref):
        if any(value in ids.get(c, ()) for c in marker.collections):
            return None
        known = sorted(i for c in marker.collections for i in ids.get(c, ()))
        where = " or ".join(COLLECTIONS[c].singular for c in marker.collections)
        return f"no {where} has id '{value}'{did_you_mean(value, known)}"
    if taxonomy is None:
        return None
    terms = taxonomy.terms(marker.vocabulary)
    if value in terms:
        return None
    return f"'{value}' is not in taxonomy.yml {marker.vocabulary}{did_you_mean(value, terms)}"
