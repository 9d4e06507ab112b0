"""`i4ms new KIND ID`: a file with every field, that fails validation until it is filled in.

Each test scaffolds into a minimal valid content folder built here: the real taxonomy plus
the one project and organisation that required references need.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from i4ms.content.fielddocs import FieldDoc, describe
from i4ms.content.models import COLLECTIONS, Collection
from i4ms.content.models.offering import Offering
from i4ms.content.placeholders import explain_placeholders
from i4ms.content.problems import Problem
from i4ms.tools.scaffold import kinds

REPO = Path(__file__).resolve().parents[1]
TAXONOMY = REPO / "content" / "taxonomy.yml"
KINDS = ["experiment", "organisation", "call", "offering", "project", "label"]
TODO_LINE = re.compile(r"^\s*(?:- +)?(?:[\w-]+:)? *# TODO\b")
SAMPLE_IDS = {"projects": "alpha-fab", "organisations": "acme-robotics"}

PROJECT = """---
name: Alpha Fabrication
acronym: ALPHA-FAB
phase: 4
kind: innovation-action
website: https://alpha-fab.example.eu
sources:
  - title: Test fixture, not published
---
A project for the scaffold tests.
"""
ORGANISATION = """---
name: Acme Robotics
country: NO
type: sme
---
"""


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> Path:
    """A minimal valid content folder; the tests run from its parent, as contributors do."""
    root = tmp_path / "content"
    (root / "projects").mkdir(parents=True)
    (root / "organisations").mkdir()
    shutil.copy(TAXONOMY, root / "taxonomy.yml")
    (root / "projects" / "alpha-fab.md").write_text(PROJECT, encoding="utf-8")
    (root / "organisations" / "acme-robotics.md").write_text(ORGANISATION, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("validate", "content")
    assert code == 0, out
    return Path("content")


def placeholder_lines(file: Path) -> set[int]:
    lines = file.read_text(encoding="utf-8").splitlines()
    return {n for n, line in enumerate(lines, 1) if TODO_LINE.match(line)}


def problems(cli, root: Path) -> tuple[int, list[dict]]:
    code, out, _ = cli("validate", root, "--format", "json")
    return code, json.loads(out)


# --- filling placeholders in, by the type the models give each field -------------------


def _docs(kind: str) -> dict[str, FieldDoc]:
    return {d.path: d for d in describe(kinds()[kind].model)}


def sample(doc: FieldDoc, n: int) -> str:
    """A valid YAML value for ``doc``; the n-th date is later than the ones before it."""
    terms = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    if doc.kind == "text":
        return json.dumps(f"Sample {doc.name}")
    if doc.kind == "ref":
        return SAMPLE_IDS[next(c for c in doc.refs if c in SAMPLE_IDS)]
    if doc.kind == "vocab":
        return terms[doc.vocabulary][0]["id"]
    if doc.kind == "choice":
        return doc.choices[0]
    if doc.kind in ("date", "date-or-datetime"):
        return date(2021, 1 + n % 12, 1 + n // 12).isoformat()
    values = {"url": "https://example.eu/sample", "country": "DE", "timezone": "Europe/Brussels",
              "number": "1000", "id": "sample-id"}
    if doc.kind == "integer":
        return str(int(doc.minimum or 1))
    if doc.kind in values:
        return values[doc.kind]
    pytest.fail(f"no sample value for a {doc.kind} field ({doc.path}): teach sample() it")


def fill(file: Path, kind: str, found: list[dict]) -> None:
    """Write a value into each placeholder line that validation pointed at."""
    docs = _docs(kind)
    lines = file.read_text(encoding="utf-8").splitlines()
    for n, problem in enumerate(sorted(found, key=lambda p: p["line"])):
        path = re.sub(r"\[\d+\]", "[]", problem["field"]).removesuffix("[]")
        line = lines[problem["line"] - 1]
        at = line.index("#")
        lines[problem["line"] - 1] = f"{line[:at].rstrip()} {sample(docs[path], n)}  {line[at:]}"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the tests ---------------------------------------------------------------------------


def test_kinds_are_the_registry() -> None:
    assert sorted(kinds()) == sorted(spec.singular for spec in COLLECTIONS.values())
    assert set(KINDS) <= set(kinds())


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_the_file_and_prints_its_path(content: Path, cli, kind: str) -> None:
    code, out, err = cli("new", kind, "new-item", "--content", content)
    target = content / kinds()[kind].folder / "new-item.md"
    assert code == 0, err
    assert out == f"{target}\n"
    assert target.is_file()
    assert "fill in the TODO lines" in err


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_there_required_asked_optional_commented(content: Path, cli,
                                                                kind: str) -> None:
    cli("new", kind, "new-item", "--content", content)
    text = (content / kinds()[kind].folder / "new-item.md").read_text(encoding="utf-8")
    for name, info in kinds()[kind].model.model_fields.items():
        if info.is_required():
            assert re.search(rf"^{name}:", text, re.M), f"required {name} missing"
        elif name == "sources":  # optional in the model, expected of every item
            assert re.search(r"^sources:", text, re.M)
        else:
            assert re.search(rf"^# {name}:   # \S", text, re.M), f"optional {name} not commented"


@pytest.mark.parametrize("kind", KINDS)
def test_unfilled_scaffold_fails_on_exactly_the_placeholder_lines(content: Path, cli,
                                                                  kind: str) -> None:
    cli("new", kind, "new-item", "--content", content)
    file = content / kinds()[kind].folder / "new-item.md"
    code, found = problems(cli, content)
    assert code == 1
    assert {p["path"] for p in found} == {str(file)}  # nothing else is reported
    assert {p["line"] for p in found} == placeholder_lines(file)
    assert len(found) == len(placeholder_lines(file))  # one problem per placeholder
    for p in found:
        assert p["message"].startswith("placeholder not filled in"), p


@pytest.mark.parametrize("kind", KINDS)
def test_filled_scaffold_validates(content: Path, cli, kind: str) -> None:
    cli("new", kind, "new-item", "--content", content)
    file = content / kinds()[kind].folder / "new-item.md"
    _, found = problems(cli, content)
    fill(file, kind, found)
    code, out, _ = cli("validate", content)
    assert code == 0, out + file.read_text(encoding="utf-8")
    assert out.startswith(f"{content}: valid")


def test_text_and_github_formats_point_at_the_placeholder(content: Path, cli) -> None:
    cli("new", "experiment", "smart-weld", "--content", content)
    file = content / "experiments" / "smart-weld.md"
    lines = file.read_text(encoding="utf-8").splitlines()
    title = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    code, out, _ = cli("validate", content)
    assert code == 1
    assert f"{file}:{title}: title: placeholder not filled in: Title of the" in out
    code, out, _ = cli("validate", content, "--format", "github")
    assert f"::error file={file},line={title},title=title::placeholder not filled in" in out


def test_placeholders_of_a_partly_filled_file_still_fail(content: Path, cli) -> None:
    cli("new", "organisation", "fjord-lab", "--content", content)
    file = content / "organisations" / "fjord-lab.md"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "name:   # TODO", "name: Fjord Lab   # TODO"), encoding="utf-8")
    code, found = problems(cli, content)
    assert code == 1
    assert "name" not in {p["field"] for p in found}
    assert {"country", "type", "sources[0].title"} <= {p["field"] for p in found}


def test_a_wrong_value_next_to_a_todo_comment_gets_the_real_message(content: Path, cli) -> None:
    cli("new", "organisation", "fjord-lab", "--content", content)
    file = content / "organisations" / "fjord-lab.md"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "country:   # TODO", "country: Norway   # TODO"), encoding="utf-8")
    _, found = problems(cli, content)
    country = next(p for p in found if p["field"] == "country")
    assert "is not an ISO 3166-1 alpha-2 country code" in country["message"]


def test_hints_use_the_content_folder(content: Path, cli) -> None:
    cli("new", "experiment", "smart-weld", "--content", content)
    text = (content / "experiments" / "smart-weld.md").read_text(encoding="utf-8")
    roles = [t["id"] for t in yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))["roles"]]
    assert "one of: " + ", ".join(roles) in text
    assert "e.g. alpha-fab" in text  # an existing project id as the example
    assert "e.g. acme-robotics" in text


def test_refuses_an_existing_id(content: Path, cli) -> None:
    before = (content / "projects" / "alpha-fab.md").read_text(encoding="utf-8")
    code, out, err = cli("new", "project", "alpha-fab", "--content", content)
    assert (code, out) == (1, "")
    assert "content/projects/alpha-fab.md already exists" in err
    assert (content / "projects" / "alpha-fab.md").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("bad", "suggestion"),
    [("Smart Weld", "smart-weld"), ("smart_weld", "smart-weld"), ("smart-weld.md", "smart-weld"),
     ("smart--weld", "smart-weld"), ("weld-", "weld"), ("SMART", "smart"), ("", None),
     ("æøå", None)],
)
def test_refuses_an_invalid_id(content: Path, cli, bad: str, suggestion: str | None) -> None:
    code, out, err = cli("new", "experiment", bad, "--content", content)
    assert (code, out) == (1, "")
    assert f"'{bad}' is not a valid id: use lower-case letters a-z, digits" in err
    if suggestion:
        assert f"(try '{suggestion}')" in err
    assert not (content / "experiments").exists()


def test_refuses_an_unknown_kind(content: Path, cli) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("new", "experiments", "smart-weld", "--content", content)
    assert exit_.value.code == 2


def test_missing_content_folder(tmp_path: Path, cli) -> None:
    code, _, err = cli("new", "call", "x-call", "--content", tmp_path / "nowhere")
    assert code == 2
    assert "no such content folder" in err


def test_generated_from_the_models_not_a_template(content: Path, cli,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A field added to a model is asked for at once."""

    class Extended(Offering):
        contact_email: str

    spec = COLLECTIONS["offerings"]
    monkeypatch.setitem(COLLECTIONS, "offerings",
                        Collection(spec.folder, Extended, spec.singular, spec.title))
    cli("new", "offering", "robot-rental", "--content", content)
    text = (content / "offerings" / "robot-rental.md").read_text(encoding="utf-8")
    assert re.search(r"^contact_email:   # TODO: ", text, re.M)


