"""The two forked workers of a build: pages rendered ahead, files no page needs made aside."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from i4ms.outputs.plan import Asset
from i4ms.render.pages import RenderedPage
from i4ms.render.parallel import AssetWriter, BackgroundError, BackgroundRenderer


def _page(n: int):
    return lambda: RenderedPage(f"<p>page {n}</p>", f"<meta n={n}>")


def test_pages_come_back_whatever_order_they_are_asked_in() -> None:
    renderer = BackgroundRenderer([(f"p{n}.md", _page(n)) for n in range(50)])
    try:
        for n in [49, 0, 7, 8, 30, *range(1, 7)]:
            assert renderer.get(f"p{n}.md") == (f"<p>page {n}</p>", f"<meta n={n}>")
    finally:
        renderer.close()


def test_a_page_that_fails_to_render_fails_the_build_with_its_traceback() -> None:
    def broken() -> tuple[str, str]:
        raise ValueError("no such organisation: acme")

    renderer = BackgroundRenderer([("ok.md", _page(1)), ("bad.md", broken), ("after.md", _page(2))])
    assert renderer.get("ok.md")[0] == "<p>page 1</p>"
    with pytest.raises(BackgroundError, match="rendering bad.md failed(.|\n)*no such organisation: acme"):
        renderer.get("after.md")


def test_files_wait_for_the_clean_site_folder_and_are_made_at_low_priority(tmp_path: Path) -> None:
    def make() -> list[Asset]:
        return [Asset("search/index.json", "{}"), Asset("nice.txt", str(os.nice(0)))]

    writer = AssetWriter(make, tmp_path)
    time.sleep(0.5)  # time enough to make both: they wait for the site folder to be cleaned
    assert not (tmp_path / "search").exists()
    writer.start_writing()
    assert writer.finish() == 2
    assert (tmp_path / "search" / "index.json").read_text() == "{}"
    assert int((tmp_path / "nice.txt").read_text()) >= min(19, os.nice(0) + 10)


def test_a_failing_file_job_fails_the_build(tmp_path: Path) -> None:
    def make() -> list[Asset]:
        raise RuntimeError("badge for unknown label")

    writer = AssetWriter(make, tmp_path)
    with pytest.raises(BackgroundError, match="badge for unknown label"):
        writer.finish()
