"""The ``# TODO`` placeholders that `i4ms new` writes, and how problems on them are explained.

A scaffolded file fails validation until every placeholder is filled in; the raw problems
(a missing field, a wrong type) would say less than "placeholder not filled in", so both
`i4ms validate` and the build explain them the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from i4ms.content.problems import Problem

PLACEHOLDER = "TODO"

_PLACEHOLDER_LINE = re.compile(
    r"^\s*(?:-\s+)?(?:(?P<key>[A-Za-z_][\w-]*)\s*:)?\s*#\s*" + PLACEHOLDER + r"\b:?\s*(?P<hint>.*)$"
)

def explain_placeholders(problems: list[Problem]) -> list[Problem]:
    """Problems on a line still holding a ``# TODO`` placeholder become one clear problem."""
    cache: dict[str, list[str] | None] = {}

    def line_of(path: str, n: int) -> str | None:
        if path not in cache:
            try:
                cache[path] = Path(path).read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                cache[path] = None
        lines = cache[path]
        return lines[n - 1] if lines and 0 < n <= len(lines) else None

    out: set[Problem] = set()
    for p in problems:
        match = _PLACEHOLDER_LINE.match(line_of(p.path, p.line) or "") if p.is_error else None
        if not match:
            out.add(p)
            continue
        name = p.field
        key = match.group("key")
        if key and f".{key}." in f".{name}.":  # opens.date, opens.datetime -> opens
            name = name[: name.rindex(key) + len(key)]
        hint = match.group("hint").strip()
        out.add(Problem(p.path, p.line, name, "placeholder not filled in" + (f": {hint}" if hint else "")))
    return sorted(out)
