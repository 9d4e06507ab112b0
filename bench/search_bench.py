"""What search costs: index build time, bytes before the first result, time to first result.

    .venv/bin/python bench/search_bench.py --experiments 700 10000
    .venv/bin/python bench/search_bench.py --experiments 700 --runs 5 --json

For each number of synthetic experiments (bench/synthetic.py; the other collections scale
with it), in one run:

- index build: the search records and lunr indexes of every collection, in process, as the
  build makes them (best of --repeat), experiments alone and all collections;
- the portal is built with ``mkdocs build`` and served on localhost; headless Debian chromium
  (Playwright, never a downloaded browser) opens the Portfolio of Best Practices
  ``--runs`` times, (a) plainly and (b) with a text query in the URL, and reads the
  page's own performance marks (``i4ms-first-result``, ``i4ms-first-text-result``: from
  navigation start to the results in the DOM). Medians are printed;
- bytes before the first result: every file the browser fetched until then, raw and
  gzip-compressed (level 6, as static hosts serve them); loopback has no network latency,
  so the times are the browser's own work (parse, lunr.Index.load, filter, render).

Targets (the issue): at 10,000 experiments under 1 MB gzip and first result under 300 ms;
at 700 under 100 ms. Synthetic data only, in a temporary directory; never published.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

try:
    from bench.browser import chromium, serve
    from bench.site_bench import time_build, write_portal_config
    from bench.synthetic import counts_for, generate
except ImportError:  # run as a script: bench/ is on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from browser import chromium, serve
    from site_bench import time_build, write_portal_config
    from synthetic import counts_for, generate

from i4ms.graph import load_graph
from i4ms.outputs.search import payload
from i4ms.outputs.search.documents import BUILDERS

REPO = Path(__file__).resolve().parents[1]
NODE_MODULES = REPO / "node_modules"

TARGETS = {10_000: (1_000_000, 300.0), 700: (None, 100.0)}
"""experiments -> (max gzip bytes before the first result, max ms to the first result)."""
QUERY = "cloud"


ASIDE = ("search/search_index.json", "assets/javascripts/workers/", "badges/", "feeds/",
         "assets/images/")
"""Fetched during the load but not needed for the first result: badge images, sitemap probes
(and, in builds before the site search of issue 14, Material's header-search index)."""


@dataclass
class Load:
    ms: list[float]
    """From DOMContentLoaded (the page is loaded) to the results in the DOM; <= 0: already there."""
    total_ms: list[float]
    """From navigation start: includes the theme's own loading (Material's CSS and JavaScript)."""
    raw_bytes: int
    gzip_bytes: int
    files: list[str]
    aside_raw_bytes: int
    aside_gzip_bytes: int
    aside_files: list[str]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.ms)

    @property
    def median_total_ms(self) -> float:
        return statistics.median(self.total_ms)


@dataclass
class SearchFigures:
    experiments: int
    items: int
    index_seconds_experiments: float
    index_seconds_all: float
    experiments_docs_bytes: tuple[int, int]
    experiments_index_bytes: tuple[int, int]
    build_seconds: float
    plain: Load
    query: Load
    keystroke_ms: float

    def verdicts(self) -> dict[str, bool | None]:
        max_gzip, max_ms = TARGETS.get(self.experiments, (None, None))
        return {
            "gzip": None if max_gzip is None else self.query.gzip_bytes <= max_gzip,
            "first_result": None if max_ms is None else self.plain.median_ms <= max_ms,
            "first_text_result": None if max_ms is None else self.query.median_ms <= max_ms,
        }


def items_for(experiments: int) -> int:
    """A synthetic N with at least this many experiments (and at most two more)."""
    n = max(10, int(experiments / 0.6))
    while counts_for(n)["experiments"] > experiments and n > 10:
        n -= 1
    while counts_for(n)["experiments"] < experiments:
        n += 1
    return n


def _sizes(text: str) -> tuple[int, int]:
    data = text.encode("utf-8")
    return len(data), len(gzip.compress(data, 6, mtime=0))


def index_times(content: Path, repeat: int) -> tuple[float, float, tuple[int, int], tuple[int, int]]:
    graph = load_graph(content)
    best_exp = best_all = float("inf")
    docs_bytes = index_bytes = (0, 0)
    for _ in range(repeat):
        started = time.perf_counter()
        for collection, build in BUILDERS.items():
            t0 = time.perf_counter()
            docs = build(graph)
            docs_json = payload.to_json(payload.docs_payload(collection, docs))
            index_json = payload.to_json(payload.index_payload(NODE_MODULES, docs))
            if collection == "experiments":
                best_exp = min(best_exp, time.perf_counter() - t0)
                docs_bytes, index_bytes = _sizes(docs_json), _sizes(index_json)
        best_all = min(best_all, time.perf_counter() - started)
    return best_exp, best_all, docs_bytes, index_bytes


def _bytes(site: Path, urls: list[str]) -> tuple[int, int, list[str], int, int, list[str]]:
    """(raw, gzip, files) needed for the result, then the same for what was fetched aside."""
    sums = {True: [0, 0, []], False: [0, 0, []]}
    for url in dict.fromkeys(urls):
        path = urlparse(url).path.lstrip("/")
        file = site / path / "index.html" if path.endswith("/") or not path else site / path
        if not file.is_file():
            continue
        data = file.read_bytes()
        bucket = sums[not path.startswith(ASIDE)]
        bucket[0] += len(data)
        bucket[1] += len(gzip.compress(data, 6, mtime=0))
        bucket[2].append(path or "index.html")
    return (*sums[True], *sums[False])  # type: ignore[return-value]


