"""Script in contributor text is refused; prose is not."""

from __future__ import annotations

import pytest

from i4ms.content.document import parse_document
from i4ms.content.loader import safety_problems
from i4ms.content.safety import script_risk


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<script>alert(1)</script>", "<script> is not allowed"),
        ("Text <SCRIPT src=x></SCRIPT>", "<script> is not allowed"),
        ('<img src="x.png" onerror="alert(1)">', "event handler attribute 'onerror='"),
        ("<div onmouseover=alert(1)>x</div>", "event handler attribute 'onmouseover='"),
        ("<svg/onload=alert(1)>", "<svg> is not allowed"),
        ('<iframe src="https://x.example"></iframe>', "<iframe> is not allowed"),
        ("[x](javascript:alert(1))", "'javascript:'"),
        ("[x]( JavaScript:alert(1))", "'javascript:'"),
        ("[x](<javascript:alert(1)>)", "'javascript:'"),
        ("[x]\n\n[x]: javascript:alert(1)", "'javascript:'"),  # a definition that is used
        ("<javascript:alert(1)>", "'javascript:'"),
        ("[x](vbscript:msgbox(1))", "'javascript:'"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "'javascript:'"),
        ('<a href="javascript:alert(1)">x</a>', "'javascript:' links are not allowed"),
        ("javascript:alert(1)", "'javascript:'"),
    ],
)
def test_script_is_refused(text: str, reason: str) -> None:
    found = script_risk(text)
    assert found is not None
    assert reason in found


@pytest.mark.parametrize(
    "text",
    [
        "Plain prose with no markup at all.",
        "Temperatures < 5 °C on average; yield > 90%.",
        "Some <b>bold</b> and <em>emphasis</em> and a <a href=\"https://x.example\">link</a>.",
        "[a link](https://i4ms.eu) and [mail](mailto:info@example.eu)",
        "Operators on the shop floor = the real experts.",
        "Time: 10:00, ratio 3:1",
        "## Challenge\n\nThe data came from the machines.",
    ],
)
def test_prose_is_fine(text: str) -> None:
    assert script_risk(text) is None


@pytest.mark.parametrize("text", ["Data: 40% less scrap in one year.",
                                  "JavaScript: the front end of the digital twin."])
def test_prose_starting_with_a_scheme_word_is_fine(text: str) -> None:
    assert script_risk(text) is None


def test_entity_obfuscated_javascript_href_is_refused() -> None:
    assert script_risk('<a href="jav&#x09;ascript:alert(1)">x</a>') is not None


def _body_problem_line(body: str) -> int:
    doc = parse_document("---\nname: x\n---\n" + body, "x.md")
    (problem,) = [p for p in safety_problems(doc) if p.field == "body"]
    return problem.line


def test_body_problem_points_at_the_script_line() -> None:
    assert _body_problem_line("Intro.\n\nMore.\n<script>x</script>\n") == 7


@pytest.mark.parametrize(
    "prose", ["Production data: we logged it all.", "The only one = the best one."]
)
def test_body_problem_line_is_not_fooled_by_prose(prose: str) -> None:
    body = f"{prose}\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n"
    assert _body_problem_line(body) == 6


def test_field_problems_name_the_field_and_line() -> None:
    doc = parse_document(
        "---\nname: x\nquotes:\n  - text: <script>x</script>\n    person: A\n---\nBody\n",
        "x.md",
    )
    (problem,) = safety_problems(doc)
    assert (problem.line, problem.field) == (4, "quotes[0].text")
