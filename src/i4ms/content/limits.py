"""How complex a file may be, measured in linear time before anything slower reads it.

A small file can still be expensive: 40,000 nested '>' quotes are 80 KB, render in a
fraction of a second with cmark-gfm, and then stall an HTML tree builder, whose work grows
with the square of the nesting. So nesting is measured first, line by line, and refused
above a depth no real text reaches. Whatever still turns out slow is caught by a per-file
wall-clock budget, checked between the stages of reading a file (no threads or signals:
the build also runs in worker processes and in `mkdocs serve`).
"""

from __future__ import annotations

import re
import time

MAX_NESTING = 32
"""Quote and list levels a body may nest: real text uses three or four."""

MAX_HTML_DEPTH = 160
"""Element depth of a rendered body (32 levels of lists are about 100 elements deep)."""

FILE_BUDGET_SECONDS = 10.0
"""Checking one file takes milliseconds; one that takes this long is refused as too complex."""

_CONTAINERS = re.compile(r"(?:[ ]{0,3}+(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))[ \t]*+)++")
"""The quote and list markers that open a line: each one opens a level. Every repetition
must consume a marker and the quantifiers are possessive, so matching is linear."""
_DEEP_LINE = re.compile(
    rf"^(?:[ ]{{0,3}}+(?:>|[-+*](?=[ \t]|$)|[0-9]{{1,9}}[.)](?=[ \t]|$))[ \t]*+){{{MAX_NESTING + 1}}}",
    re.MULTILINE,
)
_MARKERS = re.compile(r"[>]|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)")
_FENCE = re.compile(r"[ ]{0,3}(?:`{3,}|~{3,})")


def markdown_nesting(text: str) -> tuple[int, int] | None:
    """(0-based line, depth) of the first line whose quote and list markers open more than
    :data:`MAX_NESTING` levels, or None. Lines of fenced code are skipped. Lists nested by
    indentation alone need two more spaces a level, so a 1 MB file reaches only about a
    thousand levels that way: cheap for every later stage, and not measured here."""
    if _DEEP_LINE.search(text) is None:
        return None  # no line opens that many levels, in code or not: the usual case
    fence: str | None = None
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group().strip()[:3]
            continue
        markers = _CONTAINERS.match(line)
        if markers is None:
            continue
        depth = len(_MARKERS.findall(markers.group()))
        if depth > MAX_NESTING:
            return number, depth
    return None


def html_depth(html: str) -> int:
    """Element depth of well-formed HTML such as cmark-gfm writes for Markdown without raw
    HTML: one pass over its tags, no tree built."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(1):
            depth -= 1
        elif match.group(2).lower() not in _VOID and not match.group().endswith("/>"):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*+)[^<>]*+>")
"""A tag; ``[^<>]`` stops a scan at the next '<', so text without a closing '>' stays linear."""
_VOID = frozenset({"br", "hr", "img", "input", "col", "area", "source", "wbr", "meta", "link"})


class TooComplex(Exception):
    """A file (or one stage of reading it) is beyond the limits; says which and where."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class Budget:
    """The wall-clock time left for one file, checked between stages."""

    def __init__(self, seconds: float = FILE_BUDGET_SECONDS):
        self.seconds = seconds
        self.start = time.monotonic()

    def spent(self) -> float:
        return time.monotonic() - self.start

    def exceeded(self) -> bool:
        return self.spent() > self.seconds

    def message(self) -> str:
        return (f"too complex: checking this file took {self.spent():.1f} s (the limit is "
                f"{self.seconds:g} s); simplify or split it")
