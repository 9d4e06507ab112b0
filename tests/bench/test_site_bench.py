"""bench/site_bench.py measures two real builds: a benchmark that times a failed or empty build
would report a fast portal, so a small N checks that both sites exist and the figures are real."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import site_bench

N = 30




@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """One benchmark at N=30, kept on disk so the tests can look at what was built."""
    workdir = tmp_path_factory.mktemp("site-bench")
    return workdir, site_bench.bench(N, workdir, seed=1, repeat=1)


@pytest.fixture(scope="module")
def result(built: tuple[Path, Any]) -> Any:
    return built[1]


def test_both_sites_built_and_timed(result: Any) -> None:
    for figures in (result.portal, result.plain):
        assert figures.runs and all(t > 0 for t in figures.runs)
        assert figures.seconds == min(figures.runs)
        assert figures.cpu_seconds > 0  # the subprocess really ran (rusage of the children)
        assert figures.size_bytes > 0
    assert result.ratio == pytest.approx(result.portal.seconds / result.plain.seconds)


def test_page_counts(result: Any) -> None:
    # The portal adds index, collection, taxonomy and country pages to the item pages.
    assert result.portal.html_pages > N
    # The plain site: one page per item, the index and Material's 404 page.
    assert result.plain.html_pages == N + 2
    assert sum(result.counts.values()) == N


def test_largest_page_is_found(result: Any) -> None:
    for figures in (result.portal, result.plain):
        assert figures.largest_page.endswith(".html")
        assert 0 < figures.largest_bytes <= figures.size_bytes
    assert result.portal.pages_over_limit == []
    assert result.verdicts()["page_size"] is True
    assert result.verdicts()["time"] is None  # judged at N=10,000 only


def test_the_portal_shows_the_synthetic_items(built: tuple[Path, Any]) -> None:
    """A portal built from the repository's own content would time the wrong thing."""
    workdir, result = built
    site = workdir / "portal" / "site"
    assert (site / result.portal.largest_page).stat().st_size == result.portal.largest_bytes
    experiments = sorted((workdir / "content" / "experiments").glob("*.md"))
    assert experiments
    for item in experiments:
        assert (site / "experiments" / item.stem / "index.html").is_file(), item.stem
    plain = workdir / "plain" / "site"
    assert (plain / "experiments" / experiments[0].stem / "index.html").is_file()


def test_configs(tmp_path: Path) -> None:
    """The portal config points at the synthetic content; the plain one is bare Material."""
    content = tmp_path / "content"
    site_bench.generate(content, N, 1)
    config = site_bench.write_portal_config(tmp_path / "portal", content)
    text = config.read_text(encoding="utf-8")
    assert f"i4ms_content: {content.resolve()}" in text
    plain, pages = site_bench.write_plain_site(tmp_path / "plain", content)
    assert pages == N
    assert len(list((tmp_path / "plain" / "docs").rglob("*.md"))) == N + 1
    assert "font: false" in plain.read_text(encoding="utf-8")


def test_report_and_json(result: Any) -> None:
    text = site_bench.report(result)
    assert f"N={N}" in text and "ratio" in text and result.portal.largest_page in text
    data = json.loads(json.dumps(result.to_json()))
    assert data["n"] == N and data["portal"]["html_pages"] == result.portal.html_pages
    assert set(data["met"]) == {"ratio", "time", "page_size"}
