"""`i4ms schema`: JSON Schemas exported from the models, checked for staleness, and usable."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers.tools import tool
from jsonschema import Draft202012Validator

from i4ms.content.document import parse_document
from i4ms.content.models import COLLECTIONS
from i4ms.content.schemas import schemas
from i4ms.content.yaml12 import load_mapping

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "fixtures" / "site"
NAMES = sorted([*COLLECTIONS, "taxonomy"])


@pytest.fixture(scope="module")
def exported() -> dict[str, dict]:
    return {name.removesuffix(".schema.json"): json.loads(text)
            for name, text in schemas().items()}


def front(file: Path) -> dict:
    return parse_document(file.read_text(encoding="utf-8"), str(file)).front.data


def site_files() -> list[Path]:
    return sorted(SITE.glob("*/*.md"))


def test_schema_writes_then_check_passes(tmp_path: Path, cli) -> None:
    out = tmp_path / "schemas"
    code, stdout, _ = cli("schema", "--out", out)
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{n}.schema.json" for n in NAMES]
    assert stdout.count("wrote ") == len(NAMES)
    code, stdout, _ = cli("schema", "--out", out, "--check")
    assert code == 0
    assert "schemas match the models" in stdout


def test_check_fails_after_an_edit(tmp_path: Path, cli) -> None:
    out = tmp_path / "schemas"
    cli("schema", "--out", out)
    file = out / "experiments.schema.json"
    file.write_text(file.read_text().replace('"summary"', '"summry"', 1))
    code, stdout, _ = cli("schema", "--out", out, "--check")
    assert code == 1
    assert stdout.strip() == f"{file}: stale: run `i4ms schema` and commit the result"


def test_check_fails_with_a_stray_schema(tmp_path: Path, cli) -> None:
    out = tmp_path / "schemas"
    cli("schema", "--out", out)
    (out / "events.schema.json").write_text("{}\n")
    code, stdout, _ = cli("schema", "--out", out, "--check")
    assert code == 1
    assert "events.schema.json: stale" in stdout


def test_check_fails_when_a_schema_is_missing(tmp_path: Path, cli) -> None:
    out = tmp_path / "schemas"
    cli("schema", "--out", out)
    (out / "labels.schema.json").unlink()
    code, stdout, _ = cli("schema", "--out", out, "--check")
    assert code == 1
    assert "labels.schema.json: stale" in stdout


def test_check_fails_on_a_missing_folder(tmp_path: Path, cli) -> None:
    code, stdout, _ = cli("schema", "--out", tmp_path / "nowhere", "--check")
    assert code == 1
    assert stdout.count("stale") == len(NAMES)


def test_console_script_round_trip(tmp_path: Path) -> None:
    i4ms = tool("i4ms")
    out = str(tmp_path / "schemas")
    assert subprocess.run([i4ms, "schema", "--out", out], timeout=60).returncode == 0
    run = subprocess.run([i4ms, "schema", "--out", out, "--check"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout


def test_export_is_deterministic() -> None:
    assert schemas() == schemas()
    for text in schemas().values():
        assert text.endswith("}\n")


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_valid_draft_2020_12(exported: dict[str, dict], name: str) -> None:
    schema = exported[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://i4ms.eu/schemas/{name}.schema.json"
    assert schema["additionalProperties"] is False


def test_required_fields_match_the_content_model(exported: dict[str, dict]) -> None:
    required = {name: sorted(s.get("required", [])) for name, s in exported.items()}
    assert required == {
        "projects": sorted(["name", "acronym", "phase", "kind", "website"]),
        "experiments": sorted(["title", "project", "partners", "technologies", "summary"]),
        "organisations": sorted(["name", "country", "type"]),
        "calls": sorted(["title", "project", "opens", "closes", "url"]),
        "offerings": sorted(["title", "provider", "category"]),
        "labels": sorted(["name", "kind", "criteria"]),
        "events": sorted(["title", "kind", "starts", "summary"]),
        "news": sorted(["title", "date", "authors", "summary"]),
        "taxonomy": sorted(["technologies", "sectors", "roles", "offering_categories",
                            "technology_areas"]),
    }


def test_references_are_marked(exported: dict[str, dict]) -> None:
    props = exported["offerings"]["properties"]
    assert props["provider"]["x-i4ms-ref"] == ["projects", "organisations"]
    assert props["category"]["x-i4ms-vocabulary"] == "offering_categories"


@pytest.mark.parametrize(
    "file", site_files(), ids=lambda f: f"{f.parent.name}/{f.name}"
)
def test_valid_fixture_front_matter_passes_its_schema(exported, file: Path) -> None:
    validator = Draft202012Validator(exported[file.parent.name])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(front(file))]
    assert errors == []


def test_taxonomy_passes_its_schema(exported) -> None:
    data = load_mapping((SITE / "taxonomy.yml").read_text(encoding="utf-8"), 1).data
    assert list(Draft202012Validator(exported["taxonomy"]).iter_errors(data)) == []


@pytest.mark.parametrize(
    ("file", "field", "value"),
    [
        ("organisations/acme-robotics.md", "country", 5),
        ("organisations/acme-robotics.md", "type", "startup"),
        ("organisations/acme-robotics.md", "contry", "DE"),
        ("projects/alpha-fab.md", "phase", "four"),
        ("projects/alpha-fab.md", "phase", 7),
        ("experiments/smart-weld.md", "partners", "acme-robotics"),
        ("experiments/smart-weld.md", "technologies", ["Not An Id"]),
        ("experiments/smart-weld.md", "summary", "x" * 301),
        ("calls/alpha-fab-open-call-1.md", "budget", {"amount": -1}),
        ("offerings/alpha-market.md", "provider", True),
        ("projects/alpha-fab.md", "website", "ftp://alphafab.example/"),
        ("organisations/acme-robotics.md", "country", "Germany"),
        ("labels/i4ms-sae-label.md", "criteria", [42]),
    ],
)
def test_wrong_front_matter_fails_its_schema(exported, file: str, field: str, value) -> None:
    data = front(SITE / file)
    data[field] = value
    assert not Draft202012Validator(exported[file.split("/")[0]]).is_valid(data)
