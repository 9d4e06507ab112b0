"""What a newcomer sees when the site builds: only what needs attention, nothing per page."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from helpers.sitebuild import FIXTURE, MKDOCS, REPO, build, write_config

QUIET_BUILD = [
    re.compile(r"INFO\s+-\s+Cleaning site directory"),
    re.compile(r"INFO\s+-\s+Building documentation to directory: .+"),
    re.compile(r"INFO\s+-\s+Documentation built in [\d.]+ seconds"),
]
"""The lines MkDocs prints for every good build."""


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    run = build(FIXTURE, tmp_path_factory.mktemp("log") / "site")
    assert run.returncode == 0, run.stderr[-3000:]
    return [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]


def test_a_good_build_prints_no_line_per_page(log):
    generated = {p.parent.name for p in (FIXTURE / "experiments").glob("*.md")}
    generated |= {"experiments", "organisations", "calls", "technologies", "best-practices"}
    per_page = [line for line in log if any(f"{name}/" in line for name in generated)
                or "not included in the" in line]
    assert per_page == []


def test_a_good_build_prints_only_the_usual_lines(log):
    assert [line for line in log if not any(p.fullmatch(line.strip()) for p in QUIET_BUILD)] == []
    assert len(log) == len(QUIET_BUILD)


def test_the_theme_end_of_life_notice_is_explained_in_the_readme(tmp_path):
    """Without NO_MKDOCS_2_WARNING, Material 9.8 prints a notice on every build: README says
    what it is, so a newcomer does not take it for a problem of the site."""
    environ = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    config = write_config(tmp_path, FIXTURE)
    run = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
                         capture_output=True, text=True, env=environ, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    plain = re.sub(r"\x1b\[[0-9;]*m", "", run.stderr)
    notice = re.search(r"(Material for MkDocs reaches end of life on [^.]+)\.", plain)
    if notice is None:
        pytest.skip("this mkdocs-material prints no end-of-life notice")
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert notice.group(1) in readme and "NO_MKDOCS_2_WARNING=1" in readme
