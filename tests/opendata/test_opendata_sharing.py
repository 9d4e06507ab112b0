"""Open Graph, Twitter card and JSON-LD on every page; JSON-LD safe inside its script element."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from i4ms.outputs.head import jsonld
from i4ms.outputs.opendata import paths
from i4ms.outputs.pages import plan_site
from i4ms.views.urls import absolute, url_of

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


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str | None]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta[a.get("property") or a.get("name") or ""] = a.get("content") or ""
        elif tag == "link":
            self.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse_head(html: str) -> Head:
    head = Head()
    head.feed(html)
    head.close()
    return head


@pytest.fixture(scope="module")
def site(graph):
    from datetime import UTC, datetime

    from i4ms.views.context import BuildContext

    ctx = BuildContext(graph=graph, now=datetime(2025, 1, 1, tzinfo=UTC),
                       site_url="https://example.org/i4ms/", site_description="About I4MS.")
    return ctx, plan_site(ctx)


def test_every_page_has_open_graph_and_twitter_meta(site):
    ctx, out = site
    assert out.pages
    for src in out.pages:
        head = parse_head(out.head_of(src))
        url = absolute(ctx.site_url, url_of(src))
        assert head.meta["og:url"] == url, src
        assert head.meta["og:title"] and head.meta["og:description"], src
        assert head.meta["og:type"] in {"website", "article"}
        assert head.meta["og:image"].endswith((".png", ".jpg", ".jpeg", ".gif", ".webp"))
        assert head.meta["twitter:card"] == "summary_large_image"
        # no twitter:title/description/image: Twitter falls back to og:, said once
        assert not {k for k in head.meta if k.startswith("twitter:")} - {"twitter:card"}, src
        feeds = [link["href"] for link in head.links if link["type"] == "application/atom+xml"]
        assert len(feeds) == 2, src


def test_item_pages_carry_json_ld_with_required_properties(site):
    ctx, out = site
    seen = set()
    for src in out.pages:
        for text in parse_head(out.head_of(src)).scripts:
            data = json.loads(text)
            assert data["@context"] == "https://schema.org"
            missing = REQUIRED[data["@type"]] - set(data)
            assert not missing, (src, missing)
            assert data["url"] == absolute(ctx.site_url, url_of(src))
            seen.add(data["@type"])
    assert seen == set(REQUIRED)


def test_success_story_is_an_article_with_its_dates(site):
    _, out = site
    head = parse_head(out.head_of("experiments/smart-weld.md"))
    assert head.meta["og:type"] == "article"
    assert head.meta["article:published_time"] == "2024-08-31T00:00:00+00:00"
    data = json.loads(head.scripts[0])
    assert data["@type"] == "Article" and data["datePublished"].startswith("2024-08-31")
    assert data["author"]["name"] == "ALPHAFAB"
    other = json.loads(parse_head(out.head_of("experiments/fabric-twin.md")).scripts[0])
    assert other["@type"] == "Project"


def test_call_is_a_monetary_grant_with_its_window(site):
    _, out = site
    data = json.loads(parse_head(out.head_of("calls/alpha-fab-open-call-1.md")).scripts[0])
    assert data["@type"] == "MonetaryGrant"
    assert data["amount"] == {"@type": "MonetaryAmount", "value": 1200000.0, "currency": "EUR"}
    assert data["potentialAction"]["endTime"] == "2023-06-01T00:00:00+02:00"
    assert data["funder"]["name"] == "ALPHAFAB"


def test_json_ld_cannot_break_out_of_its_script(site):
    _, out = site
    head = out.head_of("experiments/seam-inspect.md")
    script = head[head.index('<script type="application/ld+json">'):]
    body = script[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert script.count("</script>") == 1
    data = json.loads(body)
    assert data["name"].startswith("Seam inspection </script> that beats R&D <b>manual</b>")


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "a & b", "<!--", "\u2028"])
def test_safe_json_round_trips(text):
    encoded = jsonld.safe_json({"t": text})
    assert not set("<>&\u2028") & set(encoded)
    assert json.loads(encoded) == {"t": text}


def test_meta_values_are_escaped(site):
    _, out = site
    head = out.head_of("experiments/seam-inspect.md")
    assert "</script> that" not in head.split('<script type="application/ld+json">')[0]
    assert parse_head(head).meta["og:title"].startswith("Seam inspection </script>")


def test_calendar_links_on_call_and_project_pages(site):
    _, out = site
    project = parse_head(out.head_of("projects/alpha-fab.md"))
    assert {"rel": "alternate", "type": "text/calendar", "title": "Call deadlines of this project",
            "href": "../../" + paths.project_calendar("alpha-fab")} in project.links
    call = parse_head(out.head_of("calls/alpha-fab-open-call-1.md"))
    assert any(link["href"] == "../../" + paths.calls_calendar() for link in call.links)


def test_raster_images_only(ctx):
    assert jsonld.image(ctx, "https://x.example/a.png") == "https://x.example/a.png"
    assert jsonld.image(ctx, "https://x.example/a.svg") == ctx.site_url + paths.OG_IMAGE
    assert jsonld.image(ctx, "images/local.png") == ctx.site_url + paths.OG_IMAGE
