"""bench/serve_bench.py times real `mkdocs serve` reloads in a real browser: a small run checks
that each figure comes from an edit the page really showed (not a timeout, not a stale page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bench import serve_bench

EXPERIMENTS = 12


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return serve_bench.bench_synthetic(EXPERIMENTS, tmp_path_factory.mktemp("serve-bench"), edits=2)


def test_each_edit_is_timed_to_the_reloaded_page(figures: Any) -> None:
    assert figures.experiments >= EXPERIMENTS
    assert len(figures.reload_s) == len(figures.cpu_s) == 2
    assert all(0 < t < serve_bench.RELOAD_TIMEOUT for t in figures.reload_s)
    # serve saw the change and rebuilt before the page showed the new title
    for detected, built, reloaded in zip(figures.detect_s, figures.built_s, figures.reload_s,
                                         strict=True):
        assert detected is not None and built is not None
        assert 0 <= detected <= built <= reloaded
    assert all(t > 0 for t in figures.cpu_s)  # the rebuild's CPU, read from /proc
    assert figures.project_updated  # the project page lists the experiment's new title
    assert figures.median_s >= figures.best_s > 0


def test_report_and_json(figures: Any) -> None:
    text = serve_bench.report(figures, judged=False)
    assert "edit -> reloaded page s: median" in text and "target" not in text
    data = serve_bench.ServeFigures.to_json(figures)
    assert data["median_s"] == round(figures.median_s, 3) and len(data["reload_s"]) == 2


def test_the_title_edit_changes_only_the_title(tmp_path: Path) -> None:
    content = tmp_path / "content"
    serve_bench.generate(content, serve_bench.items_for(EXPERIMENTS), 0)
    path, title, project = serve_bench.pick_experiment(content)
    before = path.read_text(encoding="utf-8")
    serve_bench.set_title(path, 'Renamed: "quoted" & ünïcode')
    after = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(after.split("---\n", 2)[1])
    assert meta["title"] == 'Renamed: "quoted" & ünïcode' and meta["project"] == project
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("title:")
    assert (content / "projects" / f"{project}.md").is_file()
