"""A build without git history (a zip download, a copy, a shallow clone) gives the same site
as one in the repository: only the dates that come from git may differ, and they fall back
to dates in the content, never to 1970 or to the build's moment."""

from __future__ import annotations

import gzip
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from helpers.opendata_site import REPO, build, tree

FIXTURE = REPO / "tests" / "fixtures" / "site"
EPOCH = 1767225600  # 2026-01-01T00:00:00Z, for both builds

GIT_DATES = [
    re.compile(rb"^DTSTAMP:\d{8}T\d{6}Z\r?$", re.M),  # calendars: the event's last change
    re.compile(rb'<meta property="article:(?:published|modified)_time" content="[^"]*">'),
    re.compile(rb'"date(?:Published|Modified)":"[^"]*",?'),  # JSON-LD
    re.compile(rb"<lastmod>[^<]*</lastmod>"),  # sitemap
    re.compile(rb"<(?:updated|published|lastBuildDate|pubDate)>[^<]*</\w+>"),  # feeds
    re.compile(rb'Content last updated: <time datetime="[^"]*">[^<]*</time>'),  # the footer
]
"""Where a page or file says when content last changed: git's answer and the content's differ."""


def without_git_dates(path: str, data: bytes) -> bytes:
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    for pattern in GIT_DATES:
        data = pattern.sub(b"", data)
    return data


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture built where it is (git dates) and from a copy outside any checkout."""
    copy = tmp_path_factory.mktemp("zip") / "content"
    shutil.copytree(FIXTURE, copy)
    assert not (copy / ".git").exists()
    with_git = build(FIXTURE, tmp_path_factory.mktemp("git") / "site", EPOCH)
    without = build(copy, tmp_path_factory.mktemp("nogit") / "site", EPOCH)
    return with_git, without


def test_pages_and_files_equal_a_build_with_git_except_dates(sites):
    with_git, without = tree(sites[0]), tree(sites[1])
    assert sorted(with_git) == sorted(without)
    differ = [p for p in with_git
              if without_git_dates(p, with_git[p]) != without_git_dates(p, without[p])]
    assert differ == []


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feed_of_success_stories_has_real_dates_without_git(sites, kind):
    feed = feedparser.parse((sites[1] / "feeds" / f"success-stories.{kind}.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.link.rsplit("/", 2)[-2] for e in feed.entries] == ["smart-weld"]
    # smart-weld's front matter: ended 2024-08-31
    assert feed.entries[0].published_parsed[:3] == (2024, 8, 31)
    updated = datetime(*feed.feed.updated_parsed[:6], tzinfo=UTC)
    assert updated == datetime(2024, 8, 31, tzinfo=UTC)


def test_calls_feed_and_sitemap_dated_by_content_without_git(sites):
    feed = feedparser.parse((sites[1] / "feeds" / "calls.atom.xml").read_bytes())
    assert len(feed.entries) == 2
    build_day = datetime.fromtimestamp(EPOCH, tz=UTC).date().isoformat()
    lastmods = re.findall(r"<lastmod>([^<]*)</lastmod>", (sites[1] / "sitemap.xml").read_text())
    assert lastmods and all(not d.startswith(("1970", build_day)) for d in lastmods)
