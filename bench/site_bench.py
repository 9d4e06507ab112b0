"""How long the portal build takes against a plain mkdocs-material site of the same size.

    .venv/bin/python bench/site_bench.py --n 1000 10000
    .venv/bin/python bench/site_bench.py --n 1000 --repeat 3 --json
    .venv/bin/python bench/site_bench.py --n 10000 --keep /tmp/site-bench   # keep for profiling

For each N, in the same run on the same machine:

- portal: N synthetic items (bench/synthetic.py) built with ``mkdocs build --strict`` from a
  copy of the repository's mkdocs.yml whose paths are absolute and whose
  ``extra.i4ms_content`` points at the synthetic content (the mechanism the end-to-end tests
  use), so the repository's docs, theme overrides and hooks are the ones measured;
- plain: one Markdown page per synthetic item (its title as heading, its body text as a
  paragraph) plus an index, a nav of 5 entries, ``theme: {name: material, font: false}`` and
  the search plugin, built with the same command.

Only the wall time of the ``mkdocs build`` subprocess counts (not the generation); the best of
--repeat runs is kept. Targets (the issue): portal <= 1.1x plain, N=10,000 under 90 s, no
HTML page over 200 KB (200,000 bytes). Synthetic data only, in a temporary directory that is
deleted afterwards unless --keep is given; never published.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from i4ms.adapters.mkdocs.config import portable_config

try:
    from bench.synthetic import generate
except ImportError:  # run as a script, or loaded by path from a test: import the sibling
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import generate

REPO = Path(__file__).resolve().parents[1]

TARGET_RATIO = 1.1
TARGET_N = 10_000
TARGET_S = 90.0
PAGE_LIMIT = 200_000  # bytes: "no HTML page over 200 KB"
NAV_ENTRIES = 5


@dataclass
class SiteFigures:
    """What one built site costs: best build time, and what it wrote."""

    seconds: float
    runs: list[float]
    cpu_seconds: float  # user + sys of the best run, forked page worker included
    size_bytes: int
    html_pages: int
    largest_page: str
    largest_bytes: int
    pages_over_limit: list[str]


@dataclass
class BenchResult:
    """Both sites at one N, with the targets judged, so the text and JSON say the same."""

    n: int
    seed: int
    repeat: int
    counts: dict[str, int]
    generate_seconds: float
    portal: SiteFigures
    plain: SiteFigures

    @property
    def ratio(self) -> float:
        return self.portal.seconds / self.plain.seconds

    def verdicts(self) -> dict[str, bool | None]:
        """Each target met (True), missed (False) or not applicable at this N (None)."""
        return {
            "ratio": self.ratio <= TARGET_RATIO,
            "time": self.portal.seconds < TARGET_S if self.n == TARGET_N else None,
            "page_size": not self.portal.pages_over_limit,
        }

    def to_json(self) -> dict:
        data = asdict(self)
        data["ratio"] = round(self.ratio, 3)
        data["targets"] = {"ratio_max": TARGET_RATIO, "n": TARGET_N, "seconds_max": TARGET_S,
                           "page_bytes_max": PAGE_LIMIT}
        data["met"] = self.verdicts()
        return data


def write_portal_config(folder: Path, content: Path) -> Path:
    """The repository's mkdocs.yml with absolute paths, pointed at ``content``."""
    return portable_config(REPO, content, folder)


