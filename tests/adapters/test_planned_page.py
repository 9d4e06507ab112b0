"""Our pages skip MkDocs' Markdown pass (their HTML is the core's): the site is the one MkDocs
makes with its own page objects, byte for byte, the titles the nav gives included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.sitebuild import env, write_config

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"

SCRIPT = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
if sys.argv[3] == "mkdocs":  # MkDocs' own page objects, each through its Markdown pass
    import i4ms.adapters.mkdocs.adapter as adapter
    adapter.PlannedPage = lambda *args: None
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
"""


def _build(tmp_path: Path, how: str) -> dict[str, bytes]:
    out = tmp_path / how / "site"
    config = write_config(out.parent, SITE, None)
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(config), str(out), how],
                         capture_output=True, text=True, timeout=600,
                         env={**env(), "SOURCE_DATE_EPOCH": "1764000000"})
    assert run.returncode == 0, run.stderr[-3000:]
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_skipping_the_markdown_pass_changes_no_file(tmp_path: Path) -> None:
    ours, theirs = _build(tmp_path, "planned"), _build(tmp_path, "mkdocs")
    assert ours.keys() == theirs.keys()
    assert len([path for path in ours if path.endswith(".html")]) > 20
    assert [path for path in ours if ours[path] != theirs[path]] == []
