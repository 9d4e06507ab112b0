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


def test_files_wait_for_the_engines_pages_and_are_made_at_low_priority(tmp_path: Path) -> None:
    def make() -> list[Asset]:
        return [Asset("search/index.json", "{}"), Asset("nice.txt", str(os.nice(0)))]

    writer = AssetWriter([make], tmp_path)
    time.sleep(0.5)  # time enough to make both: they wait until the engine has cleaned the
    assert not (tmp_path / "search").exists()  # folder and written its pages (finish)
    assert writer.finish() == 2
    assert (tmp_path / "search" / "index.json").read_text() == "{}"
    assert int((tmp_path / "nice.txt").read_text()) >= min(19, os.nice(0) + 10)


def test_a_failing_file_job_fails_the_build(tmp_path: Path) -> None:
    def make() -> list[Asset]:
        raise RuntimeError("badge for unknown label")

    writer = AssetWriter([make], tmp_path)
    with pytest.raises(BackgroundError, match="badge for unknown label"):
        writer.finish()


def test_the_page_worker_renders_ahead_while_the_engine_asks_for_nothing(tmp_path: Path) -> None:
    """The engine does its own work before its first page: the worker must not stall on a
    full pipe meanwhile (64 KB, two pages of this size)."""
    done = tmp_path / "rendered"
    done.mkdir()

    def big(n: int):
        def render() -> RenderedPage:
            (done / str(n)).touch()
            return RenderedPage(f"<p>{n}</p>" + "x" * 30_000, "")
        return render

    renderer = BackgroundRenderer([(f"p{n}.md", big(n)) for n in range(100)])
    try:
        deadline = time.monotonic() + 30
        while len(list(done.iterdir())) < 100 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(list(done.iterdir())) == 100  # all rendered before any was asked for
        assert renderer.get("p99.md").html.startswith("<p>99</p>")
        assert renderer.get("p0.md").html.startswith("<p>0</p>")
    finally:
        renderer.close()


def test_files_can_finish_after_the_engine_has_gone_on(tmp_path: Path) -> None:
    release = tmp_path / "release"

    def make() -> list[Asset]:
        while not release.exists():
            time.sleep(0.02)
        return [Asset("search/site/titles.json", "[]")]

    failures: list[BackgroundError] = []
    writer = AssetWriter([make], tmp_path)
    writer.finish_in_background(failures.append)  # returns while the files are still made
    assert not (tmp_path / "search").exists()
    release.touch()
    deadline = time.monotonic() + 30
    while not (tmp_path / "search" / "site" / "titles.json").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.close()
    assert (tmp_path / "search" / "site" / "titles.json").read_text() == "[]"
    assert failures == []


def test_files_failing_after_the_engine_has_gone_on_are_reported(tmp_path: Path) -> None:
    def make() -> list[Asset]:
        raise RuntimeError("badge for unknown label")

    failures: list[BackgroundError] = []
    writer = AssetWriter([make], tmp_path)
    writer.finish_in_background(failures.append)
    writer.close()
    assert len(failures) == 1 and "badge for unknown label" in str(failures[0])


def test_files_stopped_for_a_newer_build_write_nothing_and_are_no_failure(tmp_path: Path) -> None:
    def make() -> list[Asset]:
        time.sleep(30)
        return [Asset("late.json", "{}")]

    failures: list[BackgroundError] = []
    writer = AssetWriter([make], tmp_path)
    writer.finish_in_background(failures.append)
    started = time.monotonic()
    writer.close(wait=0)
    assert time.monotonic() - started < 10
    assert failures == [] and not (tmp_path / "late.json").exists()