def _item_text(path: Path) -> tuple[str, str]:
    """An item's title (or name) and its body as one paragraph, section headings dropped."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    title = str(meta.get("title") or meta.get("name") or path.stem)
    lines = [line.strip() for line in body.splitlines()]
    text = " ".join(line for line in lines if line and not line.startswith("#"))
    return title, text


def write_plain_site(folder: Path, content: Path) -> tuple[Path, int]:
    """A plain Material site with one page per synthetic item; returns (mkdocs.yml, pages).

    The baseline the portal is compared with: the same amount of text, the same theme and
    search plugin, but no hooks, overrides, cards, badges or cross-links. Only 5 pages are in
    the nav, as in the portal, so a huge nav does not dominate the plain build.
    """
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    items = sorted(content.glob("*/*.md"))
    nav: list[dict[str, str]] = [{"Home": "index.md"}]
    seen: set[str] = set()
    for item in items:
        title, text = _item_text(item)
        rel = f"{item.parent.name}/{item.name}"
        (docs / item.parent.name).mkdir(exist_ok=True)
        (docs / rel).write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
        if item.parent.name not in seen and len(nav) < NAV_ENTRIES:
            seen.add(item.parent.name)
            nav.append({title: rel})
    (docs / "index.md").write_text(
        "# Plain site\n\nSynthetic benchmark data, not published.\n", encoding="utf-8"
    )
    config = {
        "site_name": "Plain Material baseline",
        "site_url": "https://example.invalid/plain/",
        "docs_dir": str(docs),
        "strict": True,
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": nav,
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path, len(items)


def time_build(config: Path, out: Path, repeat: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each ``mkdocs build --strict`` subprocess, from an empty output dir.

    CPU is user + sys of the build and every process it waited for (the portal forks a page
    worker), so CPU above wall shows how much of the build ran in parallel. Each build starts
    with the disk's write-back done (``os.sync``): the kernel flushing the previous build's
    output otherwise slowed the next one's writes, whichever site it was (measured here: 1.6 s
    instead of 0.1 s to write 1,000 pages).
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
               "-d", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        os.sync()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
        if run.returncode != 0:
            raise RuntimeError(f"mkdocs build -f {config} exited {run.returncode}:\n"
                               f"{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return times


def measure(site: Path, runs: list[tuple[float, float]]) -> SiteFigures:
    """Size of everything written, and the HTML pages (count, largest, over the limit)."""
    size = 0
    pages: list[tuple[int, str]] = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        bytes_ = path.stat().st_size
        size += bytes_
        if path.suffix == ".html":
            pages.append((bytes_, path.relative_to(site).as_posix()))
    largest_bytes, largest = max(pages) if pages else (0, "")
    best_wall, best_cpu = min(runs)
    return SiteFigures(
        seconds=best_wall, runs=[wall for wall, _ in runs], cpu_seconds=best_cpu,
        size_bytes=size, html_pages=len(pages),
        largest_page=largest, largest_bytes=largest_bytes,
        pages_over_limit=sorted(p for b, p in pages if b > PAGE_LIMIT),
    )


def bench(n: int, workdir: Path, seed: int = 0, repeat: int = 1) -> BenchResult:
    """Generate N items into ``workdir`` and build both sites there; return the figures."""
    content = workdir / "content"
    started = time.perf_counter()
    counts = generate(content, n, seed)
    took = time.perf_counter() - started

    portal_config = write_portal_config(workdir / "portal", content)
    plain_config, _ = write_plain_site(workdir / "plain", content)
    # Alternate the two builds, so a slow spell of a shared machine falls on both alike.
    portal_runs: list[tuple[float, float]] = []
    plain_runs: list[tuple[float, float]] = []
    for _ in range(repeat):
        portal_runs += time_build(portal_config, workdir / "portal" / "site", 1)
        plain_runs += time_build(plain_config, workdir / "plain" / "site", 1)
    portal = measure(workdir / "portal" / "site", portal_runs)
    plain = measure(workdir / "plain" / "site", plain_runs)
    return BenchResult(n=n, seed=seed, repeat=repeat, counts=counts, generate_seconds=took,
                       portal=portal, plain=plain)


def _ok(met: bool | None) -> str:
    return "n/a" if met is None else "OK" if met else "MISSED"


def report(result: BenchResult) -> str:
    """The figures of one N as text, each target beside the figure it judges."""
    portal, plain, met = result.portal, result.plain, result.verdicts()
    runs = f"best of {result.repeat}" if result.repeat > 1 else "1 run"

    def row(label: str, a: str, b: str, note: str = "") -> str:
        return f"  {label:<16}{a:>12}{b:>12}   {note}".rstrip()

    lines = [
        f"N={result.n} (seed {result.seed}; generated in {result.generate_seconds:.1f} s: "
        + ", ".join(f"{v} {k}" for k, v in result.counts.items()) + ")",
        row("", "portal", "plain"),
        row("build s", f"{portal.seconds:.2f}", f"{plain.seconds:.2f}",
            f"{runs}; runs portal " + ", ".join(f"{t:.2f}" for t in portal.runs)
            + " / plain " + ", ".join(f"{t:.2f}" for t in plain.runs)),
        row("CPU s", f"{portal.cpu_seconds:.2f}", f"{plain.cpu_seconds:.2f}",
            "user + sys of the best run, page worker included"),
        row("ratio", f"{result.ratio:.2f}x", "",
            f"target <= {TARGET_RATIO}x: {_ok(met['ratio'])}"),
        row("output MB", f"{portal.size_bytes / 1e6:.1f}", f"{plain.size_bytes / 1e6:.1f}"),
        row("HTML pages", f"{portal.html_pages}", f"{plain.html_pages}"),
        row("largest HTML KB", f"{portal.largest_bytes / 1e3:.1f}",
            f"{plain.largest_bytes / 1e3:.1f}",
            f"portal: {portal.largest_page}; plain: {plain.largest_page}"),
        row("pages > 200 KB", f"{len(portal.pages_over_limit)}",
            f"{len(plain.pages_over_limit)}", f"target none: {_ok(met['page_size'])}"
            + ("; " + ", ".join(portal.pages_over_limit[:5]) if portal.pages_over_limit else "")),
    ]
    if met["time"] is not None:
        lines.append(f"  target N={TARGET_N} portal under {TARGET_S:.0f} s: "
                     f"{portal.seconds:.1f} s, {_ok(met['time'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, TARGET_N],
                        help="numbers of items, one benchmark each")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each site; best counts")
    parser.add_argument("--json", action="store_true", help="print machine-readable figures")
    parser.add_argument("--keep", type=Path,
                        help="work here (one subfolder per N) and keep it, e.g. for profiling")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    results = []
    for n in args.n:
        if args.keep:
            workdir = args.keep / f"n{n}"
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
            result = bench(n, workdir, args.seed, args.repeat)
        else:
            with tempfile.TemporaryDirectory(prefix="i4ms-site-bench-") as tmp:
                result = bench(n, Path(tmp), args.seed, args.repeat)
        results.append(result)
        if not args.json:
            print(report(result), flush=True)
    if args.json:
        print(json.dumps([r.to_json() for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
