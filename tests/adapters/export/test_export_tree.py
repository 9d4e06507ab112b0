"""``i4ms export`` as a user runs it: what lands in the tree, and what it refuses to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import yaml
from conftest import FIXTURE, REPO, fixed_moment

from i4ms.adapters.export.page import split_written
from i4ms.render.recipe import prepare
from i4ms.tools.cli import main

MKDOCS_DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code"]


def _export(out: Path, content: Path = FIXTURE) -> int:
    return main(["export", str(out), "--config", str(REPO / "mkdocs.yml"), "--content", str(content)])


def test_tree_config_has_no_hooks_and_the_repo_nav(fixture_tree: Path) -> None:
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    tree = yaml.safe_load((fixture_tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in tree
    assert tree["nav"] == ours["nav"]
    assert tree["theme"]["name"] == "material" and tree["theme"]["custom_dir"] == "overrides"
    assert (tree["extra_css"], tree["extra_javascript"]) == (ours["extra_css"], ours["extra_javascript"])
    assert not any(str(k).startswith("i4ms_") for k in tree.get("extra", {}))
    with fixed_moment():
        _, plan = prepare(FIXTURE, REPO / "node_modules", site_url=ours["site_url"],
                          site_name=ours["site_name"], site_description=ours["site_description"])
        files = [*plan.assets.values(), *plan.run_jobs()]
    assert any(a.path == "assets/i4ms/lunr-2.3.9.js" for a in files)
    for asset in files:
        data = asset.content.encode() if isinstance(asset.content, str) else asset.content
        assert (fixture_tree / "docs" / asset.path).read_bytes() == data, asset.path
    for path in [*tree["extra_css"], *tree["extra_javascript"]]:
        assert (fixture_tree / "docs" / path).read_bytes() == (REPO / "overrides" / path).read_bytes()


def test_markdown_leaves_every_page_body_as_we_rendered_it(fixture_tree: Path) -> None:
    """Python-Markdown, as MkDocs and ProperDocs configure it by default, and with md_in_html
    (Zensical's default set has it), turns each exported page back into its raw HTML."""
    written = {p.relative_to(REPO / "docs") for p in (REPO / "docs").rglob("*.md")}  # hand-written
    pages = [p for p in (fixture_tree / "docs").rglob("*.md")
             if p.relative_to(fixture_tree / "docs") not in written]
    assert len(pages) > 40
    for page in pages:
        meta, body = split_written(page.read_text(encoding="utf-8"))
        assert meta["title"], page
        for extensions in (MKDOCS_DEFAULT_EXTENSIONS,
                           [*MKDOCS_DEFAULT_EXTENSIONS, "md_in_html", "attr_list"]):
            assert markdown.Markdown(extensions=extensions).convert(body) == body.strip("\n"), page


def test_refuses_a_folder_that_is_not_an_export(tmp_path: Path, capsys) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    assert _export(out) == 2
    assert "not empty and not an earlier export; nothing was written" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_replaces_an_earlier_export(tmp_path: Path) -> None:
    out = tmp_path / "tree"
    assert _export(out) == 0
    (out / "docs" / "stale.md").write_text("# gone next time", encoding="utf-8")
    assert _export(out) == 0
    assert not (out / "docs" / "stale.md").exists()


def test_invalid_content_writes_nothing(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    exp = content / "experiments" / "smart-weld.md"
    exp.write_text(exp.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    out = tmp_path / "tree"
    assert _export(out, content) == 1
    err = capsys.readouterr().err
    assert "smart-weld.md:" in err and "nothing was written" in err
    assert not out.exists()
