"""What the site-wide header search costs: nothing on page load, little for the first results.

    .venv/bin/python bench/site_search_bench.py --experiments 700 10000
    .venv/bin/python bench/site_search_bench.py --experiments 700 --runs 5 --json

For each number of synthetic experiments (bench/synthetic.py; never published), the portal is
built with ``mkdocs build`` and served on localhost; headless Debian chromium (Playwright)
then, ``--runs`` times with a cold cache:

- loads the home page and waits 1 s: every request under ``search/`` and for lunr.js is
  counted (target: 0 bytes at every size);
- focuses the header field, types the query one key at a time, and reads the page's marks:
  from the first keystroke (``i4ms-site-first-key``) to the first results in the listbox
  (``i4ms-site-first-result``); the bytes are those of every search file fetched before the
  first results, raw and gzip (level 6, as static hosts serve them).

Targets (issue 14): 700 experiments: first results <= 150 KB gzip and <= 300 ms after the first
keystroke; 10,000: <= 600 KB gzip and <= 800 ms. The full-text shards fetched after the first
results are reported too (not needed for the first results).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

try:
    from bench.browser import chromium, serve
    from bench.search_bench import items_for
    from bench.site_bench import time_build, write_portal_config
    from bench.synthetic import generate
except ImportError:  # run as a script: bench/ is on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from browser import chromium, serve
    from search_bench import items_for
    from site_bench import time_build, write_portal_config
    from synthetic import generate

from i4ms.outputs.search.site import FOLDER  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

TARGETS = {700: (150_000, 300.0), 10_000: (600_000, 800.0)}
"""experiments -> (max gzip bytes for the first results, max ms after the first keystroke)."""
QUERY = "cloud"


@dataclass
class SiteSearchFigures:
    experiments: int
    items: int
    build_seconds: float
    load_search_bytes: int
    """Bytes of search files fetched on page load, before search is opened (worst run)."""
    first_ms: list[float]
    first_raw: int
    first_gzip: int
    first_files: list[str]
    text_raw: int
    text_gzip: int
    text_files: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.first_ms)

    def verdicts(self) -> dict[str, bool | None]:
        max_gzip, max_ms = TARGETS.get(self.experiments, (None, None))
        return {
            "load_bytes": self.load_search_bytes == 0,
            "gzip": None if max_gzip is None else self.first_gzip <= max_gzip,
            "first_result": None if max_ms is None else self.median_ms <= max_ms,
        }


def _is_search(path: str) -> bool:
    return path.startswith(("search/", "assets/i4ms/lunr-"))


def _sizes(site: Path, paths: list[str]) -> tuple[int, int]:
    raw = packed = 0
    for path in dict.fromkeys(paths):
        data = (site / path).read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data, 6, mtime=0))
    return raw, packed


def browser_runs(site: Path, runs: int) -> tuple[int, list[float], list[str]]:
    load_bytes, times, first_files = 0, [], []
    with serve(site) as base, chromium() as browser:
        for _ in range(runs):
            context = browser.new_context()  # a cold cache each time
            page = context.new_page()
            fetched: list[str] = []
            page.on("request", lambda r, fetched=fetched: fetched.append(urlparse(r.url).path.lstrip("/")))
            page.goto(base)
            page.wait_for_load_state("load")
            page.wait_for_timeout(1000)
            on_load = [p for p in fetched if _is_search(p)]
            load_bytes = max(load_bytes, _sizes(site, on_load)[0] if on_load else 0)
            page.focus("#i4ms-site-q")
            page.keyboard.type(QUERY, delay=40)
            page.wait_for_function(
                "() => performance.getEntriesByName('i4ms-site-first-result').length > 0", timeout=60_000)
            key, first = page.evaluate(
                "() => [performance.getEntriesByName('i4ms-site-first-key')[0].startTime, "
                "performance.getEntriesByName('i4ms-site-first-result')[0].startTime]")
            times.append(first - key)
            first_files = [urlparse(u).path.lstrip("/") for u in page.evaluate(
                "c => performance.getEntriesByType('resource').filter(e => e.startTime <= c)"
                ".map(e => e.name)", first)]
            first_files = [p for p in first_files if _is_search(p)]
            context.close()
    return load_bytes, times, first_files


def bench(experiments: int, workdir: Path, runs: int) -> SiteSearchFigures:
    n = items_for(experiments)
    content = workdir / "content"
    generate(content, n, seed=0)
    config = write_portal_config(workdir / "portal", content)
    site = workdir / "portal" / "site"
    build_s = min(wall for wall, _ in time_build(config, site, 1))
    load_bytes, times, files = browser_runs(site, runs)
    raw, packed = _sizes(site, files)
    shards = sorted(p.relative_to(site).as_posix() for p in (site / FOLDER).glob("text-*.json"))
    text_raw, text_gzip = _sizes(site, shards)
    return SiteSearchFigures(experiments, n, build_s, load_bytes, times, raw, packed, files,
                             text_raw, text_gzip, len(shards))


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def report(f: SiteSearchFigures) -> str:
    v = f.verdicts()
    max_gzip, max_ms = TARGETS.get(f.experiments, (None, None))

    def judged(ok: bool | None, target: str) -> str:
        return "" if ok is None else f"  (target {target}: {'met' if ok else 'NOT met'})"

    return "\n".join([
        f"== {f.experiments:,} synthetic experiments ({f.items:,} items), "
        f"portal build {f.build_seconds:.1f} s ==",
        f"search bytes fetched on page load: {f.load_search_bytes}" + judged(v["load_bytes"], "0"),
        f"first results after the first keystroke: median {f.median_ms:.0f} ms of {len(f.first_ms)} "
        f"{[round(x) for x in f.first_ms]}" + judged(v["first_result"], f"{max_ms:.0f} ms" if max_ms else ""),
        f"fetched for them: {_kb(f.first_raw)} raw / {_kb(f.first_gzip)} gzip ({', '.join(f.first_files)})"
        + judged(v["gzip"], _kb(max_gzip) if max_gzip else ""),
        f"full-text shards, fetched after the first results: {f.text_files} files, "
        f"{_kb(f.text_raw)} raw / {_kb(f.text_gzip)} gzip",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--experiments", type=int, nargs="+", default=[700, 10_000])
    parser.add_argument("--runs", type=int, default=5, help="cold page loads per size")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    out = []
    for experiments in args.experiments:
        with tempfile.TemporaryDirectory(prefix="i4ms-site-search-bench-") as tmp:
            figures = bench(experiments, Path(tmp), args.runs)
        out.append(figures)
        if not args.json:
            print(report(figures), flush=True)
    if args.json:
        print(json.dumps([{**asdict(f), "met": f.verdicts()} for f in out], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
