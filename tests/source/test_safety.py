"""Script in contributor text is refused; prose is not."""

from __future__ import annotations

import pytest

from i4ms.content.document import parse_document
from i4ms.content.loader import safety_problems
from i4ms.content.safety import find_script, script_risk
from i4ms.content.yaml12 import YamlProblem


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


# -- what the browser sees (issue 15, class 7) ----------------------------------------------

WRAPPED = {  # wrappers a lenient parser reads as hiding the image; a browser runs it
    "comment closed at once": "<!--><img src=x onerror=alert(1)>-->",
    "comment closed by --!>": "<!-- x --!><img src=x onerror=alert(1)>",
    "cdata in html": "<![CDATA[><img src=x onerror=alert(1)>]]>",
    "noscript attribute": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "textarea": "<textarea><img src=x onerror=alert(1)></textarea>",
    "textarea attribute": '<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>',
    "xmp": "<xmp><img src=x onerror=alert(1)></xmp>",
    "title": "<title><img src=x onerror=alert(1)></title>",
    "title attribute": '<title><p title="</title><img src=x onerror=alert(1)>"></title>',
    "style attribute": '<style><p title="</style><img src=x onerror=alert(1)>"></style>',
    "template": "<template><img src=x onerror=alert(1)></template>",
    "svg style": "<svg><style><img src=x onerror=alert(1)></style></svg>",
}


@pytest.mark.parametrize("case", WRAPPED)
def test_parser_tricks_are_judged_as_a_browser_parses_them(case: str) -> None:
    body = f"Intro.\n\n{WRAPPED[case]}\n"
    hit = find_script(body)
    assert hit is not None, case
    assert hit[1] == 2
    assert script_risk(WRAPPED[case]) is not None


ENCODED = {
    "decimal entity": "[x](&#106;avascript:alert(1))",
    "hex entity": "[x](&#x6A;avascript:alert(1))",
    "named colon": "[x](javascript&colon;alert(1))",
    "escaped colon": "[x](javascript\\:alert(1))",
    "mixed case": "[x](JaVaScRiPt:alert(1))",
    "angle brackets": "[x](<javascript:alert(1)>)",
    "autolink": "<javascript:alert(1)>",
    "image": "![x](&#106;avascript:alert(1))",
    "raw html entity": '<a href="&#x6A;ava&#x09;script:alert(1)">x</a>',
    "reference": "[x][r]\n\n[r]: &#106;avascript:alert(1)",
}


@pytest.mark.parametrize("case", ENCODED)
def test_entity_and_escape_encoded_schemes_are_decoded_first(case: str) -> None:
    hit = find_script(ENCODED[case])
    assert hit is not None and "'javascript:' links are not allowed" in hit[0], case


CODE = {
    "code span": "Write `<script>alert(1)</script>` to break a page.",
    "code span image": "The payload `<img src=x onerror=alert(1)>` is text here.",
    "code span link": "Not a link: `[x](javascript:alert(1))`.",
    "fenced": "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
    "tilde fence": "~~~\n<iframe src=x></iframe>\n~~~",
    "indented": "Example:\n\n    <svg onload=alert(1)>\n    <a href=\"javascript:x\">x</a>",
    "double backticks": "``<b onclick=x>`` and text",
    "escaped markup": "\\<script>alert(1)\\</script> is shown as text",
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "broken markup": "<![ hello\n\n<!\n\n<a <a <a\n\n<!DOCTYPE",
}


@pytest.mark.parametrize("case", CODE)
def test_html_in_code_or_escaped_is_text_and_accepted(case: str) -> None:
    assert find_script(CODE[case]) is None


def test_a_reference_definition_problem_points_at_the_definition() -> None:
    """Not at the blank line before it, nor at the link that uses it."""
    body = "Intro [demo][d] here.\n\nMore text.\n\n[d]: javascript:alert(1)\n"
    assert _body_problem_line(body) == 4 + 4
    used_before = "Text.\n\n\n[d]: <javascript:alert(1)>\n\nUse [d].\n"
    assert _body_problem_line(used_before) == 4 + 5  # defined first: armed where it is used


def test_an_unused_definition_shows_nothing_and_is_not_refused() -> None:
    assert find_script("Text.\n\n[never-used]: javascript:alert(1)\n") is None


def test_a_nul_in_front_matter_is_one_line_of_output() -> None:
    with pytest.raises(YamlProblem) as exc:
        parse_document("---\nname: Ac\x00me\ncountry: DE\n---\nBody\n", "x.md")
    assert (exc.value.line, "\n" in exc.value.message) == (2, False)
    assert "U+0000 (NUL) at character 9" in exc.value.message


def test_yaml_messages_are_one_line() -> None:
    with pytest.raises(YamlProblem) as exc:
        parse_document("---\nname: [a, b\ncountry: DE\n---\nBody\n", "x.md")
    assert "\n" not in exc.value.message