def browser_loads(site: Path, runs: int) -> tuple[Load, Load, float]:
    results = {}
    keystrokes = []
    with serve(site) as base, chromium() as browser:
        for name, suffix, mark in [("plain", "", "i4ms-first-result"),
                                   ("query", f"?q={QUERY}", "i4ms-first-text-result")]:
            times, totals, urls = [], [], []
            for _ in range(runs):
                context = browser.new_context()  # a cold cache each time
                page = context.new_page()
                fetched: list[str] = []
                page.on("request", lambda r, fetched=fetched: fetched.append(r.url))
                page.goto(base + "best-practices/" + suffix)
                page.wait_for_function(f"() => performance.getEntriesByName('{mark}').length > 0",
                                       timeout=60_000)
                cutoff, loaded = page.evaluate(
                    f"() => [performance.getEntriesByName('{mark}')[0].startTime, "
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]")
                totals.append(cutoff)
                times.append(cutoff - loaded)
                # requests up to the mark: those the page had started before it
                urls = [e for e in page.evaluate(
                    "c => performance.getEntriesByType('resource').filter(e => e.startTime <= c)"
                    ".map(e => e.name)", cutoff)]
                urls.insert(0, base + "best-practices/" + suffix)
                if name == "query":
                    keystrokes.append(page.evaluate(
                        """() => { const input = document.querySelector('[data-i4ms-q]');
                        const t0 = performance.now(); input.value = 'cloud sim';
                        input.dispatchEvent(new Event('input')); return performance.now() - t0; }"""))
                context.close()
            results[name] = Load(times, totals, *_bytes(site, urls))
    return results["plain"], results["query"], statistics.median(keystrokes)


def bench(experiments: int, workdir: Path, runs: int = 9, repeat: int = 1) -> SearchFigures:
    n = items_for(experiments)
    content = workdir / "content"
    generate(content, n, seed=0)
    exp_s, all_s, docs_bytes, index_bytes = index_times(content, repeat)
    config = write_portal_config(workdir / "portal", content)
    site = workdir / "portal" / "site"
    build_s = min(wall for wall, _ in time_build(config, site, 1))
    plain, query, keystroke = browser_loads(site, runs)
    return SearchFigures(experiments, n, exp_s, all_s, docs_bytes, index_bytes, build_s,
                         plain, query, keystroke)


def _kb(n: int) -> str:
    return f"{n / 1000:,.0f} KB"


def report(f: SearchFigures) -> str:
    v = f.verdicts()
    max_gzip, max_ms = TARGETS.get(f.experiments, (None, None))

    def judged(ok: bool | None, target: str) -> str:
        return "" if ok is None else f"  (target {target}: {'met' if ok else 'NOT met'})"

    return "\n".join([
        f"== {f.experiments:,} synthetic experiments ({f.items:,} items) ==",
        f"index build, experiments: {f.index_seconds_experiments:.2f} s; "
        f"all search collections: {f.index_seconds_all:.2f} s (portal build {f.build_seconds:.1f} s)",
        f"experiments records: {_kb(f.experiments_docs_bytes[0])} raw / "
        f"{_kb(f.experiments_docs_bytes[1])} gzip; lunr index: {_kb(f.experiments_index_bytes[0])} raw / "
        f"{_kb(f.experiments_index_bytes[1])} gzip",
        f"first result (no query), after DOMContentLoaded: median {f.plain.median_ms:.0f} ms of "
        f"{len(f.plain.ms)} loads {[round(x) for x in f.plain.ms]}; from navigation start "
        f"{f.plain.median_total_ms:.0f} ms; downloaded for it {_kb(f.plain.raw_bytes)} raw / "
        f"{_kb(f.plain.gzip_bytes)} gzip" + judged(v["first_result"], f"{max_ms:.0f} ms" if max_ms else ""),
        f"first result for ?q={QUERY} (records + lunr.js + index), after DOMContentLoaded: median "
        f"{f.query.median_ms:.0f} ms {[round(x) for x in f.query.ms]}; from navigation start "
        f"{f.query.median_total_ms:.0f} ms; downloaded for it {_kb(f.query.raw_bytes)} raw / "
        f"{_kb(f.query.gzip_bytes)} gzip"
        + judged(v["first_text_result"], f"{max_ms:.0f} ms" if max_ms else "")
        + judged(v["gzip"], _kb(max_gzip) if max_gzip else ""),
        f"a keystroke with the index loaded re-filters and re-renders in {f.keystroke_ms:.1f} ms",
        "files the first text result needed: " + ", ".join(f.query.files),
        f"also fetched before it, not needed for it: {_kb(f.query.aside_raw_bytes)} raw / "
        f"{_kb(f.query.aside_gzip_bytes)} gzip ("
        + ", ".join(sorted({p if not p.startswith('badges/') else 'badges/…' for p in f.query.aside_files}))
        + ")",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--experiments", type=int, nargs="+", default=[700, 10_000])
    parser.add_argument("--runs", type=int, default=9, help="page loads per measurement")
    parser.add_argument("--repeat", type=int, default=1, help="index builds (best is kept)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    out = []
    for experiments in args.experiments:
        with tempfile.TemporaryDirectory(prefix="i4ms-search-bench-") as tmp:
            figures = bench(experiments, Path(tmp), args.runs, args.repeat)
        out.append(figures)
        if not args.json:
            print(report(figures), flush=True)
    if args.json:
        print(json.dumps([{**asdict(f), "met": f.verdicts()} for f in out], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
