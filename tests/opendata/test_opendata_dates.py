"""Real dates: git's last commit per file, and the sitemap's lastmod per page."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from i4ms.content.gitdates import last_commit_dates, parse_log
from i4ms.views.dates import Lastmod, item_modified

GIT = shutil.which("git")


def commit(repo: Path, when: str, *files: str) -> None:
    for name in files:
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name} at {when}\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", when], cwd=repo, check=True, env=env)


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_last_commit_per_file_relative_to_the_folder(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "config", "commit.gpgsign", "false"], cwd=repo, check=True)
    commit(repo, "2024-01-02T03:04:05+00:00", "content/calls/a.md", "content/calls/b.md",
           "README.md")
    commit(repo, "2024-06-07T08:09:10+02:00", "content/calls/b.md")
    dates = last_commit_dates(repo / "content")
    assert dates == {
        "calls/a.md": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        "calls/b.md": datetime(2024, 6, 7, 6, 9, 10, tzinfo=UTC),
    }


def test_no_git_no_dates(tmp_path):
    (tmp_path / "x.md").write_text("x", encoding="utf-8")
    assert last_commit_dates(tmp_path) == {} or GIT is None
    assert last_commit_dates(tmp_path / "missing") == {}


def test_parse_log_keeps_the_newest_commit():
    log = "\x1e200\n\ncontent/a.md\n\x1e100\n\ncontent/a.md\ncontent/b.md\nother/c.md\n"
    assert parse_log(log, "content/") == {
        "a.md": datetime.fromtimestamp(200, tz=UTC),
        "b.md": datetime.fromtimestamp(100, tz=UTC),
    }


def test_item_modified_prefers_git_and_ignores_future_dates(ctx):
    # alpha-fab: started 2023-01-01, ended 2026-12-31 (after "now", 2025-01-01: a plan)
    assert item_modified(ctx, "projects", "alpha-fab") == datetime(2023, 1, 1, tzinfo=UTC)
    assert item_modified(ctx, "organisations", "acme-robotics") is None
    committed = datetime(2024, 5, 5, tzinfo=UTC)
    dated = replace(ctx, content_dates={"organisations/acme-robotics.md": committed})
    assert item_modified(dated, "organisations", "acme-robotics") == committed


def test_page_lastmod_follows_the_items_a_page_shows(ctx):
    lastmod = Lastmod(ctx)
    assert lastmod.page("experiments/smart-weld.md") == date(2024, 8, 31)
    # an organisation's page shows its experiments: laser-clean (2024-02-01), smart-weld
    assert lastmod.page("organisations/acme-robotics.md") == date(2024, 8, 31)
    assert lastmod.page("calls/index.md") == date(2024, 1, 15)
    assert lastmod.page("best-practices/index.md") == date(2024, 8, 31)
    assert lastmod.page("some/other/page.md") == date(2024, 8, 31)
    assert all(lastmod.page(f"{c}/index.md") != ctx.now.date()
               for c in ("calls", "projects", "labels", "organisations", "technologies"))


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_a_shallow_clone_has_no_dates(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "config", "commit.gpgsign", "false"], cwd=repo, check=True)
    commit(repo, "2024-01-02T03:04:05+00:00", "content/a.md")
    commit(repo, "2024-02-02T03:04:05+00:00", "content/b.md")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True)
    assert last_commit_dates(repo / "content") != {}
    assert last_commit_dates(shallow / "content") == {}
