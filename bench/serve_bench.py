"""How long `mkdocs serve` takes from an edit of one experiment to the reloaded page.

    .venv/bin/python bench/serve_bench.py               # 700 synthetic experiments, then the real content
    .venv/bin/python bench/serve_bench.py --experiments 700 --edits 7 --json
    .venv/bin/python bench/serve_bench.py --no-real              # the synthetic run only
    .venv/bin/python bench/serve_bench.py --on-disk --no-real    # and serve's folder on disk (baseline)
    .venv/bin/python bench/serve_bench.py --poll --no-real       # and MkDocs' polling watcher (baseline)

For each content folder (N synthetic experiments from bench/synthetic.py, then a copy of the
repository's own ``content/`` as the baseline of the same run), in a temporary directory:

1. ``mkdocs serve`` starts on a free loopback port with the repository's mkdocs.yml made
   portable (absolute paths, ``extra.i4ms_content`` pointed at the copy), as the end-to-end
   tests do, and its first build is waited for;
2. Debian's Chromium (Playwright, headless) opens one experiment's page;
3. ``--edits`` times: that experiment's ``title:`` is rewritten on disk, and the clock runs
   until the open page's ``<h1>`` shows the new title, reloaded by serve's own livereload
   (noticing the change, the rebuild, the browser's reload and the new page's load); then
   until the site search's titles file is served with the new title (the files no page
   needs, search and open data, are written after the reload under serve);
4. after the last edit, the project page listing the experiment is checked for the new title
   (a reload that showed a stale project page would time the wrong thing).

The first edit often pays for warming caches; median and best of all edits are printed, and
the issue's target (at most 2 s at 700 synthetic experiments) is judged on the median. The
server's log marks (change detected, rebuild done) split each figure into watching, building
and reloading. Synthetic data only, never published; the copy of the real content is edited,
never the repository's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

try:
    from bench.browser import chromium, start_server, stop
    from bench.search_bench import items_for
    from bench.synthetic import generate
except ImportError:  # run as a script, or loaded by path from a test: import the siblings
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from browser import chromium, start_server, stop
    from search_bench import items_for
    from synthetic import generate

from i4ms.adapters.mkdocs.config import portable_config
from i4ms.outputs.search.site import TITLES_PATH as TITLES

REPO = Path(__file__).resolve().parents[1]
TARGET_S = 2.0
TARGET_EXPERIMENTS = 700
START_TIMEOUT = 600.0
RELOAD_TIMEOUT = 120.0
_TITLE = re.compile(r"^title:.*$", re.M)


@dataclass
class ServeFigures:
    """One content folder served: each edit's time to the reloaded page, and its parts."""

    label: str
    experiments: int
    first_build_s: float
    reload_s: list[float]
    """From the write of the edited file to the new title in the open page's heading."""
    detect_s: list[float | None] = field(default_factory=list)
    """From the write to serve's "Building documentation..." (file-change polling)."""
    built_s: list[float | None] = field(default_factory=list)
    """From the write to serve's "Reloading browsers" (the rebuild is done)."""
    files_s: list[float | None] = field(default_factory=list)
    """From the write to the site search's titles file served with the new title: the files
    no page needs are written after the reload (i4ms.adapters.mkdocs.build)."""
    cpu_s: list[float] = field(default_factory=list)
    """CPU seconds the serve process and its workers (Node included) spent per edit: unlike
    the wall times, hardly changed by other work on a shared machine."""
    project_updated: bool = False

    @property
    def median_s(self) -> float:
        return statistics.median(self.reload_s)

    @property
    def best_s(self) -> float:
        return min(self.reload_s)

    def to_json(self) -> dict:
        data = asdict(self)
        data.update(median_s=round(self.median_s, 3), best_s=round(self.best_s, 3))
        return data