def test_scaffold_in_the_real_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      cli) -> None:
    """With the real taxonomy and ids: only the new file's placeholders are reported for it."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("new", "experiment", "zz-scaffold-test", "--content", "content")
    assert code == 0
    file = Path(out.strip())
    _, found = problems(cli, Path("content"))
    mine = [p for p in found if p["path"] == str(file)]
    assert {p["line"] for p in mine} == placeholder_lines(file)
    assert all(p["message"].startswith("placeholder not filled in") for p in mine)


def test_explain_placeholders_merges_and_keeps(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.md").write_text(
        "---\nopens:   # TODO: When submissions open\ntitle: Filled   # TODO: a title\n"
        "# a comment\n---\n", encoding="utf-8")
    got = explain_placeholders([
        Problem("x.md", 2, "opens.date", "input should be a valid date, got None"),
        Problem("x.md", 2, "opens.datetime", "input should be a valid datetime, got None"),
        Problem("x.md", 3, "title", "something real"),
        Problem("x.md", 4, "front matter", "kept"),
        Problem("gone.md", 1, "file", "kept too"),
    ])
    assert got == sorted([
        Problem("x.md", 2, "opens", "placeholder not filled in: When submissions open"),
        Problem("x.md", 3, "title", "something real"),
        Problem("x.md", 4, "front matter", "kept"),
        Problem("gone.md", 1, "file", "kept too"),
    ])


@pytest.mark.parametrize("bad", ["smart-weld\n", "a" * 101])
def test_new_refuses_an_id_with_a_final_newline_or_too_long(bad: str, tmp_path: Path) -> None:
    from i4ms.tools.scaffold import ScaffoldError, scaffold

    (tmp_path / "experiments").mkdir()
    with pytest.raises(ScaffoldError, match="is not a valid id"):
        scaffold("experiment", bad, tmp_path)
    assert list((tmp_path / "experiments").iterdir()) == []
