"""`i4ms cms`: the Decap configuration says what the models say, checked against the models,
their JSON Schema and taxonomy.yml, not against a copy of the generator's own output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest
import yaml

from i4ms.content.cms_config import CONFIG_PATH, render
from i4ms.content.loader import load_taxonomy
from i4ms.content.models import COLLECTIONS
from i4ms.content.schemas import schemas

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def taxonomy():
    found, _, problems = load_taxonomy(REPO / "content")
    assert not problems
    return found


@pytest.fixture(scope="module")
def config(taxonomy) -> dict:
    return yaml.safe_load(render(taxonomy))


def _walk(fields: list[dict], prefix: str = "") -> dict[str, dict]:
    out = {}
    for f in fields:
        path = prefix + f["name"]
        out[path] = f
        if "fields" in f:
            out.update(_walk(f["fields"], f"{path}[]." if f["widget"] == "list" else f"{path}."))
    return out


def _schema_fields(schema: dict, node: dict | None = None, prefix: str = "") -> dict[str, tuple]:
    """path -> (required, resolved property schema) for every property, following $refs."""
    node = schema if node is None else node
    out = {}
    for name, prop in node.get("properties", {}).items():
        path = prefix + name
        branches = [b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"]
        rest = {k: v for k, v in prop.items() if k != "anyOf"}
        target = {**branches[0], **rest} if len(branches) == 1 else prop
        out[path] = (name in node.get("required", []), target)
        is_list = target.get("type") == "array"
        inner = target.get("items", {}) if is_list else target
        inner = next((b for b in inner.get("anyOf", []) if "$ref" in b), inner)
        if "$ref" in inner:
            sub = schema["$defs"][inner["$ref"].split("/")[-1]]
            out.update(_schema_fields(schema, sub, f"{path}[]." if is_list else f"{path}."))
    return out


@pytest.fixture(scope="module")
def exported() -> dict[str, dict]:
    return {n.removesuffix(".schema.json"): json.loads(t) for n, t in schemas().items()}


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def test_every_collection_is_a_folder_of_markdown_files(config) -> None:
    assert [c["name"] for c in config["collections"]] == list(COLLECTIONS)
    for c in config["collections"]:
        assert c["folder"] == f"content/{c['name']}"
        assert (REPO / c["folder"]).is_dir()
        assert (c["extension"], c["format"], c["create"]) == ("md", "frontmatter", True)
    assert config["backend"]["name"] == "github"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] is True
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True,
                              "sanitize_replacement": "-"}


@pytest.mark.parametrize("name", list(COLLECTIONS))
def test_every_model_field_is_in_the_form_with_its_required_flag_and_hint(
        config, exported, name: str) -> None:
    form = _walk(_collection(config, name)["fields"])
    model = _schema_fields(exported[name])
    assert sorted(p for p in form if p != "body") == sorted(model)
    for path, (required, prop) in model.items():
        field = form[path]
        assert field.get("required", True) is required, path
        assert field["hint"].startswith(prop["description"]), path


@pytest.mark.parametrize("name", list(COLLECTIONS))
def test_patterns_and_limits_are_the_models(config, exported, name: str) -> None:
    form = _walk(_collection(config, name)["fields"])
    for path, (_, prop) in _schema_fields(exported[name]).items():
        field = form[path]
        if "maxLength" in prop:
            regex, message = field["pattern"]
            assert re.fullmatch(regex, "x" * prop["maxLength"]), path
            assert not re.fullmatch(regex, "x" * (prop["maxLength"] + 1)), path
            assert str(prop["maxLength"]) in message
        if prop.get("type") == "array" and prop.get("minItems"):
            assert field["min"] == prop["minItems"], path
        if "minimum" in prop:
            assert field["min"] == prop["minimum"], path
        if "maximum" in prop:
            assert field["max"] == prop["maximum"], path
        if prop.get("format") == "uri" or "x-i4ms-ref" in prop or "x-i4ms-vocabulary" in prop:
            continue
        if "pattern" in prop and field["widget"] == "string":
            assert field["pattern"][0].startswith(prop["pattern"].rstrip("$")[:8]), path


def test_a_url_field_accepts_what_the_model_accepts(config) -> None:
    regex, message = _walk(_collection(config, "experiments")["fields"])["website"]["pattern"]
    assert re.fullmatch(regex, "https://example.eu/page")
    assert not re.fullmatch(regex, "example.eu")
    assert message == "must be an http(s) URL, like https://example.eu/page"


def test_references_are_relations_to_their_collection(config) -> None:
    exp = _walk(_collection(config, "experiments")["fields"])
    assert exp["project"]["widget"] == "relation" and exp["project"]["collection"] == "projects"
    assert exp["call"]["collection"] == "calls"
    assert exp["partners[].organisation"]["collection"] == "organisations"
    assert exp["grants[].label"]["collection"] == "labels"
    assert exp["grants[].holders"]["multiple"] is True
    for field in (exp["project"], exp["partners[].organisation"]):
        assert field["value_field"] == "{{slug}}"
    org = _walk(_collection(config, "organisations")["fields"])
    assert org["grants[].label"]["collection"] == "labels"
    offering = _walk(_collection(config, "offerings")["fields"])
    assert offering["provider"]["widget"] == "string"  # projects or organisations: an id


def test_select_options_equal_the_taxonomy(config, taxonomy) -> None:
    exp = _walk(_collection(config, "experiments")["fields"])
    for path, vocabulary in (("technologies", "technologies"), ("sectors", "sectors"),
                             ("partners[].role", "roles")):
        options = exp[path]["options"]
        assert options == [{"label": t.name, "value": t.id} for t in getattr(taxonomy, vocabulary)]
    assert exp["technologies"]["multiple"] is True and exp["partners[].role"]["multiple"] is False
    offering = _walk(_collection(config, "offerings")["fields"])
    assert [o["value"] for o in offering["category"]["options"]] == [
        t.id for t in taxonomy.offering_categories]
    countries = {o["value"] for o in exp["countries"]["options"]}
    assert countries == {c.alpha_2 for c in pycountry.countries}
    org = _walk(_collection(config, "organisations")["fields"])
    assert org["type"]["options"] == ["sme", "midcap", "large", "company", "research",
                                      "university", "dih", "public", "other"]


def test_dates_and_the_story_body(config) -> None:
    call = _walk(_collection(config, "calls")["fields"])
    assert call["opens"]["widget"] == "datetime" and call["opens"]["format"] == "YYYY-MM-DDTHH:mm:ss"
    exp = _walk(_collection(config, "experiments")["fields"])
    assert exp["started"]["format"] == "YYYY-MM-DD" and exp["started"]["time_format"] is False
    body = exp["body"]["default"]
    assert re.findall(r"^## (\w+)$", body, re.M) == ["Challenge", "Solution", "Results", "Impact"]


def test_committed_config_is_current(cli) -> None:
    code, out, _ = cli("cms", "--check", "--out", REPO / CONFIG_PATH, "--content", REPO / "content")
    assert code == 0, out


def test_check_fails_when_stale(tmp_path: Path, cli) -> None:
    target = tmp_path / "config.yml"
    code, out, _ = cli("cms", "--check", "--out", target, "--content", REPO / "content")
    assert code == 1 and "stale" in out
    assert cli("cms", "--out", target, "--content", REPO / "content")[0] == 0
    assert cli("cms", "--check", "--out", target, "--content", REPO / "content")[0] == 0
    target.write_text(target.read_text(encoding="utf-8").replace("required: false", "", 1))
    assert cli("cms", "--check", "--out", target, "--content", REPO / "content")[0] == 1