def test_runs_are_made_side_by_side_and_all_written(tmp_path: Path) -> None:
    """Each run waits until the other has started: made one after the other, they would
    never finish (the test would time out)."""
    def run(mine: str, other: str):
        def make() -> list[Asset]:
            (tmp_path / f"{mine}.started").touch()
            deadline = time.monotonic() + 20
            while not (tmp_path / f"{other}.started").exists():
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{other} never started")
                time.sleep(0.01)
            return [Asset(f"{mine}/index.json", mine)]
        return make

    writer = AssetWriter([run("search", "opendata"), run("opendata", "search")], tmp_path)
    assert writer.finish() == 2
    assert (tmp_path / "search" / "index.json").read_text() == "search"
    assert (tmp_path / "opendata" / "index.json").read_text() == "opendata"


def test_two_runs_writing_one_path_fail_the_build_and_write_nothing(tmp_path: Path) -> None:
    def run(text: str):
        return lambda: [Asset("api/index.json", text), Asset(f"{text}.txt", text)]

    writer = AssetWriter([run("a"), run("b")], tmp_path)
    with pytest.raises(BackgroundError, match="two generators write api/index.json"):
        writer.finish()
    assert list(tmp_path.iterdir()) == []  # not even the files only one run writes


def test_a_failing_run_stops_the_others_at_once(tmp_path: Path) -> None:
    def slow() -> list[Asset]:
        time.sleep(60)
        return [Asset("late.json", "{}")]

    def broken() -> list[Asset]:
        raise RuntimeError("badge for unknown label")

    writer = AssetWriter([slow, broken], tmp_path)
    started = time.monotonic()
    with pytest.raises(BackgroundError, match="badge for unknown label"):
        writer.finish()
    assert time.monotonic() - started < 20
    assert not (tmp_path / "late.json").exists()


def test_work_made_aside_comes_back_and_its_failure_says_what_failed() -> None:
    from i4ms.render.parallel import Aside

    made = Aside("the numbers", lambda: (os.getpid(), [1, 2, 3]))
    pid, numbers = made.result()
    assert numbers == [1, 2, 3] and pid != os.getpid()  # made in another process

    def broken():
        raise ValueError("no atlas today")

    with pytest.raises(BackgroundError, match="making the map's shapes failed(.|\n)*no atlas today"):
        Aside("the map's shapes", broken).result()


def test_work_no_longer_wanted_is_stopped_at_once() -> None:
    from i4ms.render.parallel import Aside

    started = time.monotonic()
    Aside("a slow thing", lambda: time.sleep(60)).close()
    assert time.monotonic() - started < 10


def test_two_page_workers_take_turns_and_every_page_comes_back() -> None:
    """Under `mkdocs serve` two workers render the pages, TURN at a time each."""
    from i4ms.render.parallel import TURN

    def where(n: int):
        return lambda: RenderedPage(f"<p>page {n}</p>", str(os.getpid()))

    renderer = BackgroundRenderer([(f"p{n}.md", where(n)) for n in range(5 * TURN)], workers=2)
    try:
        got = {n: renderer.get(f"p{n}.md") for n in [*range(5 * TURN - 1, TURN, -1), *range(TURN + 1)]}
    finally:
        renderer.close()
    assert {n: page.html for n, page in got.items()} == {n: f"<p>page {n}</p>" for n in range(5 * TURN)}
    first, second = got[0].head, got[TURN].head
    assert first != second and os.getpid() not in (int(first), int(second))
    assert {got[n].head for n in range(TURN)} == {first}  # a turn is one worker's
    assert got[2 * TURN].head == first and got[3 * TURN].head == second


def test_a_page_failing_in_either_worker_fails_the_build() -> None:
    from i4ms.render.parallel import TURN

    def broken() -> RenderedPage:
        raise ValueError("no such organisation: acme")

    pages = [(f"p{n}.md", _page(n)) for n in range(3 * TURN)]
    pages[TURN + 1] = ("bad.md", broken)  # in the second worker's first turn
    renderer = BackgroundRenderer(pages, workers=2)
    try:
        assert renderer.get("p0.md").html == "<p>page 0</p>"
        with pytest.raises(BackgroundError, match="rendering bad.md failed(.|\n)*acme"):
            renderer.get(f"p{TURN + 2}.md")
    finally:
        renderer.close()
