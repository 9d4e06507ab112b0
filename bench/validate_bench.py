"""How long `i4ms validate` takes on N synthetic items (target: N=10,000 under 3 s).

    .venv/bin/python bench/validate_bench.py --n 10000
    .venv/bin/python bench/validate_bench.py --n 10000 --profile   # top hotspots, in-process

Generates N items into a temporary directory (bench/synthetic.py), then times the real
console script as a subprocess (best of --repeat runs, process start-up included) and the
in-process load (``load_content`` + ``check``, best of --repeat). Synthetic data only; the
directory is deleted afterwards unless --keep is given.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from bench.synthetic import generate
except ImportError:  # run as a script: bench/ is on sys.path
    from synthetic import generate

TARGET_N = 10_000
TARGET_S = 3.0


def console_script() -> str:
    beside = Path(sys.executable).parent / "i4ms"
    found = str(beside) if beside.exists() else shutil.which("i4ms")
    if not found:
        sys.exit("i4ms console script not found: install the package into the venv")
    return found


def time_subprocess(content: Path, repeat: int) -> list[float]:
    command = [console_script(), "validate", str(content)]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if run.returncode != 0:
            print(run.stdout[-3000:], run.stderr[-3000:], sep="\n")
            sys.exit(f"i4ms validate exited {run.returncode} on synthetic data")
    return times


def time_in_process(content: Path, repeat: int) -> tuple[list[float], list[float]]:
    from i4ms.content.loader import load_content
    from i4ms.graph.build import check

    loads, checks = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        loaded = load_content(content)
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        problems = check(loaded)
        checks.append(time.perf_counter() - started)
        if problems:
            sys.exit(f"{len(problems)} problems in synthetic data, first: {problems[0].text()}")
    return loads, checks


def profile(content: Path, top: int) -> str:
    from i4ms.content.loader import load_content
    from i4ms.graph.build import check

    profiler = cProfile.Profile()
    profiler.enable()
    check(load_content(content))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=TARGET_N, help="number of items")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one counts")
    parser.add_argument("--profile", action="store_true", help="print cProfile hotspots")
    parser.add_argument("--keep", type=Path, help="generate here and keep it")
    args = parser.parse_args(argv)

    tmp = None
    if args.keep:
        content = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="i4ms-bench-")
        content = Path(tmp.name) / "content"
    try:
        started = time.perf_counter()
        counts = generate(content, args.n, args.seed)
        took = time.perf_counter() - started
        size = sum(f.stat().st_size for f in content.rglob("*.md"))
        print(f"generate N={args.n}: {took:.2f} s ({size / 1e6:.1f} MB; "
              + ", ".join(f"{v} {k}" for k, v in counts.items()) + ")")

        times = time_subprocess(content, args.repeat)
        best = min(times)
        print(f"validate N={args.n}: {best:.2f} s (best of {args.repeat}; runs: "
              + ", ".join(f"{t:.2f}" for t in times) + ")")
        loads, checks = time_in_process(content, args.repeat)
        print(f"in-process N={args.n}: load_content {min(loads):.2f} s + check "
              f"{min(checks):.2f} s (best of {args.repeat})")
        if args.n == TARGET_N:
            verdict = "OK" if best < TARGET_S else "OVER"
            print(f"target N={TARGET_N} under {TARGET_S:.0f} s: {verdict}")
        if args.profile:
            print(profile(content, 25))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
