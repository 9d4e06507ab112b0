"""The page does not jump while it finishes loading: what the scripts write after the first
paint (Find support's form, the deadline in the visitor's zone, countdowns) has its place
already. Lighthouse found shifts of 0.28 (Find support) and 0.12 (home with open calls); its
bench is bench/lighthouse_bench.py, this is the same measure, the browser's own, as a check."""

from __future__ import annotations

from pathlib import Path

import pytest

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 900}
LIMIT = 0.02  # Lighthouse's "good" is 0.1; a page whose scripts only fill reserved boxes is ~0

RECORD = """
window.__shifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    if (!e.hadRecentInput) window.__shifts.push({value: e.value, nodes: e.sources.map(function (s) {
      return s.node ? (s.node.nodeName + "." + (s.node.className || "")) : "?"; })});
  });
}).observe({type: "layout-shift", buffered: true});
"""


def _open_call(site: Path) -> str:
    """An item page of a call that is open now (its countdown is filled in by the script)."""
    for page in sorted(site.glob("calls/*/index.html")):
        if 'i4ms-status--open"' in page.read_text(encoding="utf-8"):
            return f"calls/{page.parent.name}/"
    raise AssertionError("the synthetic site has no open call")


@pytest.fixture(params=[PHONE, DESKTOP], ids=["375", "1366"])
def viewport(request: pytest.FixtureRequest) -> dict:
    return request.param


@pytest.mark.parametrize("which", ["home", "open call", "find support", "calls", "best practices",
                                   "organisations"])
def test_no_layout_shift_after_the_first_paint(watched, synthetic_site: Path, synthetic_url: str,
                                               viewport: dict, which: str) -> None:
    path = {"home": "", "open call": _open_call(synthetic_site), "find support": "find-support/",
            "calls": "calls/", "best practices": "best-practices/",
            "organisations": "organisations/"}
    page = watched.page
    page.set_viewport_size(viewport)
    page.add_init_script(RECORD)
    page.goto(synthetic_url + path[which])
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    if which in ("home", "open call"):
        assert page.locator(".i4ms-local-time:not(:empty)").count() > 0
    shifts = page.evaluate("window.__shifts")
    assert sum(s["value"] for s in shifts) < LIMIT, shifts
    assert watched.errors == []
