"""Problems: sorting, the three output formats, and "did you mean"."""

from __future__ import annotations

import json

from i4ms.content.problems import (
    ContentError,
    Problem,
    closest,
    did_you_mean,
    format_github,
    format_json,
    format_text,
)

A = Problem("content/b.md", 12, "title", "later line")
B = Problem("content/b.md", 3, "name", "earlier line")
C = Problem("content/a.md", 40, "x", "earlier path")


def test_text_is_sorted_by_path_then_line_with_a_count() -> None:
    assert format_text([A, B, C]).splitlines() == [
        "content/a.md:40: x: earlier path",
        "content/b.md:3: name: earlier line",
        "content/b.md:12: title: later line",
        "3 problems found",
    ]
    assert format_text([A]).splitlines()[-1] == "1 problem found"


def test_github_escapes_properties_and_message() -> None:
    p = Problem("dir:x/a,b.md", 7, "a:b,c", "50% done\nnext line")
    assert p.github() == (
        "::error file=dir%3Ax/a%2Cb.md,line=7,title=a%3Ab%2Cc::50%25 done%0Anext line"
    )


def test_github_has_a_count_line() -> None:
    assert format_github([A, B]).splitlines()[-1] == "2 problems found"


def test_json() -> None:
    data = json.loads(format_json([A, C]))
    assert data == [
        {"path": "content/a.md", "line": 40, "field": "x", "message": "earlier path",
         "severity": "error"},
        {"path": "content/b.md", "line": 12, "field": "title", "message": "later line",
         "severity": "error"},
    ]


def test_content_error_carries_every_problem_sorted() -> None:
    err = ContentError([A, C])
    assert err.problems == [C, A]
    assert str(err).endswith("2 problems found")


def test_closest() -> None:
    assert closest("contry", ["country", "name", "type"]) == "country"
    assert closest("Robotics", ["robotics", "ai"]) == "robotics"
    assert closest("zzz", ["country"]) is None
    assert did_you_mean("organization", ["organisation", "role"]) == (
        " (did you mean 'organisation'?)"
    )
    assert did_you_mean("zzz", []) == ""
