"""bench/site_search_bench.py reports what a real browser did on a real build: nothing for
search on page load, then only the records before the first results."""

from __future__ import annotations

from typing import Any

import pytest

from bench import site_search_bench


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return site_search_bench.bench(40, tmp_path_factory.mktemp("site-search-bench"), runs=2)


def test_the_figures_come_from_the_browser(figures: Any) -> None:
    assert figures.experiments == 40 and len(figures.first_ms) == 2
    assert figures.load_search_bytes == 0
    assert all(t > 0 for t in figures.first_ms)
    assert figures.first_files == ["search/site/titles.json"]  # full text only after them
    assert 0 < figures.first_gzip < figures.first_raw
    assert figures.text_files >= 6 and figures.text_gzip > 0


def test_the_report_judges_the_targets(figures: Any) -> None:
    text = site_search_bench.report(figures)
    assert "40 synthetic experiments" in text and "search bytes fetched on page load: 0" in text
    assert "(target 0: met)" in text and "target 150" not in text  # no size target at 40
