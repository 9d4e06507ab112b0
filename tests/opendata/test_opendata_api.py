"""The JSON API: every file valid against its published schema, derived fields in the schema."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from i4ms.content.models import COLLECTIONS
from i4ms.content.schemas import schemas as content_schemas
from i4ms.outputs.opendata import api, paths
from i4ms.outputs.opendata.records import api_collections, record_model
from i4ms.views.context import BuildContext

ALL = api_collections()


def validator(ctx: BuildContext, schema_path: str) -> Draft202012Validator:
    files = {path: json.loads(text) for path, text in api.schema_files(ctx).items()}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in files.values()
    )
    schema = files[schema_path]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


@pytest.mark.parametrize("collection", ALL)
def test_every_collection_file_is_valid_against_its_schema(ctx, collection):
    data = json.loads(api.to_json(api.envelope(ctx, collection)))
    assert data["$schema"] == ctx.site_url + paths.api_schema(collection)
    errors = list(validator(ctx, paths.api_schema(collection)).iter_errors(data))
    assert not errors, [e.message for e in errors[:5]]
    assert data["count"] == len(data["items"]) > 0


@pytest.mark.parametrize("collection", ALL)
def test_a_wrong_item_fails_its_schema(ctx, collection):
    check = validator(ctx, paths.api_schema(collection))
    data = json.loads(api.to_json(api.envelope(ctx, collection)))
    data["items"][0]["unexpected"] = 1
    assert list(check.iter_errors(data))
    data = json.loads(api.to_json(api.envelope(ctx, collection)))
    del data["items"][0]["page"]  # every field is always written
    assert list(check.iter_errors(data))
    data = json.loads(api.to_json(api.envelope(ctx, collection)))
    data["items"][0]["id"] = "Not An Id"
    assert list(check.iter_errors(data))


def test_index_lists_every_file_and_is_valid(ctx):
    index = json.loads(api.to_json(api.index(ctx, dict.fromkeys(ALL, 1), [], []), pretty=True))
    assert not list(validator(ctx, paths.api_schema("index")).iter_errors(index))
    assert [c["name"] for c in index["collections"]] == ALL
    calls = next(c for c in index["collections"] if c["name"] == "calls")
    assert calls["json"] == "https://example.org/i4ms/api/v1/calls.json"
    assert calls["item_schema"] == "https://example.org/i4ms/schemas/api/v1/calls.item.schema.json"


@pytest.mark.parametrize(("collection", "fields"), [
    ("experiments", {"page", "body", "success_story", "badges", "countries"}),
    ("organisations", {"experiments", "projects", "holdings", "badges"}),
    ("projects", {"experiments", "calls", "offerings", "calendar"}),
    ("calls", {"status", "status_at", "opens_at", "closes_at", "experiments", "url"}),
    ("offerings", {"provider_collection"}),
    ("labels", {"experiments", "organisations", "badge"}),
    ("taxonomy", {"vocabulary", "page"}),
])
def test_derived_fields_are_in_the_item_schema(ctx, collection, fields):
    schema = api.item_schema(ctx, collection)
    assert fields <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert schema["$id"] == f"{ctx.site_url}{paths.item_schema(collection)}"


def test_item_schema_keeps_every_content_field(ctx):
    for name, spec in COLLECTIONS.items():
        props = api.item_schema(ctx, name)["properties"]
        assert set(spec.model.model_fields) - {"notes"} <= set(props), name
        assert "notes" not in props, f"{name}: maintainers' notes are never exported"


def test_records_have_absolute_page_urls_and_derived_values(ctx):
    by_id = {i["id"]: i for i in api.envelope(ctx, "experiments")["items"]}
    story = by_id["smart-weld"]
    assert story["page"] == "https://example.org/i4ms/experiments/smart-weld/"
    assert story["success_story"] is True
    assert story["badges"] == [
        "https://example.org/i4ms/badges/i4ms-sae-label/experiments/smart-weld-2024.svg"]
    assert by_id["fabric-twin"]["countries"] == ["IT", "NO"]  # derived from partners
    assert by_id["fjord-hpc"]["countries"] == ["NO"]  # as written
    assert list(story)[:2] == ["id", "page"] and list(story)[-1] == "body"

    calls = {i["id"]: i for i in api.envelope(ctx, "calls")["items"]}
    deadline = calls["beta-csa-disruptors-2024"]
    assert deadline["closes_at"] == "2024-03-16T00:00:00+02:00"  # end of day, Helsinki
    assert deadline["status"] == "closed" and deadline["status_at"] == "2025-01-01T00:00:00Z"
    assert calls["alpha-fab-open-call-2"]["status"] == "upcoming"

    orgs = {i["id"]: i for i in api.envelope(ctx, "organisations")["items"]}
    assert {"experiment": "smart-weld", "role": "end-user"} in orgs["acme-robotics"]["experiments"]
    assert {"label": "i4ms-sae-label", "year": 2024, "experiment": "smart-weld"} \
        in orgs["acme-robotics"]["holdings"]


def test_published_content_schemas_are_the_exported_ones(ctx):
    files = api.schema_files(ctx)
    for name, text in content_schemas().items():
        assert files[f"schemas/{name}"] == text


def test_a_content_field_named_like_an_api_field_is_refused():
    from pydantic import Field

    from i4ms.content.models.fields import Strict
    from i4ms.outputs.opendata import records

    class Clashing(Strict):
        page: str = Field()

    record_model.cache_clear()
    original = COLLECTIONS["labels"]
    try:
        COLLECTIONS["labels"] = type(original)("labels", Clashing, "label", "Labels")
        with pytest.raises(TypeError, match="page"):
            records.record_model("labels")
    finally:
        COLLECTIONS["labels"] = original
        record_model.cache_clear()


def test_json_is_deterministic_and_utf8(ctx):
    first = api.to_json(api.envelope(ctx, "organisations"))
    assert first == api.to_json(api.envelope(ctx, "organisations"))
    assert "Trøndelag" in first and first.endswith("\n")


def test_term_pages_and_vocabularies_follow_the_site_and_the_taxonomy():
    import typing

    from i4ms.content.models import Taxonomy
    from i4ms.outputs.opendata.records import TERM_PAGES, TermRecord
    from i4ms.outputs.pages.terms import TERM_KINDS

    assert set(TERM_PAGES) == set(TERM_KINDS) - {"countries"}
    vocabularies = typing.get_args(TermRecord.model_fields["vocabulary"].annotation)
    assert set(vocabularies) == set(Taxonomy.model_fields)
