"""The theme blocks rendered once and reused (adapters.mkdocs.theme_chrome) change nothing a visitor gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.sitebuild import FIXTURE, REPO, build, build_past_validation

SAME_MOMENT = {"SOURCE_DATE_EPOCH": "1767225600"}  # both builds see the same "now"


def _pages(site: Path) -> dict[str, str]:
    """Every HTML page, whitespace between tags collapsed (the cache keeps the markup, not the
    theme's indentation)."""
    return {p.relative_to(site).as_posix(): re.sub(r"\s+", " ", p.read_text(encoding="utf-8"))
            for p in site.rglob("*.html")}


def _same_pages_with_and_without_cache(content: Path, tmp_path: Path, make=build) -> None:
    cached, plain = tmp_path / "cached" / "site", tmp_path / "plain" / "site"
    for out, extra in ((cached, {}), (plain, {"i4ms_theme_cache": False})):
        out.parent.mkdir()
        run = make(content, out, extra=extra, environ=SAME_MOMENT)
        assert run.returncode == 0, run.stderr[-3000:]
    with_cache, without = _pages(cached), _pages(plain)
    assert with_cache.keys() == without.keys()
    assert len(with_cache) > 20
    differ = [path for path in with_cache if with_cache[path] != without[path]]
    assert differ == []


@pytest.mark.parametrize("content", [FIXTURE, REPO / "content"], ids=["fixture", "real"])
def test_cached_theme_blocks_give_the_same_pages(content: Path, tmp_path: Path) -> None:
    _same_pages_with_and_without_cache(content, tmp_path)


def test_titles_put_back_into_a_cached_header_stay_escaped(hostile, tmp_path: Path) -> None:
    """The payload title is on the third experiment, so its header is a cached one."""
    content, _ = hostile
    _same_pages_with_and_without_cache(content, tmp_path, make=build_past_validation)
