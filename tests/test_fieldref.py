"""`i4ms fieldref`: the field reference is generated from the models and kept in step.

The rows are checked against the exported JSON Schema, an independent reading of the
same models: every property is a row, required is required, references and vocabularies
say where their ids live.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from helpers.tools import tool

from i4ms.content.models import COLLECTIONS, Collection, Taxonomy
from i4ms.content.models.call import Call
from i4ms.content.schemas import schemas
from i4ms.tools import fieldref
from i4ms.tools.fieldref import END, START, describe, render

REPO = Path(__file__).resolve().parents[1]
NAMES = [*COLLECTIONS, "taxonomy"]


def rows(markdown: str) -> dict[str, list[str]]:
    """``path`` -> cells of every table row, per section heading."""
    out: dict[str, list[str]] = {}
    section = ""
    for line in markdown.splitlines():
        if line.startswith("### "):
            section = line[4:]
        match = re.match(r"^\| `([^`]+)` \| (.*) \|$", line)
        if match:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", match.group(2))]
            out[f"{section}:{match.group(1)}"] = cells
    return out


def schema_paths(schema: dict, node: dict | None = None, prefix: str = "") -> dict[str, bool]:
    """Every property path in a JSON Schema -> required, following local $refs."""
    node = schema if node is None else node
    out = {}
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        path = prefix + name
        out[path] = name in required
        branches = [b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"]
        target = branches[0] if branches else prop
        is_list = target.get("type") == "array"
        target = target.get("items", {}) if is_list else target
        target = next((b for b in target.get("anyOf", []) if "$ref" in b), target)
        if "$ref" in target:
            sub = schema["$defs"][target["$ref"].split("/")[-1]]
            out.update(schema_paths(schema, sub, f"{path}[]." if is_list else f"{path}."))
    return out


@pytest.fixture(scope="module")
def generated() -> dict[str, list[str]]:
    return rows(render())


@pytest.fixture(scope="module")
def exported() -> dict[str, dict]:
    return {n.removesuffix(".schema.json"): json.loads(t) for n, t in schemas().items()}


def _title(name: str) -> str:
    return COLLECTIONS[name].title if name in COLLECTIONS else "Taxonomy"


@pytest.mark.parametrize("name", NAMES)
def test_every_schema_property_is_a_row_with_its_required_flag(generated, exported,
                                                               name: str) -> None:
    expected = schema_paths(exported[name])
    got = {k.split(":", 1)[1]: v for k, v in generated.items() if k.startswith(_title(name) + ":")}
    assert sorted(got) == sorted(expected)
    for path, required in expected.items():
        assert got[path][0] == ("**yes**" if required else "no"), path


def _type_descriptions() -> set[str]:
    """Descriptions carried by the shared field types (``ref``, ``vocab``, ``HttpUrl``...):
    generic words about a type, which a field must replace with what it is for."""
    from i4ms.content.models import fields

    found = {f"id of an item in {c}" for c in [*COLLECTIONS, "projects or organisations"]}
    found |= {f"id from taxonomy.yml `{v}`" for v in Taxonomy.model_fields}
    for alias in (fields.HttpUrl, fields.CountryCode, fields.TimeZone, fields.Date,
                  fields.DateOrDateTime):
        found |= {m.description for m in alias.__metadata__ if getattr(m, "description", None)}
    return found


@pytest.mark.parametrize("name", NAMES)
def test_every_field_says_what_it_is_in_its_model(generated, exported, name: str) -> None:
    """The text is the field's own ``Field(description=...)``, and the JSON Schema (editor
    hover help) and the field reference show that same text."""
    model = COLLECTIONS[name].model if name in COLLECTIONS else Taxonomy
    generic = _type_descriptions()
    schema_descriptions = {p: d for p, d in _schema_descriptions(exported[name]).items()}
    for doc in describe(model):
        assert doc.meaning, f"{name}: {doc.path}: no description: give the field " \
                            "Field(description=...) in its model"
        assert doc.meaning not in generic, f"{name}: {doc.path}: only its type's description"
        assert schema_descriptions[doc.path] == doc.meaning, doc.path
        key = f"{_title(name)}:{doc.path}"
        assert generated[key][2].startswith(fieldref._cell(doc.meaning)), key


def _schema_descriptions(schema: dict, node: dict | None = None, prefix: str = "") -> dict[str, str]:
    """Every property path in a JSON Schema -> its description, following local $refs."""
    node = schema if node is None else node
    out = {}
    for name, prop in node.get("properties", {}).items():
        path = prefix + name
        out[path] = prop.get("description", "")
        branches = [b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"]
        target = branches[0] if branches else prop
        is_list = target.get("type") == "array"
        target = target.get("items", {}) if is_list else target
        target = next((b for b in target.get("anyOf", []) if "$ref" in b), target)
        if "$ref" in target:
            sub = schema["$defs"][target["$ref"].split("/")[-1]]
            out.update(_schema_descriptions(schema, sub, f"{path}[]." if is_list else f"{path}."))
    return out


def test_schemas_on_disk_carry_the_descriptions() -> None:
    """`schemas/*.json` (what editors read for hover help) has no empty description left."""
    for name in NAMES:
        schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        described = _schema_descriptions(schema)
        assert described and all(described.values()), \
            [p for p, d in described.items() if not d]


def test_references_vocabularies_and_constraints_are_shown(generated) -> None:
    project = generated["Experiments:project"]
    assert project[1] == "id of a project"
    assert "`content/projects/`" in project[2]
    provider = generated["Marketplace offerings:provider"]
    assert "`content/projects/` or `content/organisations/`" in provider[2]
    tech = generated["Experiments:technologies"]
    assert tech[1] == "list of ids from `technologies`"
    assert "`technologies` in `content/taxonomy.yml`" in tech[2]
    assert "at least one entry" in tech[3]
    assert "at most 300 characters" in generated["Experiments:summary"][3]
    assert "from 1 to 4" in generated["Projects:phase"][3]
    assert generated["Projects:kind"][1] == "one of `innovation-action`, `csa`"
    assert "default `Europe/Brussels`" in generated["Open calls:timezone"][3]
    assert generated["Organisations:country"][1] == "country code"
    assert generated["Open calls:opens"][1] == "date or date-time"
    assert generated["Projects:website"][1] == "URL"
    assert generated["Experiments:started"][1] == "date"


def test_print(cli) -> None:
    code, out, _ = cli("fieldref")
    assert code == 0
    assert out == render()
    for spec in COLLECTIONS.values():
        assert f"### {spec.title}\n" in out
        assert f"`i4ms new {spec.singular} <id>`" in out


DOC = f"# Guide\n\nBefore.\n\n{START}\nold table\n{END}\n\nAfter.\n"


def test_write_then_check(tmp_path: Path, cli) -> None:
    file = tmp_path / "GUIDE.md"
    file.write_text(DOC, encoding="utf-8")
    code, out, _ = cli("fieldref", "--check", file)
    assert code == 1
    assert out.strip() == (f"{file}: the field reference is stale: run "
                           f"`i4ms fieldref --write {file}` and commit the result")
    code, out, _ = cli("fieldref", "--write", file)
    assert code == 0
    text = file.read_text(encoding="utf-8")
    assert text == f"# Guide\n\nBefore.\n\n{START}\n{render()}{END}\n\nAfter.\n"
    assert cli("fieldref", "--check", file)[0] == 0
    assert "already up to date" in cli("fieldref", "--write", file)[1]


def test_check_fails_when_the_block_is_edited(tmp_path: Path, cli) -> None:
    file = tmp_path / "GUIDE.md"
    file.write_text(DOC, encoding="utf-8")
    cli("fieldref", "--write", file)
    fresh = file.read_text(encoding="utf-8")
    for edit in (
        lambda t: t.replace("| `summary` | **yes** |", "| `summary` | no |", 1),
        lambda t: t.replace("at most 300 characters", "at most 500 characters", 1),
        lambda t: t.replace(f"{END}", f"| `extra` | no | text | hand-added | |\n{END}"),
    ):
        edited = edit(fresh)
        assert edited != fresh
        file.write_text(edited, encoding="utf-8")
        assert cli("fieldref", "--check", file)[0] == 1
    file.write_text(fresh.replace("After.", "After, edited outside the block."), encoding="utf-8")
    assert cli("fieldref", "--check", file)[0] == 0  # the rest of the file is the authors'


def test_check_fails_when_a_model_changes(tmp_path: Path, cli,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "GUIDE.md"
    file.write_text(DOC, encoding="utf-8")
    cli("fieldref", "--write", file)

    class Extended(Call):
        application_form: str | None = None

    spec = COLLECTIONS["calls"]
    monkeypatch.setitem(COLLECTIONS, "calls",
                        Collection(spec.folder, Extended, spec.singular, spec.title))
    assert "`application_form`" in render()
    assert cli("fieldref", "--check", file)[0] == 1


@pytest.mark.parametrize("text", ["no markers\n", f"{START}\n", f"{END}\n{START}\n",
                                  f"{START}\n{START}\n{END}\n"])
def test_markers_are_required(tmp_path: Path, cli, text: str) -> None:
    file = tmp_path / "GUIDE.md"
    file.write_text(text, encoding="utf-8")
    code, _, err = cli("fieldref", "--check", file)
    assert code == 1
    assert "needs exactly one '<!-- fieldref:start -->' line" in err
    assert cli("fieldref", "--write", file)[0] == 2
    assert file.read_text(encoding="utf-8") == text


def test_missing_file(tmp_path: Path, cli) -> None:
    assert cli("fieldref", "--check", tmp_path / "nope.md")[0] == 2


def test_contributing_md_is_current() -> None:
    """The test that fails when CONTRIBUTING.md's field reference is stale."""
    run = subprocess.run([tool("i4ms"), "fieldref", "--check",
                          "CONTRIBUTING.md"], cwd=REPO, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert fieldref.is_current(REPO / "CONTRIBUTING.md")
