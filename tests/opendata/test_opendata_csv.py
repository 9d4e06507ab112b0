"""CSV of every collection: parsed back with the csv module, lists joined with "; "."""

from __future__ import annotations

import csv
import io

import pytest

from i4ms.outputs.opendata import api, csv_export
from i4ms.outputs.opendata.records import api_collections


def rows(ctx, collection: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_export.collection_csv(ctx, collection))))


@pytest.mark.parametrize("collection", api_collections())
def test_one_row_per_item_with_the_header_from_the_model(ctx, collection):
    text = csv_export.collection_csv(ctx, collection)
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert header == [c.name for c in csv_export.columns(collection)]
    first = ["vocabulary", "id", "page"] if collection == "taxonomy" else ["id", "page"]
    assert header[: len(first)] == first and "body" not in header
    parsed = rows(ctx, collection)
    items = api.envelope(ctx, collection)["items"]
    assert [r["id"] for r in parsed] == [i["id"] for i in items]
    assert "\r\n" in text


def test_lists_are_joined_and_objects_split_into_aligned_columns(ctx):
    weld = next(r for r in rows(ctx, "experiments") if r["id"] == "smart-weld")
    assert weld["technologies"] == "robotics; digital-twins; ai"
    assert weld["partners.organisation"] == "acme-robotics; fjord-research; lumen-dih"
    assert weld["partners.role"] == "end-user; technology-provider; dih"
    assert weld["grants.label"] == "i4ms-sae-label" and weld["grants.year"] == "2024"
    assert weld["success_story"] == "true"
    call = next(r for r in rows(ctx, "calls") if r["id"] == "alpha-fab-open-call-1")
    assert call["budget.amount"] == "1200000" and call["budget.currency"] == "EUR"
    assert call["eligible_countries"] == "DE; ES; IT; NO"


def test_columns_do_not_depend_on_the_data(ctx):
    assert csv_export.columns("labels") == csv_export.columns("labels")
    names = [c.name for c in csv_export.columns("calls")]
    assert "budget.amount" in names and "status" in names and "opens_at" in names


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"),
    (None, ""), (True, "true"), (2.0, "2"), (2.5, "2.5"), (["a", "b"], "a; b"),
])
def test_cells(value, expected):
    assert csv_export.cell(value) == expected
