"""`i4ms validate`: every case under "What is an error" in the content model, one fixture each.

Each ``tests/fixtures/bad/<case>/`` is a minimal content tree (the taxonomy plus just the
files needed) with one defect. The test runs `i4ms validate` on it from the repository
root and checks the exact ``path:line: field:`` prefix of every problem, a key part of
its message, the count line and exit code 1. Nothing else may be reported: one defect
must not cascade into unrelated problems.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
from helpers.tools import tool

REPO = Path(__file__).resolve().parents[1]
BAD = REPO / "tests" / "fixtures" / "bad"
I4MS = tool("i4ms")

ORG = "organisations/acme-robotics.md"
PROJ = "projects/alpha-fab.md"
EXP = "experiments/smart-weld.md"
CALL = "calls/alpha-fab-open-call-1.md"


class Expect(NamedTuple):
    file: str  # relative to the case's content root
    line: int
    field: str
    message: str  # a key part of the message


CASES: dict[str, list[Expect]] = {
    # YAML that does not parse, tabs, duplicate keys, an empty or missing front matter block
    "yaml-syntax": [Expect(ORG, 3, "front matter", "YAML does not parse")],
    "tab-indentation": [Expect(ORG, 6, "front matter", "tab character in indentation")],
    "duplicate-key": [
        Expect(ORG, 5, "front matter", "duplicate key 'name' (first set on line 2)")
    ],
    "duplicate-nested-key": [
        Expect(EXP, 7, "front matter", "duplicate key 'role' (first set on line 6)")
    ],
    "empty-front-matter": [Expect(ORG, 1, "front matter", "front matter is empty")],
    "comment-only-front-matter": [Expect(ORG, 1, "front matter", "front matter is empty")],
    "missing-front-matter": [Expect(ORG, 1, "front matter", "missing front matter")],
    "unclosed-front-matter": [Expect(ORG, 1, "front matter", "front matter is not closed")],
    "front-matter-not-mapping": [Expect(ORG, 1, "front matter", "must be a mapping")],
    "yaml-tag": [Expect(PROJ, 4, "front matter", "YAML tag 'tag:yaml.org,2002:float'")],
    "alias-bomb": [Expect(ORG, 2, "front matter", "expands to more than 20000 values")],
    "non-utf8": [Expect(ORG, 1, "front matter", "file is not UTF-8 text")],
    # a missing required field, a wrong type, an unknown field (closest known name suggested)
    "missing-required-field": [Expect(ORG, 1, "type", "required field is missing")],
    "wrong-type": [Expect(PROJ, 4, "phase", "input should be a valid integer")],
    "wrong-type-list": [Expect(EXP, 7, "technologies", "input should be a valid list")],
    "boolean-in-string-field": [Expect(ORG, 2, "name", "expected text; quote it")],
    "unknown-field": [
        Expect(ORG, 1, "country", "required field is missing"),
        Expect(ORG, 4, "countyr", "unknown field (did you mean 'country'?)"),
    ],
    "unknown-nested-field": [
        Expect(EXP, 5, "partners[0].organisation", "required field is missing"),
        Expect(EXP, 5, "partners[0].organization",
               "unknown field (did you mean 'organisation'?)"),
    ],
    "summary-too-long": [Expect(ORG, 5, "summary", "at most 300 characters")],
    "invalid-country": [
        Expect(ORG, 3, "country", "'UK' is not an ISO 3166-1 alpha-2 country code")
    ],
    "invalid-timezone": [
        Expect(CALL, 7, "timezone", "'Europe/Brusels' is not an IANA time zone")
    ],
    "invalid-date": [Expect(PROJ, 5, "started", "valid date")],
    # a reference to an id that does not exist (closest id suggested), an unknown vocabulary id
    "bad-reference": [
        Expect(EXP, 5, "partners[0].organisation",
               "no organisation has id 'acme-robotic' (did you mean 'acme-robotics'?)")
    ],
    "bad-project-reference": [
        Expect(EXP, 3, "project", "no project has id 'alpha-fabb' (did you mean 'alpha-fab'?)")
    ],
    "unknown-vocabulary": [
        Expect(EXP, 7, "technologies[0]",
               "'robotic' is not in taxonomy.yml technologies (did you mean 'robotics'?)")
    ],
    # dates in the wrong order, a call that closes before it opens, a URL that is not http(s)
    "call-closes-before-opens": [
        Expect(CALL, 5, "closes", "closes (2024-02-01) is before opens (2024-03-01)")
    ],
    "call-closes-before-opens-offset": [  # 12:30+02:00 is 10:30 UTC, before 12:00+01:00
        Expect(CALL, 5, "closes", "is before opens")
    ],
    "project-ended-before-started": [
        Expect(PROJ, 6, "ended", "ended (2022-12-31) is before started (2023-01-01)")
    ],
    "url-ftp": [Expect(PROJ, 6, "website", "must be an http(s) URL")],
    "url-javascript": [
        Expect(ORG, 5, "website", "'javascript:' (or data:/vbscript:) links are not allowed"),
        Expect(ORG, 5, "website", "must be an http(s) URL"),
    ],
    # raw HTML in a body or a field that could run script
    "body-script": [Expect(ORG, 12, "body", "<script> is not allowed")],
    "body-onerror": [Expect(ORG, 12, "body", "event handler attribute 'onerror=' is not allowed")],
    "body-javascript-link": [Expect(ORG, 12, "body", "'javascript:'")],
    "field-script": [Expect(ORG, 5, "summary", "<script> is not allowed")],
    # files and folders
    "invalid-file-name": [
        Expect("organisations/My File.md", 1, "id", "file name 'My File.md' is not a valid id")
    ],
    "not-markdown-file": [
        Expect("organisations/acme-robotics.txt", 1, "file", "only Markdown files (.md)")
    ],
    "unknown-folder": [
        Expect("organisation", 1, "folder",
               "unknown folder in content/ (did you mean 'organisations'?)")
    ],
    "missing-taxonomy": [Expect("taxonomy.yml", 1, "taxonomy", "taxonomy.yml is missing")],
    # hostile YAML: see also test_huge_file and test_deeply_nested_yaml below
    "merge-key": [Expect(ORG, 4, "front matter", "merge keys (<<) are not supported")],
    # input that crashed validate with a traceback (issue 15, class 3)
    "yaml-tag-int": [Expect(PROJ, 4, "front matter", "'abc' is tagged !!int but is not an integer")],
    "huge-integer": [Expect(PROJ, 4, "front matter", "a number of 5,000 digits is too long")],
    "call-closes-year-9999": [Expect(CALL, 5, "closes", "year 9999 is outside 1990-2100")],
    # input that validated and then broke the build (class 4) or its output (class 5)
    "year-out-of-range": [Expect(PROJ, 5, "started", "year 0001 is outside 1990-2100")],
    "infinite-amount": [Expect(CALL, 7, "budget.amount", "input should be a finite number")],
    "one-line-field-with-line-break": [Expect(PROJ, 2, "name", "must be one line of text")],
    "control-character-in-field": [
        Expect(ORG, 2, "name", "invisible control character U+001B (escape) at character 6")
    ],
    "nul-in-front-matter": [
        Expect(ORG, 4, "front matter", "invisible control character U+0000 (NUL) at character 8")
    ],
    "control-character-in-body": [
        Expect(ORG, 12, "body", "invisible control character U+0008 (backspace) at character 18")
    ],
    "id-too-long": [
        Expect(f"organisations/{'a' * 250}.md", 1, "id", "is 250 characters long; the limit is 100")
    ],
    # what the browser sees, not what a lenient parser reads (class 7)
    "body-comment-trick": [Expect(ORG, 12, "body", "event handler attribute 'onerror='")],
    "body-cdata-trick": [Expect(ORG, 12, "body", "event handler attribute 'onerror='")],
    "body-rawtext-trick": [Expect(ORG, 12, "body", "event handler attribute 'onerror='")],
    "body-entity-javascript-link": [Expect(ORG, 12, "body", "'javascript:' links are not allowed")],
    "body-reference-definition": [  # the definition's line, not the blank line before it
        Expect(ORG, 14, "body", "'javascript:' links are not allowed")
    ],
    # invisible characters that make a name read as another (class 8)
    "name-bidi-override": [Expect(ORG, 2, "name", "U+202E (right-to-left override) at character 6")],
    "name-zero-width": [Expect(ORG, 2, "name", "U+200B (zero width space) at character 5")],
}

XFAIL: dict[str, str] = {}


def _params() -> list:
    return [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=XFAIL[case]))
        if case in XFAIL else case
        for case in CASES
    ]


def _check_output(out: str, root: str, expected: list[Expect]) -> None:
    lines = out.splitlines()
    n = len(expected)
    assert lines[-1] == f"{n} problem{'s' if n != 1 else ''} found", out
    problems = lines[:-1]
    assert len(problems) == n, out
    for line, exp in zip(problems, expected, strict=True):
        prefix = f"{root}/{exp.file}:{exp.line}: {exp.field}: "
        assert line.startswith(prefix), f"expected {prefix!r}\n got {line!r}"
        assert exp.message in line[len(prefix):], line


def test_every_fixture_folder_has_a_case() -> None:
    folders = {p.name for p in BAD.iterdir() if p.is_dir()}
    assert folders == set(CASES) | {"huge-file", "deep-nesting"}


@pytest.mark.parametrize("case", _params())
def test_bad_input(case: str, repo: Path, cli) -> None:
    code, out, err = cli("validate", f"tests/fixtures/bad/{case}")
    _check_output(out, f"tests/fixtures/bad/{case}", CASES[case])
    assert code == 1
    assert err == ""


@pytest.mark.parametrize(
    "case", ["alias-bomb", "yaml-syntax", "non-utf8", "bad-reference", "unknown-field",
             "yaml-tag-int", "huge-integer", "call-closes-year-9999", "nul-in-front-matter"]
)
def test_bad_input_console_script(case: str) -> None:
    """The real console script, as CI runs it; the alias bomb must end, not hang; nothing
    ends in a traceback."""
    run = subprocess.run(
        [str(I4MS), "validate", f"tests/fixtures/bad/{case}"],
        cwd=REPO, capture_output=True, text=True, timeout=20,
    )
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""
    _check_output(run.stdout, f"tests/fixtures/bad/{case}", CASES[case])


def _content_copy(tmp_path: Path, case: str) -> Path:
    root = tmp_path / case
    shutil.copytree(BAD / case, root)
    return root


def test_huge_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> None:
    """A file over 1 MB is refused with a problem, without being parsed."""
    root = _content_copy(tmp_path, "huge-file")
    padding = "Synthetic test fixture, not published.\n" * 30_000  # ~1.2 MB
    (root / ORG).write_text(
        "---\nname: Acme Robotics GmbH\ncountry: DE\ntype: sme\n---\n" + padding,
        encoding="utf-8",
    )
    assert (root / ORG).stat().st_size > 1_000_000
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("validate", "huge-file")
    assert code == 1
    _check_output(out, "huge-file", [Expect(ORG, 1, "front matter", "the limit is 1,000,000")])


def test_huge_front_matter_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli):
    """Just under the size limit, a front matter of 100k list items stops at the value limit."""
    root = _content_copy(tmp_path, "huge-file")
    items = "".join(f"  - title: item {i}\n" for i in range(40_000))
    (root / ORG).write_text(
        "---\nname: Acme Robotics GmbH\ncountry: DE\ntype: sme\nsources:\n" + items
        + "---\nSynthetic test fixture, not published.\n",
        encoding="utf-8",
    )
    assert (root / ORG).stat().st_size < 1_000_000
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("validate", "huge-file")
    assert code == 1
    assert "front matter: front matter expands to more than 20000 values" in out


def _assert_one_front_matter_problem(out: str, root: str, front_lines: int) -> None:
    """Hostile nesting: one problem in the front matter; which of its lines is the parser's call."""
    lines = out.splitlines()
    assert lines[-1] == "1 problem found", out[-2000:]
    match = re.match(rf"^{re.escape(root)}/{ORG}:(\d+): front matter: .*nest", lines[0])
    assert match, lines[0][:300]
    assert 1 <= int(match[1]) <= front_lines


