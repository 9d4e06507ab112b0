"""bench/lighthouse_bench.py: the gzip server serves what a static host serves, and the table
is read from a real Lighthouse report of a real build (one short run), not from made-up data.

Nothing here is timed: the scores of this run are only checked to be scores."""

from __future__ import annotations

import gzip
import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers.sitebuild import FIXTURE, built

from bench import lighthouse_bench as lb
from bench.gzip_server import accepts_gzip, compressible, serve

# -- the gzip server ------------------------------------------------------------------------

HTML = "<!doctype html><title>t</title>" + "<p>repeated text compresses well</p>" * 200
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("gzip-site")
    (root / "page").mkdir()
    (root / "page" / "index.html").write_text(HTML, encoding="utf-8")
    (root / "style.css").write_text("body{color:#111}\n" * 100, encoding="utf-8")
    (root / "picture.png").write_bytes(PNG)
    with serve(root) as url:
        yield url


def _get(url: str, path: str, encoding: str | None = "gzip, deflate, br",
         method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {}
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_text_is_sent_gzipped_to_a_browser_that_asks(served: str) -> None:
    status, headers, body = _get(served, "/page/")
    assert status == 200
    assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert headers["content-type"].startswith("text/html")
    assert int(headers["content-length"]) == len(body) < len(HTML) / 5
    assert gzip.decompress(body).decode("utf-8") == HTML


def test_css_too_but_not_a_png(served: str) -> None:
    _, css, body = _get(served, "/style.css")
    assert css["content-encoding"] == "gzip" and gzip.decompress(body).startswith(b"body{")
    _, png, body = _get(served, "/picture.png")
    assert "content-encoding" not in png and body == PNG


def test_plain_for_a_client_without_gzip(served: str) -> None:
    for encoding in (None, "identity", "gzip;q=0"):
        _, headers, body = _get(served, "/page/index.html", encoding)
        assert "content-encoding" not in headers and body.decode("utf-8") == HTML


def test_head_missing_and_redirect_as_before(served: str) -> None:
    status, headers, body = _get(served, "/page/", method="HEAD")
    assert status == 200 and headers["content-encoding"] == "gzip" and body == b""
    assert _get(served, "/nothing-here/")[0] == 404
    status, headers, _ = _get(served, "/page")
    assert status == 301 and headers["location"].endswith("/page/")


@pytest.mark.parametrize(("header", "expected"), [
    ("gzip", True), ("br, gzip", True), ("deflate, gzip;q=0.5", True), ("*", True),
    ("gzip;q=0", False), ("br", False), ("", False), (None, False),
])
def test_accept_encoding(header: str | None, expected: bool) -> None:
    assert accepts_gzip(header) is expected


def test_compressible_types() -> None:
    assert all(compressible(t) for t in ("text/html; charset=utf-8", "text/css",
                                         "application/javascript", "image/svg+xml",
                                         "application/json", "application/atom+xml"))
    assert not any(compressible(t) for t in ("image/png", "application/gzip", "font/woff2"))


# -- one real Lighthouse run, read by the bench's own code ------------------------------------

@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "lighthouse-fixture", FIXTURE)


@pytest.fixture(scope="module")
def measured(fixture_site: Path, tmp_path_factory: pytest.TempPathFactory) -> lb.PageResult:
    """Lighthouse once on the fixture site's home page, served by the gzip server."""
    if not lb.LIGHTHOUSE.exists():
        pytest.fail(f"{lb.LIGHTHOUSE} missing: run bash scripts/setup.sh (npm ci)")
    reports = tmp_path_factory.mktemp("lighthouse-reports")
    result = lb.PageResult(site="fixture", page="home", path="/")
    with serve(fixture_site) as base:
        out = reports / "home.json"
        report = lb.run_lighthouse(base, out)
    result.runs.append(lb.category_scores(report))
    result.reports.append(str(out))
    lb._fill_failing(result)
    return result


