"""Problems found in contributor input, and the three ways we print them.

A problem always names a file, a line and a field, because the person reading it
is an IA contributor looking at a pull request, not a developer reading a trace.
A warning (a name that looks like another item's) is printed with the errors but does
not fail validation: only a person can tell a look-alike from a real name.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity != WARNING

    def text(self) -> str:
        mark = "warning: " if not self.is_error else ""
        return f"{self.path}:{self.line}: {self.field}: {mark}{self.message}"

    def github(self) -> str:
        # GitHub annotation syntax: properties are escaped differently from the message.
        def prop(value: str) -> str:
            return (
                value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                .replace(":", "%3A").replace(",", "%2C")
            )

        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        title = prop(self.field or "content")
        level = "error" if self.is_error else "warning"
        return f"::{level} file={prop(self.path)},line={self.line},title={title}::{msg}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that fail validation and the build (warnings do neither)."""
    return [p for p in problems if p.is_error]


class ContentError(Exception):
    """Raised at the edge (build) when content has problems; carries all of them."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_text(self.problems))


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest valid name, so a typo gets a fix rather than a puzzle."""
    options = list(candidates)
    match = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if match:
        return match[0]
    lowered = {o.lower(): o for o in options}
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.5)
    return lowered[match[0]] if match else None


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    hit = closest(name, candidates)
    return f" (did you mean '{hit}'?)" if hit else ""


def count_line(problems: Sequence[Problem]) -> str:
    """"3 problems found", and how many warnings besides when there are any."""
    n = len(errors(problems))
    warned = len(problems) - n
    line = f"{n} problem{'s' if n != 1 else ''} found"
    return line + (f" and {warned} warning{'s' if warned != 1 else ''}" if warned else "")


def format_text(problems: Sequence[Problem]) -> str:
    lines = [p.text() for p in sorted(problems)]
    lines.append(count_line(problems))
    return "\n".join(lines)


def format_github(problems: Sequence[Problem]) -> str:
    lines = [p.github() for p in sorted(problems)]
    lines.append(count_line(problems))
    return "\n".join(lines)


def format_json(problems: Sequence[Problem]) -> str:
    return json.dumps([asdict(p) for p in sorted(problems)], indent=2, ensure_ascii=False)