def test_deep_nesting_fixture(repo: Path, cli) -> None:
    """1000 nested '[' (a 2 KB file): a problem, not a RecursionError traceback."""
    code, out, _ = cli("validate", "tests/fixtures/bad/deep-nesting")
    assert code == 1
    _assert_one_front_matter_problem(out, "tests/fixtures/bad/deep-nesting", 5)


@pytest.mark.parametrize(
    "nesting",
    [
        pytest.param("x: " + "[" * 60_000 + "]" * 60_000, id="flow-60000"),
        pytest.param("x:\n" + "  - " * 1 + "- " * 60_000 + "a", id="dashes-60000"),
        pytest.param("x:\n" + "? " * 60_000 + "a", id="explicit-keys-60000"),
    ],
)
def test_deeply_nested_yaml_does_not_crash(tmp_path: Path, nesting: str) -> None:
    """Under the size limit but deep enough to overflow a recursive parser's C stack."""
    root = _content_copy(tmp_path, "huge-file")
    (root / ORG).write_text(
        "---\nname: Acme Robotics GmbH\ncountry: DE\ntype: sme\n" + nesting
        + "\n---\nSynthetic test fixture, not published.\n",
        encoding="utf-8",
    )
    assert (root / ORG).stat().st_size < 1_000_000
    run = subprocess.run(
        [str(I4MS), "validate", "huge-file"],
        cwd=tmp_path, capture_output=True, text=True, timeout=20,
    )
    assert run.returncode == 1, (run.returncode, run.stderr[-500:])
    _assert_one_front_matter_problem(run.stdout, "huge-file", 6)


