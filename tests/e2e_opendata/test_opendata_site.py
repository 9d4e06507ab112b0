"""The built site's open data, read back with real parsers; two builds byte for byte."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import struct
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser
import pytest
import yaml
from helpers.opendata_site import REPO, build, tree
from icalendar import Calendar
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from i4ms.content.schemas import schemas as content_schemas
from i4ms.outputs.opendata import paths
from i4ms.outputs.opendata.records import api_collections

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
BUILD_DAY = "2025-01-01"
REQUIRED = {
    "Organization": {"name", "url", "address"},
    "MonetaryGrant": {"name", "url", "funder", "potentialAction"},
    "Article": {"headline", "url", "author", "publisher", "image", "mainEntityOfPage"},
    "Project": {"name", "url"},
    "ResearchProject": {"name", "url", "alternateName"},
    "Service": {"name", "url", "provider"},
    "WebSite": {"name", "url"},
    "Event": {"name", "url", "startDate", "location", "eventAttendanceMode"},
    "NewsArticle": {"headline", "url", "datePublished", "author", "publisher"},
}


def local(site: Path, url: str) -> Path:
    """The file in the built site that an absolute site URL points to."""
    assert url.startswith(SITE_URL), url
    path = site / urlparse(url).path[len(urlparse(SITE_URL).path):]
    return path / "index.html" if url.endswith("/") else path


# -- determinism -------------------------------------------------------------------------


def test_two_builds_are_byte_identical(builds):
    first, second = (tree(s) for s in builds)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"differ between builds: {differ[:20]}"
    assert "search/site/titles.json" in first and "sitemap.xml.gz" in first


def test_feeds_calendars_and_sitemap_ignore_the_build_moment(site, later_site):
    now, later = tree(site), tree(later_site)
    same = [n for n in now if n.startswith(("feeds/", "calendars/", "schemas/"))]
    same += ["sitemap.xml", "sitemap.xml.gz", "assets/i4ms-og.png"]
    same += [paths.api_json(c) for c in api_collections() if c not in ("calls", "events")]
    assert len(same) > 20
    assert [n for n in same if now[n] != later[n]] == []
    # Only what depends on "now" by design differs: call and event status.
    assert json.loads(now[paths.api_json("calls")])["items"][0]["status_at"] != \
        json.loads(later[paths.api_json("calls")])["items"][0]["status_at"]


def test_sitemap_dates_are_content_dates_and_gzip_is_stamped_with_them(site):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    days = re.findall(r"<lastmod>([^<]+)</lastmod>", xml)
    assert days and BUILD_DAY not in days
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert SITE_URL + "experiments/smart-weld/" in locs and SITE_URL + "open-data/" in locs
    assert re.search(r"experiments/smart-weld/</loc>\s*<lastmod>2024-08-31</lastmod>", xml)
    raw = (site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])
    assert mtime == int(datetime.fromisoformat(max(days)).replace(tzinfo=UTC).timestamp())
    assert gzip.decompress(raw).decode("utf-8") == xml


# -- open data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry(site: Path) -> Registry:
    schemas = [json.loads(p.read_text(encoding="utf-8"))
               for p in sorted((site / "schemas").rglob("*.schema.json"))]
    for schema in schemas:
        Draft202012Validator.check_schema(schema)
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)


def api_files(site: Path) -> list[Path]:
    return sorted((site / paths.API).glob("*.json"))


def test_every_api_file_is_valid_against_its_published_schema(site, registry):
    files = api_files(site)
    assert {f.stem for f in files} == {*api_collections(), "index"}
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        schema_file = local(site, data["$schema"])
        assert schema_file.is_file(), data["$schema"]
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, registry=registry,
                                         format_checker=FormatChecker())
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (file.name, errors[:5])


def test_api_urls_are_absolute_and_resolve_in_the_site(site):
    index = json.loads((site / paths.api_index()).read_text(encoding="utf-8"))
    for entry in index["collections"]:
        for key in ("json", "csv", "schema", "item_schema", "content_schema"):
            assert local(site, entry[key]).is_file(), entry[key]
        data = json.loads(local(site, entry["json"]).read_text(encoding="utf-8"))
        assert data["count"] == entry["count"] == len(data["items"])
        for item in data["items"]:
            if item.get("page"):
                assert local(site, item["page"]).is_file(), item["page"]
    for feed in index["feeds"]:
        assert local(site, feed["atom"]).is_file() and local(site, feed["rss"]).is_file()
    for cal in index["calendars"]:
        assert local(site, cal["url"]).is_file()
    assert local(site, index["documentation"]).is_file()


def test_published_content_schemas_match_the_repository_export(site):
    for name, text in content_schemas().items():
        assert (site / paths.SCHEMAS / name).read_text(encoding="utf-8") == text


def test_csv_matches_the_json(site):
    for collection in api_collections():
        data = json.loads((site / paths.api_json(collection)).read_text(encoding="utf-8"))
        text = (site / paths.api_csv(collection)).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [r["id"] for r in rows] == [i["id"] for i in data["items"]], collection
        for row, item in zip(rows, data["items"], strict=True):
            for key, value in item.items():
                if key in row and isinstance(value, list) and all(isinstance(v, str)
                                                                  for v in value):
                    assert row[key] == "; ".join(value), (collection, key)


# -- feeds and calendars -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["success-stories", "calls"])
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_parse_newest_first_and_link_to_pages(site, name, kind):
    result = feedparser.parse((site / paths.feed(name, kind)).read_bytes())
    assert not result.bozo, result.get("bozo_exception")
    assert result.entries
    dates = [e.published_parsed for e in result.entries]
    assert dates == sorted(dates, reverse=True)
    for entry in result.entries:
        assert local(site, entry.link).is_file()
        assert entry.published_parsed[:3] != (2025, 1, 1)  # never the build day


def test_calendars_parse_with_one_event_per_call(site):
    calls = json.loads((site / paths.api_json("calls")).read_text(encoding="utf-8"))["items"]
    cal = Calendar.from_ical((site / paths.calls_calendar()).read_bytes())
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {f"{c['id']}@i4ms-portal" for c in calls}
    for call in calls:
        event = events[f"{call['id']}@i4ms-portal"]
        assert event["DTSTART"].params["TZID"] == call["timezone"]
        assert str(event["URL"]) == call["page"] and local(site, call["page"]).is_file()
        assert event.decoded("DTSTAMP").tzinfo is not None
    assert not cal.get_missing_tzids()
    projects = json.loads((site / paths.api_json("projects")).read_text(encoding="utf-8"))
    for project in projects["items"]:
        per = Calendar.from_ical(local(site, project["calendar"]).read_bytes())
        assert {str(e["UID"]) for e in per.walk("VEVENT")} == \
            {f"{c}@i4ms-portal" for c in project["calls"]}


# -- pages: sharing metadata ---------------------------------------------------------------


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.scripts: list[str] = []
        self.raw_scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content") or ""
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts[-1] += data


def pages(site: Path) -> list[Path]:
    """Portal pages; /admin/ is the contributors' form (noindex), not a page of the portal."""
    return [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).parts[0] != "admin"]


