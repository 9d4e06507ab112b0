"""Build a site from a content folder with the project's real mkdocs.yml, serve it locally,
and watch what a page does in the browser: the helpers every end-to-end folder shares."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# Re-exported: the browser and the local server are bench/'s, which benchmarks pages too.
from bench.browser import CHROMIUM as CHROMIUM
from bench.browser import CHROMIUM_ARGS as CHROMIUM_ARGS
from bench.browser import serve as serve
from helpers.tools import MKDOCS
from i4ms.adapters.mkdocs.config import portable_config

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "site"

XSS = "<script>window.__xss=1</script>"
PAYLOADS = {
    "title": 'Tom & Jerry <b>bold</b> "quoted" \'single\' </title><script>window.__xss=1</script>',
    "summary": f'<img src=x onerror="window.__xss=1"> a < b && c > d {XSS}',
    "name": '"><svg onload=window.__xss=1> Evil & Co <i>x</i>',
    "label": '" onmouseover="window.__xss=1" x="',
}

def write_config(folder: Path, content: Path, extra: dict | None = None) -> Path:
    """The repository's mkdocs.yml with every path made absolute, pointed at ``content``
    (``extra`` adds to its ``extra`` settings)."""
    return portable_config(REPO, content, folder, extra)


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(content: Path, out: Path, extra: dict | None = None,
          environ: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    config = write_config(out.parent, content, extra)
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True, text=True, env={**env(), **(environ or {})}, timeout=600,
    )


def built(tmp_path_factory: Any, name: str, content: Path) -> Path:
    """A site built once from ``content`` into a new temporary folder (fixtures call this);
    a failed build fails the caller with the end of its log."""
    out = tmp_path_factory.mktemp(name) / "site"
    run = build(content, out)
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def build_past_validation(content: Path, out: Path, extra: dict | None = None,
                          environ: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build with the script check switched off: templates must be safe on their own."""
    config = write_config(out.parent, content, extra)
    script = (
        "import i4ms.content.loader as loader\n"
        "loader.safety_problems = lambda *args, **kwargs: []\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        f"build(load_config({str(config)!r}, site_dir={str(out)!r}))\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**env(), **(environ or {})}, timeout=600)


class Watched:
    """A page that records console errors, failed requests, dialogs and every URL it asked for."""

    def __init__(self, page: Any):
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", self._failed)
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def _failed(self, request: Any) -> None:
        """A fetch the browser dropped because the test moved to another page is no error."""
        if "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"failed: {request.url} ({request.failure})")

    def off_site(self, base_url: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(base_url)]
