"""CONTRIBUTING.md and the pull-request template: what they promise is what the tools do.

- the field reference is current (generated from the models, see test_fieldref.py);
- every example is valid content, next to the real content it refers to;
- every message in "When a check fails" is one `i4ms validate` really prints;
- every link into the repository points at a file that exists;
- schema drift is caught: `i4ms schema --check` fails after a schema file is edited.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from i4ms.content.models import COLLECTIONS
from i4ms.tools.fieldref import END, START, is_current
from i4ms.tools.scaffold import kinds

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "CONTRIBUTING.md"
TEMPLATE = REPO / ".github" / "PULL_REQUEST_TEMPLATE.md"
KINDS = ["experiment", "organisation", "call", "offering", "project"]
ROOTS = ("content",)  # every example is copied from the real content
EXAMPLE = re.compile(
    r"<!-- example: ((?:content|tests/fixtures/site)/[a-z]+/[a-z0-9-]+\.md) -->\n"
    r"```markdown\n(.*?)```\n", re.S)


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def examples(guide: str) -> dict[str, str]:
    return dict(EXAMPLE.findall(guide))


def test_field_reference_block_is_there_once_and_current(guide: str) -> None:
    assert guide.count(START) == 1 and guide.count(END) == 1
    assert guide.index("## Field reference") < guide.index(START) < guide.index(END)
    assert is_current(GUIDE)
    for spec in COLLECTIONS.values():
        assert f"\n### {spec.title}\n" in guide[guide.index(START):]


def test_every_example_marker_has_its_example(guide: str, examples: dict[str, str]) -> None:
    assert guide.count("<!-- example: ") == len(examples)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_a_section_an_example_and_the_new_command(guide: str, examples, kind: str):
    spec = kinds()[kind]
    heading = f"## Adding an {kind}" if kind[0] in "aeiou" else f"## Adding a {kind}"
    assert heading in guide
    section = guide[guide.index(heading):].split("\n## ", 1)[0]
    assert f"`i4ms new {kind} <id>`" in section
    mine = [path for path in examples if path.split("/")[-2] == spec.folder]
    assert len(mine) == 1, f"one example for {kind}, in its section"
    assert f"<!-- example: {mine[0]} -->" in section


@pytest.mark.parametrize("root", ROOTS)
def test_examples_are_valid_next_to_the_content_they_come_from(
        tmp_path: Path, examples, cli, monkeypatch: pytest.MonkeyPatch, root: str) -> None:
    """Each example, written into a copy of its content folder, has no problem of its own.

    An example from ``content/`` is checked against the real content it refers to; the
    synthetic experiment, against the synthetic test content it belongs to.
    """
    shutil.copytree(REPO / root, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    written = []
    for path, text in examples.items():
        if path.startswith(root + "/"):
            target = Path("content", path.removeprefix(root + "/"))
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(str(target))
    assert written
    _, out, _ = cli("validate", "content", "--format", "json")
    assert [p for p in json.loads(out) if p["path"] in written] == []


def test_examples_name_the_file_they_come_from(guide: str, examples) -> None:
    for path in examples:
        if (REPO / path).is_file():
            assert f"from\n`{path}`" in guide or f"from `{path}`" in guide, path


def test_links_into_the_repository_exist(guide: str) -> None:
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", guide):
        if re.match(r"^[a-z]+:", target):
            continue
        assert (REPO / target).exists(), target


def test_anchors_exist(guide: str) -> None:
    headings = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", guide, re.M)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", guide):
        assert anchor in headings, anchor


# --- "When a check fails": the messages are the real ones ---------------------------------

ORG = "---\nname: {name}\ncountry: {country}\ntype: sme\n{extra}---\n"
BROKEN = {  # documented message -> a file that makes `i4ms validate` print it
    "placeholder not filled in: ...": None,  # from `i4ms new`, below
    "required field is missing": ("organisations/no-name.md", "---\ncountry: DE\ntype: sme\n---\n"),
    "unknown field (did you mean 'summary'?)": (
        "organisations/typo.md", ORG.format(name="Typo", country="DE", extra="summry: x\n")),
    "no organisation has id 'acme-robotic' (did you mean 'acme-robotics'?)": (
        "projects/typo.md", "---\nname: T\nacronym: T\nphase: 4\nkind: csa\n"
                            "website: https://example.eu\ncoordinator: acme-robotic\n---\n"),
    "'robot' is not in taxonomy.yml technologies": (
        "offerings/robot.md",
        "---\ntitle: T\nprovider: acme-robotics\ncategory: training\ntechnologies: [robot]\n---\n"),
    "string should have at most 300 characters": (
        "organisations/long.md", ORG.format(name="Long", country="DE",
                                            extra=f"summary: {'x' * 301}\n")),
    "closes (...) is before opens (...)": (
        "calls/backwards.md", "---\ntitle: T\nproject: alpha-fab\nopens: 2024-05-01\n"
                              "closes: 2024-04-01\nurl: https://example.eu\n---\n"),
    "must be an http(s) URL": (
        "organisations/bare-url.md", ORG.format(name="Bare", country="DE",
                                                extra="website: www.example.eu\n")),
    "'...' is not an ISO 3166-1 alpha-2 country code": (
        "organisations/norway.md", ORG.format(name="N", country="Norway", extra="")),
    "YAML does not parse": (
        "organisations/colon.md", ORG.format(name="Better Factory: the toolkit", country="DE",
                                             extra="")),
    "must be one line of text": (
        "organisations/folded.md", ORG.format(name=">\n  Folded Name", country="DE", extra="")),
    "contains the invisible control character U+... (...) at character ...": (
        "organisations/control.md", ORG.format(name='"Ctrl\\bName"', country="DE", extra="")),
    "too complex: ...": (
        "organisations/deep.md", ORG.format(name="Deep", country="DE", extra="") + "> " * 40),
    "'...' looks like the name of ... but is written with other letters": (
        "organisations/spoof.md", ORG.format(name="\u0410cme Robotics GmbH", country="DE",
                                             extra="")),
}


def documented_messages(guide: str) -> list[str]:
    section = guide[guide.index("## When a check fails"):guide.index("## After you open")]
    return re.findall(r"^\| `([^`]+)` \|", section, re.M)


def test_every_documented_message_has_a_case(guide: str) -> None:
    assert sorted(documented_messages(guide)) == sorted(BROKEN)


def test_documented_messages_are_what_validate_prints(tmp_path: Path, guide: str, cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "tests" / "fixtures" / "site", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    for case in BROKEN.values():
        if case:
            Path("content", case[0]).write_text(case[1], encoding="utf-8")
    assert cli("new", "project", "gamma-fab", "--content", "content")[0] == 0
    _, out, _ = cli("validate", "content", "--format", "json")
    messages = [p["message"] for p in json.loads(out)]
    for documented in documented_messages(guide):
        pattern = ".*".join(re.escape(part) for part in documented.split("..."))
        assert any(re.search(pattern, m) for m in messages), (documented, messages)


# --- the pull-request template ------------------------------------------------------------


def test_pull_request_template_has_the_checklist() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 8
    joined = " ".join(boxes)
    for needed in ("`sources`", "No invented facts", "at most 300 characters",
                   "`i4ms validate` passes", "`TODO`", "preview", "Ids are lower-case"):
        assert needed in joined, needed
    assert "CONTRIBUTING.md" in text


@pytest.mark.parametrize("doc", [TEMPLATE, GUIDE], ids=["template", "guide"])
def test_the_checks_named_are_the_real_ones(doc: Path) -> None:
    """"**CI / <job name>**" is what GitHub shows under a pull request."""
    ci = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "\nname: CI\n" in ci
    named = re.findall(r"\*\*CI / ([^*]+)\*\*", doc.read_text(encoding="utf-8"))
    assert named
    for check in named:
        assert f"    name: {check}\n" in ci, check


# --- schema drift: the editor's schemas cannot silently fall behind the models ------------


def test_the_committed_schemas_match_the_models(cli) -> None:
    code, out, _ = cli("schema", "--out", REPO / "schemas", "--check")
    assert code == 0, out


@pytest.mark.parametrize("name", [*COLLECTIONS, "taxonomy"])
def test_schema_check_fails_after_a_schema_file_is_edited(tmp_path: Path, cli, name: str) -> None:
    out = tmp_path / "schemas"
    shutil.copytree(REPO / "schemas", out)
    assert cli("schema", "--out", out, "--check")[0] == 0
    file = out / f"{name}.schema.json"
    schema = json.loads(file.read_text(encoding="utf-8"))
    schema["required"] = schema["required"][1:]  # a required field no longer required
    file.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    code, stdout, _ = cli("schema", "--out", out, "--check")
    assert code == 1
    assert f"{file}: stale" in stdout


DRAFT7 = {
    "$schema", "$id", "$ref", "$comment", "title", "description", "default", "readOnly",
    "writeOnly", "examples", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "additionalItems", "items",
    "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
    "required", "additionalProperties", "definitions", "properties", "patternProperties",
    "dependencies", "propertyNames", "const", "enum", "type", "format", "contentMediaType",
    "contentEncoding", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
}


def keywords(node: object) -> set[str]:
    if isinstance(node, list):
        return set().union(*map(keywords, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        if key in ("properties", "$defs", "definitions"):
            found |= set().union(*map(keywords, value.values())) if value else set()
        elif key not in ("default", "enum", "const", "required", "examples"):
            found |= keywords(value)
    return found


def test_schemas_use_what_editors_understand() -> None:
    """CONTRIBUTING.md says: draft-7 keywords only, plus $defs (editors know draft 7)."""
    for file in sorted((REPO / "schemas").glob("*.schema.json")):
        used = keywords(json.loads(file.read_text(encoding="utf-8")))
        unknown = {k for k in used - DRAFT7 - {"$defs"} if not k.startswith("x-i4ms-")}
        assert unknown == set(), file.name