def _cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid`` and of its children it has waited for (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Log:
    """serve's log lines, each with the moment it arrived (a thread reads stderr)."""

    def __init__(self, stream) -> None:
        self.lines: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            with self._lock:
                self.lines.append((time.perf_counter(), line.rstrip()))

    def first_after(self, since: float, text: str) -> float | None:
        with self._lock:
            return next((t for t, line in self.lines if t >= since and text in line), None)

    def tail(self, n: int = 40) -> str:
        with self._lock:
            return "\n".join(line for _, line in self.lines[-n:])


def _wait_for(url: str, text: str, timeout: float, server: subprocess.Popen, log: _Log) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited {server.returncode}:\n{log.tail()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} never showed {text!r}:\n{log.tail()}")


def _served_with(url: str, text: str, since: float) -> float | None:
    """Seconds from ``since`` until ``url`` serves ``text`` (as JSON writes it), or None."""
    wanted = (json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1])
    deadline = time.perf_counter() + RELOAD_TIMEOUT
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                body = response.read().decode("utf-8")
            if any(w in body for w in wanted):
                return time.perf_counter() - since
        except OSError:
            pass
        time.sleep(0.02)
    return None


def pick_experiment(content: Path) -> tuple[Path, str, str]:
    """The experiment edited: the first one (by file name) of a project, with its title.

    Returns (file, title, project id); the project's page lists the experiment.
    """
    for path in sorted((content / "experiments").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if meta.get("project") and meta.get("title"):
            return path, str(meta["title"]), str(meta["project"])
    raise RuntimeError(f"no experiment with a project and a title in {content}")


def set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    line = f"title: {json.dumps(title, ensure_ascii=False)}"
    new, count = _TITLE.subn(lambda _: line, text, count=1)
    if count != 1:
        raise RuntimeError(f"{path} has no title line")
    path.write_text(new, encoding="utf-8")


def serve_and_edit(content: Path, workdir: Path, edits: int, label: str,
                   extra: dict | None = None) -> ServeFigures:
    """Serve ``content`` (edited in place: pass a copy) and time ``edits`` title edits."""
    path, title, project = pick_experiment(content)
    experiments = len(list((content / "experiments").glob("*.md")))
    config = portable_config(REPO, content, workdir, extra)
    site_url = yaml.safe_load(config.read_text(encoding="utf-8"))["site_url"]
    port = _free_port()
    base = f"http://127.0.0.1:{port}{urlparse(site_url).path}"  # serve mounts the site there
    url = f"{base}experiments/{path.stem}/"
    started = time.perf_counter()
    server = start_server(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log = _Log(server.stderr)
    figures = ServeFigures(label, experiments, 0.0, [])
    try:
        _wait_for(url, "</html>", START_TIMEOUT, server, log)
        figures.first_build_s = time.perf_counter() - started
        with chromium() as browser:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("h1")
            for i in range(edits):
                new_title = f"{title} (serve bench edit {i + 1})"
                time.sleep(1.0)  # the poller's previous scan and serve's last reload are over
                cpu_before = _cpu_seconds(server.pid)
                written = time.perf_counter()
                set_title(path, new_title)
                page.wait_for_function(
                    "t => { const h = document.querySelector('article h1, main h1, h1');"
                    " return h !== null && h.textContent.trim() === t; }",
                    arg=new_title, timeout=RELOAD_TIMEOUT * 1000, polling=20)
                figures.reload_s.append(time.perf_counter() - written)
                figures.files_s.append(_served_with(f"{base}{TITLES}", new_title, written))
                time.sleep(0.3)  # the workers are joined after their files are written
                figures.cpu_s.append(_cpu_seconds(server.pid) - cpu_before)
                detected = log.first_after(written, "Building documentation")
                built = log.first_after(written, "Reloading browsers")
                figures.detect_s.append(None if detected is None else detected - written)
                figures.built_s.append(None if built is None else built - written)
            page.goto(f"{base}projects/{project}/")
            figures.project_updated = new_title in (page.locator("main").text_content() or "")
            context.close()
    finally:
        stop(server)
    if not figures.project_updated:
        raise RuntimeError(f"projects/{project}/ does not list the edited title after reload")
    return figures


def bench_synthetic(experiments: int, workdir: Path, edits: int, seed: int = 0) -> ServeFigures:
    content = workdir / "content"
    generate(content, items_for(experiments), seed)
    return serve_and_edit(content, workdir / "serve", edits, f"{experiments} synthetic")


def bench_synthetic_on_disk(experiments: int, workdir: Path, edits: int,
                            seed: int = 0) -> ServeFigures:
    """The baseline of the same run: serve's site folder on disk, as MkDocs makes it."""
    content = workdir / "content"
    generate(content, items_for(experiments), seed)
    return serve_and_edit(content, workdir / "serve", edits, f"{experiments} synthetic, on disk",
                          {"i4ms_serve_in_memory": False})


def bench_synthetic_polling(experiments: int, workdir: Path, edits: int,
                            seed: int = 0) -> ServeFigures:
    """A baseline of the same run: MkDocs' own watcher, which polls twice a second."""
    content = workdir / "content"
    generate(content, items_for(experiments), seed)
    return serve_and_edit(content, workdir / "serve", edits, f"{experiments} synthetic, polling",
                          {"i4ms_serve_watch": "poll"})


def bench_real(workdir: Path, edits: int) -> ServeFigures:
    content = workdir / "content"
    shutil.copytree(REPO / "content", content)
    return serve_and_edit(content, workdir / "serve", edits, "real content")


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def report(figures: ServeFigures, judged: bool) -> str:
    verdict = ""
    if judged:
        verdict = f"; target <= {TARGET_S:.0f} s: " + ("OK" if figures.median_s <= TARGET_S else "MISSED")
    return "\n".join([
        f"{figures.label} ({figures.experiments} experiments; first build "
        f"{figures.first_build_s:.1f} s)",
        f"  edit -> reloaded page s: median {figures.median_s:.2f}, best {figures.best_s:.2f}"
        f"{verdict}",
        "  each edit s:    " + ", ".join(f"{t:.2f}" for t in figures.reload_s),
        "  change seen s:  " + ", ".join(_s(t) for t in figures.detect_s),
        "  rebuilt s:      " + ", ".join(_s(t) for t in figures.built_s),
        "  files s:        " + ", ".join(_s(t) for t in figures.files_s)
        + " (site search titles with the new title)",
        "  CPU s per edit: " + ", ".join(f"{t:.2f}" for t in figures.cpu_s)
        + f" (median {statistics.median(figures.cpu_s):.2f}; serve and its workers)",
        f"  project page shows the new title: {figures.project_updated}",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiments", type=int, default=TARGET_EXPERIMENTS)
    parser.add_argument("--edits", type=int, default=5, help="edits timed per content folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-real", action="store_true", help="skip the real-content baseline")
    parser.add_argument("--on-disk", action="store_true",
                        help="also the synthetic run with serve's site folder on disk")
    parser.add_argument("--poll", action="store_true",
                        help="also the synthetic run with MkDocs' own polling for changes")
    parser.add_argument("--json", action="store_true", help="print machine-readable figures")
    args = parser.parse_args(argv)
    if args.edits < 1:
        parser.error("--edits must be at least 1")
    results = []
    with tempfile.TemporaryDirectory(prefix="i4ms-serve-bench-") as tmp:
        runs = [("synthetic", lambda w: bench_synthetic(args.experiments, w, args.edits, args.seed))]
        if args.on_disk:
            runs.append(("disk", lambda w: bench_synthetic_on_disk(args.experiments, w, args.edits,
                                                                 args.seed)))
        if args.poll:
            runs.append(("poll", lambda w: bench_synthetic_polling(args.experiments, w, args.edits,
                                                                 args.seed)))
        if not args.no_real:
            runs.append(("real", lambda w: bench_real(w, args.edits)))
        for name, run in runs:
            figures = run(Path(tmp) / name)
            results.append(figures)
            if not args.json:
                print(report(figures, judged=name == "synthetic"
                             and args.experiments == TARGET_EXPERIMENTS), flush=True)
    if args.json:
        print(json.dumps([f.to_json() for f in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
