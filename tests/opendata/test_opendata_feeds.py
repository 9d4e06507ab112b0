"""Atom and RSS feeds: parsed by feedparser, newest first, dated by content, never by the clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import feedparser
import pytest

from i4ms.outputs.opendata import feeds, paths
from i4ms.views.dates import story_date


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


def test_feeds_do_not_depend_on_the_build_moment(ctx):
    later = replace(ctx, now=datetime(2031, 12, 31, tzinfo=UTC))
    assert feeds.feed_files(ctx) == feeds.feed_files(later)


def test_feed_updated_is_its_newest_entry_not_now(ctx):
    result = parsed(ctx, "success-stories", "atom")
    assert result.feed.updated_parsed[:3] == (2024, 8, 31)
    rss = parsed(ctx, "success-stories", "rss")
    assert rss.feed.updated_parsed[:3] == (2024, 8, 31)  # lastBuildDate


def test_an_empty_feed_has_a_fixed_date(ctx, graph):
    empty = replace(ctx, graph=replace(graph, experiments={}))
    result = parsed(empty, "success-stories", "atom")
    assert result.entries == []
    assert result.feed.updated_parsed[:3] == (1970, 1, 1)


def test_feeds_are_capped(ctx, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 1)
    assert len(parsed(ctx, "calls", "atom").entries) == 1
