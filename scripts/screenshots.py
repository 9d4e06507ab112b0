"""The README's pictures of the portal, made from the current build of the real content.

    .venv/bin/python scripts/screenshots.py              # build content/, then shoot
    .venv/bin/python scripts/screenshots.py --site site/ # shoot a site built already

Builds the real site with the repository's mkdocs.yml (into a temporary folder), serves it on
localhost and takes, in Debian's chromium driven by Playwright (never a downloaded browser),
the first screen of home, an experiment, the calls page and Find support at 375 px (a phone)
and 1366 px (a desktop), as PNG files in docs/screenshots/ (named page-width.png). Only the
first screen: the pictures stay small enough to commit, and show what a visitor meets first.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # bench/ holds the browser settings and the local server

from bench.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.gzip_server import serve  # noqa: E402
from i4ms.adapters.mkdocs.config import portable_config  # noqa: E402

OUT = REPO / "docs" / "screenshots"
PAGES = {"home": "", "experiment": "experiments/capsule/", "calls": "calls/",
         "find-support": "find-support/"}
SCREENS = {375: 812, 1366: 900}
"""Width -> height of the first screen (an ordinary phone; a common laptop)."""


def build(workdir: Path) -> Path:
    """The real content built with the repository's mkdocs.yml; returns the site folder."""
    config = portable_config(REPO, REPO / "content", workdir)
    site = workdir / "site"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                          str(config), "-d", str(site)], cwd=REPO, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if run.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{run.stderr[-3000:]}")
    return site


def shoot(site: Path, out: Path) -> list[Path]:
    """Every page at every width, once the page has settled (scripts run, data loaded)."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for width, height in SCREENS.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              device_scale_factor=1, reduced_motion="reduce",
                                              is_mobile=width < 800, has_touch=width < 800)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    page.evaluate("document.fonts.ready")
                    target = out / f"{name}-{width}.png"
                    page.screenshot(path=str(target), animations="disabled", caret="hide")
                    written.append(target)
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site built already (default: build content/)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the PNG files go")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="i4ms-screenshots-") as tmp:
        site = args.site.resolve() if args.site else build(Path(tmp))
        for path in shoot(site, args.out):
            print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path} "
                  f"({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
