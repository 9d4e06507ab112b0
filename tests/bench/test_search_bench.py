"""bench/search_bench.py reports what a real browser did on a real build: a small run checks
that the figures come from the page (marks reached, the records and index fetched)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bench import search_bench
from i4ms.outputs.search.paths import search_files


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return search_bench.bench(40, tmp_path_factory.mktemp("search-bench"), runs=2)


@pytest.mark.parametrize("experiments", [10, 40, 700, 10_000])
def test_items_for_gives_at_least_that_many_experiments(experiments: int) -> None:
    n = search_bench.items_for(experiments)
    counts = search_bench.counts_for(n)["experiments"]
    assert experiments <= counts <= experiments + 2


def test_the_figures_come_from_the_browser(figures: Any) -> None:
    assert figures.experiments == 40
    assert len(figures.plain.ms) == len(figures.query.ms) == 2
    assert all(t > 0 for t in figures.plain.total_ms + figures.query.total_ms)
    files = search_files("experiments")
    assert files["docs"] in figures.plain.files
    assert files["index"] not in figures.plain.files  # no query, no index
    assert {files["index"], files["lunr"]} <= set(figures.query.files)
    assert figures.query.gzip_bytes > figures.plain.gzip_bytes > 0
    assert figures.experiments_index_bytes[1] < figures.experiments_index_bytes[0]
    assert figures.index_seconds_all >= figures.index_seconds_experiments > 0


def test_the_report_judges_the_targets(figures: Any) -> None:
    text = search_bench.report(figures)
    assert "40 synthetic experiments" in text and "target" not in text  # no target at 40
    # the same figures judged as 700 experiments: a copy, the fixture is shared by the module
    assert "target 100 ms" in search_bench.report(dataclasses.replace(figures, experiments=700))