# -- the valid cases of "What is an error": YAML 1.2, not 1.1 ------------------------------


def test_yaml_1_1_surprises_are_valid_text(repo: Path, cli) -> None:
    """`country: NO` is Norway, `acronym: YES`, `on`, `yes` and `10:00` stay text."""
    code, out, _ = cli("validate", "tests/fixtures/yaml12")
    assert code == 0, out
    assert out.startswith("tests/fixtures/yaml12: valid (")


# -- several problems in one run ------------------------------------------------------------

MULTI = [
    "tests/fixtures/multi/calls/alpha-fab-open-call-1.md:5: closes: closes (2024-02-01) "
    "is before opens (2024-03-01)",
    "tests/fixtures/multi/experiments/smart-weld.md:5: partners[0].organisation: no "
    "organisation has id 'acme-robotic' (did you mean 'acme-robotics'?)",
    "tests/fixtures/multi/experiments/smart-weld.md:9: technologies[0]: 'robotic' is not in "
    "taxonomy.yml technologies (did you mean 'robotics'?)",
    "tests/fixtures/multi/labels/i4ms-sae-label.md:3: kind: 'badge' is not allowed: "
    "expected 'label' or 'award'",
    "tests/fixtures/multi/offerings/alpha-market.md:4: category: 'trainings' is not in "
    "taxonomy.yml offering_categories (did you mean 'training'?)",
    "tests/fixtures/multi/organisations/acme-robotics.md:3: country: 'UK' is not an ISO "
    "3166-1 alpha-2 country code (e.g. NO for Norway, DE for Germany)",
    "tests/fixtures/multi/organisations/fjord-research.md:5: front matter: duplicate key "
    "'country' (first set on line 3)",
    "tests/fixtures/multi/projects/alpha-fab.md:6: website: must be an http(s) URL, like "
    "https://example.eu/page",
    "tests/fixtures/multi/projects/alpha-fab.md:12: body: <script> is not allowed",
]


