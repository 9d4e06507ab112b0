"""Events and news go through the same checks as every collection: each error case of the
content model, reported as ``path:line: field: message`` with the closest valid name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i4ms.content.loader import load_content
from i4ms.graph.build import check
from i4ms.outputs.pages import plan_site
from i4ms.render.pages import PageRenderer
from i4ms.views.context import BuildContext

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "site"
EVENT = "events/alpha-fab-info-day.md"
NEWS = "news/smart-weld-labelled.md"


def _problems(tmp_path: Path, path: str, old: str, new: str) -> list[tuple[int, str, str]]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    file = content / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [(p.line, p.field, p.message) for p in check(load_content(content))
            if p.path.endswith(path)]


@pytest.mark.parametrize(("path", "old", "new", "field", "words"), [
    (EVENT, "kind: info-day\n", "", "kind", "required"),
    (EVENT, "starts: 2031-03-10T10:00:00\n", "start: 2031-03-10T10:00:00\n", "start", "starts"),
    (EVENT, "organisers: [alpha-fab, lumen-dih]", "organisers: [alpha-fab, lumen-dhi]",
     "organisers[1]", "lumen-dih"),
    (EVENT, "ends: 2031-03-10T12:30:00", "ends: 2031-03-10T09:30:00", "ends", "before"),
    (EVENT, "    speakers: [Jon Sample]", "    speakers: [Jon Sampel]", "agenda[1].speakers[0]",
     "Jon Sample"),
    (EVENT, "kind: info-day", "kind: infoday", "kind", "info-day"),
    (EVENT, "timezone: Europe/Lisbon", "timezone: Europe/Lisbn", "timezone", "IANA"),
    (EVENT, "technologies: [digital-twins, ai]", "technologies: [digital-twin, ai]",
     "technologies[0]", "digital-twins"),
    (EVENT, "registration_url: https://alphafab.example/info-day",
     "registration_url: javascript:alert(1)", "registration_url", "http"),
    (NEWS, "authors: [alpha-fab]", "authors: []", "authors", "at least 1"),
    (NEWS, "date: 2024-05-02", "date: 2024-13-02", "date", "date"),
    (NEWS, "related: [smart-weld, i4ms-sae-label]", "related: [smart-wled]", "related[0]",
     "smart-weld"),
])
def test_each_error_is_reported_on_its_line_with_a_suggestion(
        tmp_path: Path, path: str, old: str, new: str, field: str, words: str) -> None:
    found = _problems(tmp_path, path, old, new)
    mine = [(line, message) for line, f, message in found if f == field]
    assert mine, found
    assert all(line >= 1 for line, _ in mine) and any(words in m for _, m in mine), found


def test_contributor_text_of_an_event_is_escaped_on_its_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    file = content / EVENT
    payload = "<b>Tom</b> & Jerry"  # accepted (no script), shown as text, never as markup
    text = file.read_text(encoding="utf-8").replace(
        "title: Alpha Fab open call 2 info day", f'title: "Info day {payload}"').replace(
        "    role: Moderator", f'    role: "{payload}"')
    file.write_text(text, encoding="utf-8")
    loaded = load_content(content)
    assert [p for p in check(loaded) if p.severity == "error"] == []
    from datetime import UTC, datetime

    from i4ms.graph import load_graph
    ctx = BuildContext(graph=load_graph(content), now=datetime(2026, 1, 1, tzinfo=UTC),
                       site_url="https://example.org/", node_modules=REPO / "node_modules")
    plan = plan_site(ctx)
    html, head = PageRenderer(plan)("events/alpha-fab-info-day.md")
    assert payload not in html and payload not in head
    assert "&lt;b&gt;Tom&lt;/b&gt; &amp; Jerry" in html
