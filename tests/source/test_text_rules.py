"""Text that no output can carry is refused where it is written; names that spoof warn.

One-line fields (titles, names, acronyms, people, identifiers...) are every text field a
model does not mark as several lines; control characters are refused anywhere; bidi and
zero-width marks in names and titles; a name that looks like another item's name warns.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from i4ms.content.chars import first_control
from i4ms.content.loader import load_content
from i4ms.graph.build import check
from i4ms.tools.cli import main

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
PROJECT = "projects/alpha-fab.md"
ORG = "organisations/acme-robotics.md"
EXP = "experiments/smart-weld.md"
CALL = "calls/alpha-fab-open-call-1.md"
LABEL = "labels/disruptors-award.md"


def _site(tmp_path: Path, file: str, old: str, new: str) -> Path:
    root = tmp_path / "content"
    if not root.exists():
        shutil.copytree(SITE, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def _problems(root: Path) -> list:
    return check(load_content(root))


# (file, text to replace, replacement): every one puts a line break in a one-line field
ONE_LINE = {
    "project name": (PROJECT, "name: Alpha Fab digital manufacturing innovation action",
                     "name: >\n  Alpha Fab digital manufacturing innovation action"),
    "project acronym": (PROJECT, "acronym: ALPHAFAB", 'acronym: "ALPHA\\nFAB"'),
    "marketplace name": (PROJECT, "  name: Alpha Market", "  name: |\n    Alpha Market"),
    "organisation name": (ORG, "name: Acme Robotics GmbH", 'name: "Acme Robotics GmbH\\n"'),
    "organisation region": (ORG, "region: Bavaria", 'region: "Bavaria\\r"'),
    "experiment title": (EXP, "title: Smart welding cell with a digital twin",
                         'title: "Smart welding\\u2028cell"'),
    "quote person": (EXP, "person: A. Example", 'person: "A.\\nExample"'),
    "source title": (EXP, "  - title: Synthetic test fixture, not published.",
                     '  - title: "Synthetic\\ntest fixture"'),
    "call identifier": (CALL, "identifier: ALPHAFAB-OC1", 'identifier: "ALPHAFAB\\nOC1"'),
    "label issuer": (LABEL, "issuer: Beta CSA", "issuer: >\n  Beta CSA"),
    "label criterion": (LABEL, "  - Potential to scale across Europe.", '  - "Potential\\nto scale"'),
    "taxonomy term name": ("taxonomy.yml", "name: Robotics", 'name: "Robo\\ntics"'),
}


@pytest.mark.parametrize("case", ONE_LINE)
def test_a_line_break_in_a_one_line_field_is_refused(case: str, tmp_path: Path) -> None:
    file, old, new = ONE_LINE[case]
    problems = _problems(_site(tmp_path, file, old, new))
    assert len(problems) == 1, problems
    (p,) = problems
    assert p.path.endswith(file)
    assert p.message.startswith("must be one line of text"), p
    lines = (tmp_path / "content" / file).read_text(encoding="utf-8").split("\n")
    assert new.split("\n")[0].strip() == lines[p.line - 1].strip()  # where the value starts


MULTI_LINE = {  # fields that say they hold several lines: a final line break is fine too
    "summary": (ORG, "summary: A fictional SME that builds welding cells for metal workshops.",
                "summary: >\n  A fictional SME that builds\n  welding cells.\n\n  Second paragraph."),
    "quote text": (EXP, "text: The twin found the weld defects before our customers did.",
                   "text: |\n      The twin found the defects\n      before our customers did."),
    "notes": (ORG, "region: Bavaria", "region: Bavaria\nnotes: |\n  Line one.\n  Line two."),
    "term description": ("taxonomy.yml", "description: Industrial, mobile and collaborative "
                         "robots and automation.", "description: >\n      Robots.\n\n      And automation."),
}


@pytest.mark.parametrize("case", MULTI_LINE)
def test_fields_marked_multi_line_keep_their_line_breaks(case: str, tmp_path: Path) -> None:
    assert _problems(_site(tmp_path, *MULTI_LINE[case])) == []


CONTROL = {
    "NUL escape": ('"Acme\\0Robotics"', "U+0000 (NUL) at character 5"),
    "backspace": ('"Acme\\bRobotics"', "U+0008 (backspace) at character 5"),
    "vertical tab": ('"Acme\\vRobotics"', "U+000B (vertical tab) at character 5"),
    "escape": ('"Acme\\eRobotics"', "U+001B (escape) at character 5"),
    "DEL": ('"Acme\\x7fRobotics"', "U+007F (delete) at character 5"),
    "C1": ('"Acme\\x9bRobotics"', "U+009B"),
    "U+FFFE": ('"Acme\\uFFFERobotics"', "U+FFFE (non-character) at character 5"),
    "U+FFFF": ('"Acme\\uFFFFRobotics"', "U+FFFF (non-character) at character 5"),
}


@pytest.mark.parametrize("case", CONTROL)
def test_control_characters_are_refused_in_any_field(case: str, tmp_path: Path) -> None:
    value, message = CONTROL[case]
    for field, old in (("name", "name: Acme Robotics GmbH"),
                       ("summary", "summary: A fictional SME that builds welding cells for metal "
                                   "workshops.")):
        root = tmp_path / field
        root.mkdir()
        problems = _problems(_site(root, ORG, old, f"{field}: {value}"))
        assert [(p.line, p.field) for p in problems] == [(2 if field == "name" else 7, field)]
        assert f"invisible control character {message}" in problems[0].message


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\ufffe", "\r"])
def test_control_characters_are_refused_in_a_body_on_their_line(char: str, tmp_path) -> None:
    root = tmp_path / "content"
    shutil.copytree(SITE, root)
    path = root / ORG
    path.write_bytes(path.read_bytes() + f"\nGood line.\nBad {char} line.\n".encode())
    problems = _problems(root)
    if char == "\r":  # a lone CR ends a line, as in text mode
        assert problems == []
        return
    (p,) = problems
    body_end = path.read_text(encoding="utf-8").count("\n")
    assert (p.line, p.field) == (body_end, "body"), p
    assert p.message.startswith("contains the invisible control character U+") and "\n" not in p.text()


def test_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    """YAML refuses the escape itself, UTF-8 cannot encode one: the check is a last guard."""
    problems = _problems(_site(tmp_path, ORG, "region: Bavaria", 'region: "Bav\\uD800aria"'))
    assert [p.line for p in problems] == [5] and "\n" not in problems[0].text()
    assert first_control("ok\nBav\ud800aria") == (
        1, "contains the invisible control character U+D800 (lone surrogate) at character 4: "
           "delete it (it often comes from copying out of a PDF or a word processor)")


def test_a_tab_in_a_one_line_field_and_in_a_body_is_fine(tmp_path: Path) -> None:
    root = _site(tmp_path, ORG, "region: Bavaria", 'region: "Upper\\tBavaria"')
    path = root / ORG
    path.write_text(path.read_text(encoding="utf-8") + "\n\tIndented\tby a tab.\n", encoding="utf-8")
    assert _problems(root) == []


# -- spoofing: invisible marks in names, look-alike letters ---------------------------------

HIDDEN = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
          "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


@pytest.mark.parametrize("char", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
def test_bidi_and_zero_width_marks_are_refused_in_names_and_titles(char: str, tmp_path) -> None:
    escaped = f"\\u{ord(char):04X}"
    for n, (file, old, field, line) in enumerate([
        (ORG, "name: Acme Robotics GmbH", "name", 2),
        (EXP, "title: Smart welding cell with a digital twin", "title", 2),
        (PROJECT, "acronym: ALPHAFAB", "acronym", 3),
    ]):
        root = tmp_path / str(n)
        root.mkdir()
        problems = _problems(_site(root, file, old, f'{field}: "Ab{escaped}cd"'))
        assert [(p.path.endswith(file), p.line, p.field) for p in problems] == [(True, line, field)]
        assert f"contains the invisible character U+{ord(char):04X}" in problems[0].message
        assert "at character 3" in problems[0].message


def test_bidi_marks_in_a_summary_are_text_not_spoofing(tmp_path: Path) -> None:
    root = _site(tmp_path, ORG, "summary: A fictional SME that builds welding cells for metal "
                 "workshops.",
                 'summary: "\\u200FA fictional SME (\\u05E9\\u05DC\\u05D5\\u05DD)\\u200E"')
    assert _problems(root) == []


def test_a_look_alike_name_warns_and_validation_still_passes(tmp_path, monkeypatch, capsys) -> None:
    root = _site(tmp_path, "organisations/tessile-srl.md", "name: ", "name: ")
    spoof = root / "organisations" / "acme-copy.md"
    text = (root / ORG).read_text(encoding="utf-8").replace("name: Acme Robotics GmbH",
                                                            "name: \u0410cme R\u043ebotics GmbH")
    spoof.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["validate", "content"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0, out
    assert out[0] == (
        "content/organisations/acme-copy.md:2: name: warning: '\u0410cme R\u043ebotics GmbH' "
        "looks like the name of content/organisations/acme-robotics.md ('Acme Robotics GmbH') but "
        "is written with other letters (U+0410 CYRILLIC CAPITAL LETTER A at character 1): check "
        "that it is not a copy made with look-alike letters"
    )
    assert re.fullmatch(r"content: valid \(.*\); 1 warning", out[1]), out
    assert len(out) == 2
    code = main(["validate", "content", "--format", "github"])
    github = capsys.readouterr().out.splitlines()
    assert code == 0 and github[0].startswith(
        "::warning file=content/organisations/acme-copy.md,line=2,title=name::")


def test_a_warning_does_not_hide_an_error_nor_count_as_one(tmp_path, monkeypatch, capsys) -> None:
    root = _site(tmp_path, ORG, "country: DE", "country: UK")
    spoof = root / "projects" / "alpha-copy.md"
    spoof.write_text((root / PROJECT).read_text(encoding="utf-8").replace(
        "acronym: ALPHAFAB", "acronym: \u0391LPHAFAB"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "content"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 problem found and 1 warning"
    assert any(": acronym: warning: '\u0391LPHAFAB' looks like the acronym of" in line for line in out)


def test_the_same_name_twice_and_different_names_do_not_warn(tmp_path: Path) -> None:
    root = _site(tmp_path, PROJECT, "acronym: ALPHAFAB", "acronym: Acme Robotics GmbH")
    assert _problems(root) == []