def _sort_key(line: str) -> tuple[str, int]:
    path, number, _ = line.split(":", 2)
    return path, int(number)


def test_every_problem_in_one_run_sorted_and_counted(repo: Path, cli) -> None:
    code, out, _ = cli("validate", "tests/fixtures/multi")
    assert code == 1
    lines = out.splitlines()
    assert lines[:-1] == MULTI
    assert lines[-1] == f"{len(MULTI)} problems found"
    assert lines[:-1] == sorted(lines[:-1], key=_sort_key)  # line 12 after line 6: numeric
    assert len({line.split(":")[0] for line in MULTI}) >= 5


def test_multi_console_script_matches_in_process(repo: Path, cli) -> None:
    _, in_process, _ = cli("validate", "tests/fixtures/multi")
    run = subprocess.run([str(I4MS), "validate", "tests/fixtures/multi"],
                         cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stdout == in_process


# -- output formats and exit codes ----------------------------------------------------------

_GITHUB = re.compile(
    r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),title=(?P<title>[^:]+)::(?P<msg>.+)$"
)


def test_format_github(repo: Path, cli) -> None:
    code, out, _ = cli("validate", "tests/fixtures/multi", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[-1] == f"{len(MULTI)} problems found"
    for line, text in zip(lines[:-1], MULTI, strict=True):
        match = _GITHUB.match(line)
        assert match, line
        path, number, field, message = text.split(":", 3)
        assert match["file"] == path
        assert match["line"] == number
        assert match["title"] == field.strip()
        assert match["msg"] == message.strip()


def test_format_github_console_script() -> None:
    run = subprocess.run(
        [str(I4MS), "validate", "--format", "github", "tests/fixtures/bad/duplicate-key"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 1
    assert run.stdout.splitlines()[0] == (
        f"::error file=tests/fixtures/bad/duplicate-key/{ORG},line=5,title=front matter"
        "::duplicate key 'name' (first set on line 2)"
    )


def test_format_json(repo: Path, cli) -> None:
    code, out, _ = cli("validate", "tests/fixtures/multi", "--format", "json")
    assert code == 1
    problems = json.loads(out)
    assert [set(p) for p in problems] == [{"path", "line", "field", "message", "severity"}] * len(MULTI)
    assert {p["severity"] for p in problems} == {"error"}
    assert [f"{p['path']}:{p['line']}: {p['field']}: {p['message']}" for p in problems] == MULTI
    assert all(isinstance(p["line"], int) for p in problems)


def test_format_json_valid_is_empty_list(repo: Path, cli) -> None:
    code, out, _ = cli("validate", "tests/fixtures/site", "--format", "json")
    assert code == 0
    assert json.loads(out) == []


def test_valid_site(repo: Path, cli) -> None:
    code, out, err = cli("validate", "tests/fixtures/site")
    assert code == 0, out
    assert out.strip() == (
        "tests/fixtures/site: valid (2 projects, 3 experiments, 4 organisations, 2 calls, "
        "2 offerings, 2 labels, 2 events, 1 news)"
    )
    assert err == ""


def test_valid_site_console_script() -> None:
    run = subprocess.run([str(I4MS), "validate", "tests/fixtures/site"],
                         cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr


def test_missing_directory_exits_2(tmp_path: Path, cli) -> None:
    code, out, err = cli("validate", tmp_path / "nope")
    assert code == 2
    assert out == ""
    assert "no such directory" in err


def test_missing_directory_console_script(tmp_path: Path) -> None:
    run = subprocess.run([str(I4MS), "validate", str(tmp_path / "nope")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "no such directory" in run.stderr


def test_unknown_format_is_a_usage_error(cli) -> None:
    with pytest.raises(SystemExit) as exc:
        cli("validate", "tests/fixtures/site", "--format", "xml")
    assert exc.value.code == 2


@pytest.mark.parametrize("body", ["<![ hello", "<![CDATA[x]]>", "<!", "</", "<?php x ?>", "<!DOCTYPE"])
def test_markup_declarations_in_a_body_are_text_not_a_traceback(body: str, tmp_path: Path) -> None:
    """`<![` made Python's HTMLParser raise an AssertionError: validate printed a traceback."""
    root = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "fixtures" / "site", root)
    org = root / ORG
    org.write_text(org.read_text(encoding="utf-8") + f"\n{body}\n", encoding="utf-8")
    run = subprocess.run([str(I4MS), "validate", "content"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=60)
    assert (run.returncode, run.stderr) == (0, ""), run.stdout + run.stderr
    assert run.stdout.startswith("content: valid (")