def test_every_page_has_canonical_open_graph_and_twitter_meta(site):
    found = pages(site)
    assert len(found) > 30
    for page in found:
        head = Head()
        head.feed(page.read_text(encoding="utf-8"))
        rel = page.parent.relative_to(site).as_posix()
        url = SITE_URL if rel == "." else f"{SITE_URL}{rel}/"
        assert head.canonical == url, rel
        assert head.meta.get("og:url") == url, rel
        for key in ("og:title", "og:description", "og:type", "og:image", "twitter:card"):
            assert head.meta.get(key), (rel, key)
        assert sorted(k for k in head.meta if k.startswith("twitter:")) == ["twitter:card"], rel
        image = head.meta["og:image"]
        if image.startswith(SITE_URL):
            assert local(site, image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_json_ld_parses_and_has_the_required_properties(site):
    types = set()
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        head = Head()
        head.feed(html)
        for text in head.scripts:
            assert "<" not in text and ">" not in text and "&" not in text
            data = json.loads(text)
            assert data["@context"] == "https://schema.org"
            assert not REQUIRED[data["@type"]] - set(data), (page, data["@type"])
            assert data["url"] == head.canonical
            types.add(data["@type"])
    assert types == set(REQUIRED)


def test_open_data_page_links_resolve(site):
    page = site / "open-data" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "Open data" in html
    article = html[html.index('<article class="i4ms-open-data">'):]
    hrefs = re.findall(r'href="([^"#]+)"', article[: article.index("</article>")])
    assert len(hrefs) > 20
    base = SITE_URL + "open-data/"
    for href in hrefs:
        target = urljoin(base, href)
        if target.startswith(SITE_URL):
            assert local(site, target).is_file(), href
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="open-data/"' in nav


# -- other content: the real content/ and the shared fixture site ---------------------------


@pytest.mark.parametrize("folder", ["content", "tests/fixtures/site"])
def test_other_content_builds_deterministically_with_valid_open_data(tmp_path, folder):
    from i4ms.content.loader import load_content
    from i4ms.graph import build_graph

    content = REPO / folder
    graph, problems = build_graph(load_content(content))
    if graph is None:
        pytest.skip(f"{folder}/ is not valid yet ({len(problems)} problems)")
    first = build(content, tmp_path / "a" / "site", 1735689600, hash_seed=5)
    second = build(content, tmp_path / "b" / "site", 1735689600, hash_seed=6)
    one, two = tree(first), tree(second)
    assert sorted(one) == sorted(two)
    assert [n for n in one if one[n] != two[n]] == []
    schemas = [json.loads(p.read_text(encoding="utf-8"))
               for p in sorted((first / "schemas").rglob("*.schema.json"))]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    files = api_files(first)
    assert len(files) == len(api_collections()) + 1
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        schema = json.loads(local(first, data["$schema"]).read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, registry=registry)
        assert not list(validator.iter_errors(data)), file.name
    for name in ("success-stories", "calls"):
        for kind in ("atom", "rss"):
            assert not feedparser.parse((first / paths.feed(name, kind)).read_bytes()).bozo
    Calendar.from_ical((first / paths.calls_calendar()).read_bytes())