def test_the_five_pages_exist_in_a_build(fixture_site: Path) -> None:
    pages = lb.pick_pages(fixture_site)
    assert list(pages) == ["home", "best practices", "experiment", "call", "find support"]
    assert pages["experiment"] == "experiments/fabric-twin/"  # the first, alphabetically
    assert pages["call"] == "calls/alpha-fab-open-call-1/"


def test_a_real_report_gives_four_scores(measured: lb.PageResult) -> None:
    report = json.loads(Path(measured.reports[0]).read_text(encoding="utf-8"))
    assert report["lighthouseVersion"] == "12.2.3"
    assert report["configSettings"]["formFactor"] == "mobile"  # the default preset
    assert report["finalDisplayedUrl"].startswith("http://127.0.0.1:")
    scores = measured.runs[0]
    assert sorted(scores) == sorted(lb.CATEGORIES)
    assert all(0 <= s <= 100 for s in scores.values())
    # Served gzipped: Lighthouse saw the compression it would on a real host.
    assert report["audits"]["uses-text-compression"]["score"] == 1
    assert scores["seo"] > 0 and scores["best-practices"] > 0  # the page really loaded


def test_failing_audits_are_those_under_target(measured: lb.PageResult) -> None:
    median = measured.median
    assert set(measured.failing) == {c for c in lb.CATEGORIES if median[c] < lb.TARGET}
    report = json.loads(Path(measured.reports[0]).read_text(encoding="utf-8"))
    for category, audits in measured.failing.items():
        assert audits, f"{category} is under {lb.TARGET} with no audit named"
        for audit in audits:
            assert audit.id in report["audits"]


def test_the_table_shows_the_scores(measured: lb.PageResult) -> None:
    text = lb.table([measured], 1)
    row = next(line for line in text.splitlines() if line.strip().startswith("fixture"))
    for category in lb.CATEGORIES:
        assert str(measured.median[category]) in row
    assert "Lighthouse 12.2.3 mobile, median of 1 run(s)" in text
    assert text.endswith(f"{int(measured.met())}/1 pages at >= 95 in all four categories")


# -- the summary on reports whose answers are known ------------------------------------------

def _report(perf: float | None, audits: dict[str, dict], refs: list[dict]) -> dict:
    categories = {c: {"score": 1.0, "auditRefs": []} for c in lb.CATEGORIES}
    categories["performance"] = {"score": perf, "auditRefs": refs}
    return {"categories": categories, "audits": audits}


def test_an_unscored_category_counts_as_zero() -> None:
    assert lb.category_scores(_report(None, {}, []))["performance"] == 0
    assert lb.category_scores(_report(0.945, {}, []))["performance"] == 94


def test_failing_audits_heaviest_first_and_errors_kept() -> None:
    audits = {
        "fcp": {"title": "FCP", "score": 0.8, "scoreDisplayMode": "numeric", "displayValue": "2 s"},
        "tbt": {"title": "TBT", "score": 0.7, "scoreDisplayMode": "numeric"},
        "ok": {"title": "fine", "score": 1, "scoreDisplayMode": "numeric"},
        "hint": {"title": "unused JS", "score": 0.5, "scoreDisplayMode": "metricSavings"},
        "na": {"title": "n/a", "score": None, "scoreDisplayMode": "notApplicable"},
        "broken": {"title": "broke", "score": None, "scoreDisplayMode": "error",
                   "errorMessage": "trace"},
    }
    refs = [{"id": i, "weight": w} for i, w in
            [("fcp", 10), ("tbt", 30), ("ok", 25), ("hint", 0), ("na", 0), ("broken", 0)]]
    found = lb.failing_audits(_report(0.8, audits, refs), "performance")
    assert [a.id for a in found] == ["tbt", "fcp", "hint", "broken"]
    lines = lb._audit_lines(found)
    assert lines[0].startswith("    - tbt [score 0.70, weight 30]")
    assert any("could not run: broken (trace)" in line for line in lines)
