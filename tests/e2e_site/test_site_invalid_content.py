"""On invalid content the build fails, lists every problem and writes no site."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.sitebuild import FIXTURE, build


def test_build_fails_listing_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    exp = content / "experiments" / "smart-weld.md"
    exp.write_text(exp.read_text(encoding="utf-8").replace("project: alpha-fab", "project: alpha-fb"))
    org = next((content / "organisations").glob("*.md"))
    org.write_text(org.read_text(encoding="utf-8").replace("type: ", "typ: ", 1))
    out = tmp_path / "site"
    run = build(content, out)
    output = run.stdout + run.stderr
    assert run.returncode != 0
    assert "smart-weld.md:" in output and "project: no project has id 'alpha-fb'" in output
    assert f"{org.name}:" in output and "typ: unknown field (did you mean 'type'?)" in output
    assert "nothing was built" in output
    assert not out.exists() or not any(out.iterdir())
