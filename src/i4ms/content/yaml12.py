"""YAML front matter read by the YAML 1.2 core schema, keeping each value's line.

PyYAML implements YAML 1.1, where ``NO`` is ``False`` (Norway disappears) and
``10:00`` is 600. We compose PyYAML's node tree (a real parser) and construct
values ourselves with the 1.2 core rules, so there is one place that decides
what a plain scalar means, and every key keeps the line it was written on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from i4ms.content.chars import first_control

Path = tuple[str | int, ...]

MAX_NODES = 20_000
"""Values a front matter block may expand to; an alias bomb stops here, not in memory."""

MAX_DEPTH = 64
"""Nesting levels allowed; deeper input would exhaust the parser's stack, not teach anything."""

_DEEP_DASHES = re.compile(rf"^(?:[ ]*+[-?][ ]++){{{MAX_DEPTH},}}", re.MULTILINE)
"""A run of compact '- ' or '? ' indicators on one line: each opens a level. The quantifiers
are possessive: spaces between indicators can be split only one way, so a line that fails
is given up at once instead of trying every split."""

MAX_DIGITS = 100
"""Digits a number may have: Python refuses to read more than 4,300 (a denial-of-service
guard), and no field holds a number longer than a year or an amount."""

_PLAIN = "tag:i4ms.eu,2024:plain"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_BOOL_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """PyYAML's parser (libyaml when present) with no implicit typing: plain scalars are marked."""

    yaml_implicit_resolvers: dict = {}

    def resolve(self, kind, value, implicit):  # type: ignore[override]
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)


@dataclass
class Parsed:
    """A YAML mapping with the 1-based line of every path in it."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path, default: int) -> int:
        """Line of the deepest known prefix of ``path``: missing keys point at their parent."""
        for cut in range(len(path), 0, -1):
            hit = self.lines.get(tuple(path[:cut]))
            if hit is not None:
                return hit
        return default


_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")


def plain_scalar(text: str) -> Any:
    """The YAML 1.2 core schema's reading of an unquoted scalar."""
    if text and text[0] not in _MAYBE_TYPED:
        return text  # fast path: most values are words
    if _NULL.fullmatch(text):
        return None
    if _BOOL_TRUE.fullmatch(text):
        return True
    if _BOOL_FALSE.fullmatch(text):
        return False
    if _INT.fullmatch(text):
        return int(_length_checked(text))
    if _OCT.fullmatch(text):
        return int(_length_checked(text)[2:], 8)
    if _HEX.fullmatch(text):
        return int(_length_checked(text)[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(_length_checked(text))
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if _NAN.fullmatch(text) else text


def _length_checked(text: str) -> str:
    if len(text) <= MAX_DIGITS:
        return text
    digits = len(text) - 2 if text[:2] in ("0x", "0o") else sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        raise ValueError(f"a number of {digits:,} digits is too long (the limit is "
                         f"{MAX_DIGITS}); put it in quotes if it is text")
    return text


class _Builder:
    def __init__(self, first_line: int):
        self.offset = first_line
        self.lines: dict[Path, int] = {}
        self.count = 0

    def line(self, node: Node) -> int:
        return node.start_mark.line + self.offset

    def build(self, node: Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            raise YamlProblem(self.line(node), f"values are nested more than {MAX_DEPTH} levels deep")
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem(
                self.line(node),
                f"front matter expands to more than {MAX_NODES} values "
                "(aliases or a very large document); simplify it",
            )
        if path not in self.lines:
            self.lines[path] = node.start_mark.line + self.offset
        kind = type(node)
        if kind is ScalarNode:
            try:
                if node.tag == _PLAIN:
                    return plain_scalar(node.value)
                return self.scalar(node)
            except ValueError as err:
                raise YamlProblem(self.line(node), str(err)) from None
        if kind is SequenceNode:
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if kind is MappingNode:
            return self.mapping(node, path)
        raise YamlProblem(self.line(node), "unsupported YAML node")

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == _PLAIN:
            return plain_scalar(node.value)
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        if node.tag == "tag:yaml.org,2002:int":
            value = plain_scalar(node.value)  # the core schema's integer forms, length-checked
            if type(value) is not int:
                raise ValueError(f"'{_short(node.value)}' is tagged !!int but is not an integer")
            return value
        if node.tag == "tag:yaml.org,2002:null":
            return None
        raise YamlProblem(self.line(node), f"YAML tag {node.tag!r} is not allowed here")

    def mapping(self, node: MappingNode, path: Path) -> dict:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                key_node.tag == _PLAIN and key_node.value == "<<"
            ):
                raise YamlProblem(self.line(key_node), "merge keys (<<) are not supported")
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(self.line(key_node), "a key must be a plain name")
            key = str(key_node.value)
            if key in out:
                first = self.lines.get((*path, key))
                raise YamlProblem(
                    self.line(key_node),
                    f"duplicate key '{key}' (first set on line {first})",
                )
            self.lines[(*path, key)] = self.line(key_node)
            out[key] = self.build(value_node, (*path, key))
        return out


_TAB_INDENT = re.compile(r"^[ ]*+(?:-[ ]++)*+\t", re.MULTILINE)


def _tab_line(text: str, first_line: int) -> int | None:
    """Line of a tab used as indentation (YAML forbids it); tabs inside values are fine."""
    if "\t" not in text:
        return None
    hit = _TAB_INDENT.search(text)
    return first_line + text.count("\n", 0, hit.start()) if hit else None


def _too_deep(text: str) -> int | None:
    """Where (0-based line) nesting exceeds MAX_DEPTH, checked before libyaml, which recurses
    once per level and crashes on a deep enough file. Cheap when there is nothing to find."""
    dashes = _DEEP_DASHES.search(text)
    if dashes:
        return text.count("\n", 0, dashes.start())
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    # Brackets may be text inside quotes: ask libyaml's parser, which (unlike its composer)
    # keeps an explicit stack, how deep the collections really go.
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
    except yaml.YAMLError:
        return None  # compose reports it, with its line
    return None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _one_line(message: str) -> str:
    """A problem is one line of output: PyYAML's messages may hold a newline and a position."""
    return " ".join(message.split())


def load_mapping(text: str, first_line: int) -> Parsed:
    """Parse a front matter block whose first line is ``first_line`` (1-based) in its file."""
    control = first_control(text)
    if control is not None:  # before PyYAML, whose message for it spans two lines
        raise YamlProblem(first_line + control[0], control[1])
    tab = _tab_line(text, first_line)
    if tab is not None:
        raise YamlProblem(tab, "tab character in indentation; YAML needs spaces")
    deep = _too_deep(text)
    if deep is not None:
        raise YamlProblem(first_line + deep, f"values are nested more than {MAX_DEPTH} levels deep")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = err.problem or err.context or "invalid YAML"
        raise YamlProblem(line, f"YAML does not parse: {_one_line(reason)}") from None
    except yaml.YAMLError as err:
        raise YamlProblem(first_line, f"YAML does not parse: {_one_line(str(err))}") from None
    if node is None:
        raise YamlProblem(first_line, "front matter is empty")
    builder = _Builder(first_line)
    data = builder.build(node, ())
    if not isinstance(data, dict):
        raise YamlProblem(first_line, "front matter must be a mapping of field: value")
    return Parsed(data=data, lines=builder.lines)
