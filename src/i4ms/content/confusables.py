"""Names that look like another item's name but are written with other letters.

"Аcme Robotics" with a Cyrillic "А" passes every other check and reads, on the page, as the
real Acme Robotics. The Unicode confusables data (UTS #39, via the ``confusable_homoglyphs``
package) maps each look-alike to a prototype; two names with the same *skeleton* (every
character replaced by its prototype) look the same. Only a person can tell a spoof from a
real name, so this is a warning: printed, never failing validation.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import cache
from typing import Any

from confusable_homoglyphs.confusables import confusables_data

from i4ms.content.models.fields import Name
from i4ms.content.problems import WARNING, Problem


@cache
def _prototype(char: str) -> str:
    """The character ``char`` is confused with, by the data's convention: a look-alike lists
    its one prototype; a prototype lists all its look-alikes (so a pair of one each is read
    both ways, and the smaller is the prototype of both)."""
    entries = confusables_data.get(char)
    if not entries or len(entries) != 1:
        return char
    other = entries[0]["c"]
    back = confusables_data.get(other)
    if back and len(back) == 1 and other > char:
        return char
    return other


def skeleton(text: str) -> str:
    """UTS #39 skeleton: decomposed, every character mapped to its prototype, decomposed again."""
    if text.isascii() and not _ASCII_LOOK_ALIKES.intersection(text):
        return text  # most names: nothing to map
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(_prototype(c) for c in decomposed))


@cache
def _name_fields(model: type) -> tuple[str, ...]:
    """The fields that name an item, read from the model's metadata."""
    return tuple(field for field, info in model.model_fields.items()
                 if any(isinstance(m, Name) for m in info.metadata))


_ASCII_LOOK_ALIKES = frozenset(c for c in map(chr, range(128)) if _prototype(c) != c)
"""ASCII characters that are look-alikes of another (1 and I of l, 0 of O, m of rn...)."""


def _names(item: Any) -> list[tuple[str, str]]:
    values = ((field, getattr(item.model, field)) for field in _name_fields(type(item.model)))
    return [(field, value) for field, value in values if isinstance(value, str)]


def _look_alike(name: str) -> str:
    for index, char in enumerate(unicodedata.normalize("NFC", name)):
        if skeleton(char) != unicodedata.normalize("NFD", char):
            code = ord(char)
            return f"U+{code:04X} {unicodedata.name(char, '?')} at character {index + 1}"
    return "letters that look alike"


def confusable_names(items: dict[str, dict[str, Any]]) -> list[Problem]:
    """A warning on each name that looks like, but is not, another item's name."""
    groups: dict[str, list[tuple[Any, str, str]]] = defaultdict(list)
    for collection in items.values():
        for item in collection.values():
            for field, value in _names(item):
                groups[skeleton(value)].append((item, field, value))
    out = []
    for entries in groups.values():
        if len({value for _, _, value in entries}) < 2:
            continue
        entries.sort(key=lambda e: (e[0].path, e[1]))
        ascii_only = all(value.isascii() for _, _, value in entries)
        for n, (item, field, value) in enumerate(entries):
            if (ascii_only and n == 0) or (not ascii_only and value.isascii()):
                continue  # the plain spelling is taken as the original
            other = next((e for e in entries if e[2] != value and e[0] is not item), None)
            if other is None:
                continue
            out.append(Problem(
                item.path, item.line(field), field,
                f"'{value}' looks like the {other[1]} of {other[0].path} ('{other[2]}') but is "
                f"written with other letters ({_look_alike(value)}): check that it is not a "
                "copy made with look-alike letters",
                WARNING,
            ))
    return out
