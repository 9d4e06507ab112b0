"""Atom and RSS feeds: parsed by feedparser, newest first, dated by content, never by the clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import feedparser
import pytest

from i4ms.outputs.opendata import feeds, paths
from i4ms.views.dates import story_date, undated_stories


def parsed(ctx, name: str, kind: str):
    data = feeds.feed_files(ctx)[paths.feed(name, kind)]
    result = feedparser.parse(data)
    assert not result.bozo, result.get("bozo_exception")
    return result


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_success_stories_newest_first_by_experiment_dates(ctx, kind):
    result = parsed(ctx, "success-stories", kind)
    assert result.version == ("atom10" if kind == "atom" else "rss20")
    links = [e.link for e in result.entries]
    # smart-weld ended 2024-08-31, laser-clean started 2024-02-01; seam-inspect has no date
    # (and no git history here), fabric-twin and fjord-hpc are not success stories.
    assert links == ["https://example.org/i4ms/experiments/smart-weld/",
                     "https://example.org/i4ms/experiments/laser-clean/"]
    assert result.entries[0].published_parsed[:3] == (2024, 8, 31)
    assert "Challenge" in result.entries[0].content[0].value
    assert result.feed.title == "I4MS portal: success stories"


def test_a_story_without_dates_takes_its_last_commit(ctx):
    dated = replace(ctx, content_dates={
        "experiments/seam-inspect.md": datetime(2024, 12, 2, 10, 30, tzinfo=UTC)})
    assert story_date(dated, "seam-inspect") == datetime(2024, 12, 2, 10, 30, tzinfo=UTC)
    result = parsed(dated, "success-stories", "atom")
    assert result.entries[0].link.endswith("/experiments/seam-inspect/")
    # The title keeps its markup characters as text, escaped in the XML.
    assert result.entries[0].title.startswith("Seam inspection </script>")
    # ended/started win over git
    dated = replace(ctx, content_dates={
        "experiments/smart-weld.md": datetime(2025, 1, 1, tzinfo=UTC)})
    assert story_date(dated, "smart-weld") == datetime(2024, 8, 31, tzinfo=UTC)


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_calls_newest_first_by_opening(ctx, kind):
    result = parsed(ctx, "calls", kind)
    assert [e.link.rsplit("/", 2)[-2] for e in result.entries] == [
        "alpha-fab-open-call-2", "beta-csa-disruptors-2024", "alpha-fab-open-call-1"]
    first = result.entries[0]
    assert first.published_parsed[:4] == (2025, 10, 1, 8)  # 09:00 Lisbon summer time, in UTC
    assert "30 June 2031, 17:00 Lisbon time (UTC+01:00)" in first.summary
    # the opening in the same words as every page: views.dates.opening_text
    assert first.summary.startswith("Opens 1 October 2025, 09:00 Lisbon time (UTC+01:00); deadline")


def test_feeds_do_not_depend_on_the_build_moment(ctx):
    # (until a planned date passes: alpha-fab-open-call-2 closes in 2031, then dates seam-inspect)
    later = replace(ctx, now=datetime(2026, 12, 30, tzinfo=UTC))
    assert feeds.feed_files(ctx) == feeds.feed_files(later)


def test_feed_updated_is_its_newest_entry_not_now(ctx):
    result = parsed(ctx, "success-stories", "atom")
    assert result.feed.updated_parsed[:3] == (2024, 8, 31)
    rss = parsed(ctx, "success-stories", "rss")
    assert rss.feed.updated_parsed[:3] == (2024, 8, 31)  # lastBuildDate


def test_an_empty_feed_is_dated_by_the_newest_content_date(ctx, graph):
    empty = replace(ctx, graph=replace(graph, experiments={}))
    result = parsed(empty, "success-stories", "atom")
    assert result.entries == []
    # no git history: the newest past date of any item (beta-csa-disruptors-2024 opens
    # 2024-01-15 in its own time zone)
    assert result.feed.updated == "2024-01-15T00:00:00+02:00"
    committed = replace(empty, content_dates={"calls/x.md": datetime(2024, 7, 1, tzinfo=UTC)})
    assert parsed(committed, "success-stories", "atom").feed.updated_parsed[:3] == (2024, 7, 1)


def test_an_empty_feed_of_undated_content_has_a_fixed_date(ctx, graph):
    nothing = replace(ctx, graph=replace(graph, experiments={}, calls={}, projects={}, events={},
                                         news={}))
    assert parsed(nothing, "success-stories", "atom").feed.updated_parsed[:3] == (1970, 1, 1)


def _story(ctx, graph, exp_id: str, **changes):
    """``ctx`` with one experiment's front matter changed (no git history)."""
    item = graph.experiments[exp_id]
    changed = replace(item, model=item.model.model_copy(update=changes))
    return replace(ctx, graph=replace(graph, experiments={**graph.experiments, exp_id: changed}))


def test_without_git_an_undated_story_takes_its_calls_close(ctx, graph):
    # seam-inspect has no started/ended; alpha-fab-open-call-1 closed at the end of 31 May
    # 2023, Brussels time
    moved = _story(ctx, graph, "seam-inspect", call="alpha-fab-open-call-1")
    assert story_date(moved, "seam-inspect") == datetime(2023, 5, 31, 22, 0, tzinfo=UTC)
    links = [e.link for e in parsed(moved, "success-stories", "atom").entries]
    assert links[-1].endswith("/experiments/seam-inspect/")
    # its own call (alpha-fab-open-call-2) closes in 2031: the experiment has not run yet
    assert story_date(ctx, "seam-inspect") is None


def test_without_git_or_call_an_undated_story_takes_its_projects_dates(ctx, graph):
    # alpha-fab started 2023-01-01; its end (2026-12-31) is after "now" (2025-01-01): a plan
    alone = _story(ctx, graph, "seam-inspect", call=None)
    assert story_date(alone, "seam-inspect") == datetime(2023, 1, 1, tzinfo=UTC)
    later = replace(alone, now=datetime(2027, 6, 1, tzinfo=UTC))
    assert story_date(later, "seam-inspect") == datetime(2026, 12, 31, tzinfo=UTC)
    # git still wins over the content's other dates
    dated = replace(alone, content_dates={"experiments/seam-inspect.md": datetime(2024, 3, 3, tzinfo=UTC)})
    assert story_date(dated, "seam-inspect") == datetime(2024, 3, 3, tzinfo=UTC)


def test_undated_stories_are_named(ctx, graph):
    assert undated_stories(ctx) == ["seam-inspect"]
    assert undated_stories(_story(ctx, graph, "seam-inspect", call=None)) == []


def test_feeds_are_capped(ctx, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 1)
    assert len(parsed(ctx, "calls", "atom").entries) == 1
