"""Content is real: every published item says where its facts come from."""

from __future__ import annotations

from pathlib import Path

from i4ms.content.loader import load_content

REPO = Path(__file__).resolve().parents[1]


def test_every_published_item_has_sources() -> None:
    loaded = load_content(REPO / "content")
    assert loaded.problems == []
    missing = [f"{collection}/{item_id}" for collection, items in loaded.items.items()
               for item_id, item in items.items() if not item.model.sources]
    assert missing == [], f"published items without sources: {missing}"
    assert loaded.items["events"] and loaded.items["news"]  # the new collections are published


def test_an_item_without_sources_is_caught(tmp_path: Path) -> None:
    """The check above can fail: an event whose sources are dropped is reported."""
    import shutil
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    path = next((content / "events").glob("*.md"))
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    kept = []
    skipping = False
    for line in front.splitlines():
        if line.startswith("sources:"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or line.startswith("-")):
            continue
        skipping = False
        kept.append(line)
    path.write_text("\n".join(kept) + "\n---\n" + body, encoding="utf-8")
    loaded = load_content(content)
    assert [i for i, it in loaded.items["events"].items() if not it.model.sources] == [path.stem]
