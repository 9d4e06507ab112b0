"""Build the real MkDocs site from any content folder into any directory, in a subprocess.

The temporary mkdocs.yml copies the repository's, with absolute paths, so the build reads the
repository's docs, theme overrides and hooks wherever the site is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from i4ms.adapters.mkdocs.config import portable_config

REPO = Path(__file__).resolve().parents[2]


def write_config(folder: Path, content: Path) -> Path:
    return portable_config(REPO, content, folder)


def build(content: Path, site: Path, epoch: int, hash_seed: int = 0) -> Path:
    """``mkdocs build --strict`` with ``SOURCE_DATE_EPOCH`` (and a chosen ``PYTHONHASHSEED``)."""
    site.parent.mkdir(parents=True, exist_ok=True)
    config = write_config(site.parent, content)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": str(hash_seed),
           "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
         "-d", str(site)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")
    return site


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site: relative path -> bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}
