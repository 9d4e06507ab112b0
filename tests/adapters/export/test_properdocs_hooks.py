"""The repository's mkdocs.yml with our hooks, built by ProperDocs 1.6.7 (MkDocs removed from
its venv) and by MkDocs 1.6.1: every file of the two sites is the same, apart from the
generator tag (and sitemap.xml.gz, compared decompressed: gzip stamps its own time)."""

from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path

from conftest import FIXTURE, REPO, engine, environ
from helpers.tools import MKDOCS

from i4ms.adapters.mkdocs.config import portable_config

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(command: list[str], folder: Path) -> Path:
    config = portable_config(REPO, FIXTURE, folder)
    site = folder / "site"
    run = subprocess.run([*command, "build", "--strict", "-f", str(config), "-d", str(site)],
                         capture_output=True, text=True, env=environ(), timeout=600)
    assert run.returncode == 0, f"{command[0]} build failed:\n{(run.stdout + run.stderr)[-3000:]}"
    return site


def _files(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = _GENERATOR.sub(b"<generator>", data)
    return out


def test_properdocs_with_hooks_builds_the_mkdocs_site(tmp_path: Path) -> None:
    properdocs = engine("properdocs")
    check = subprocess.run([str(properdocs.parent / "python"), "-c",
                            "import importlib.util as u; print(u.find_spec('mkdocs') is None)"],
                           capture_output=True, text=True)
    assert check.stdout.strip() == "True", "mkdocs is installed beside ProperDocs: run scripts/engines.sh"
    ours = _files(_build([str(properdocs)], tmp_path / "properdocs"))
    theirs = _files(_build(MKDOCS, tmp_path / "mkdocs"))
    assert len(ours) > 100
    assert sorted(ours) == sorted(theirs)
    different = [path for path in ours if ours[path] != theirs[path]]
    assert different == []
