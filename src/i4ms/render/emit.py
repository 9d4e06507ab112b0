"""Writing files into a site folder: the one place a build puts bytes on disk."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from i4ms.outputs.plan import Asset


def write_assets(assets: Iterable[Asset], site_dir: Path) -> int:
    """Write each file under ``site_dir``; how many were written."""
    count = 0
    for asset in assets:
        path = site_dir / asset.path
        path.parent.mkdir(parents=True, exist_ok=True)
        data = asset.content.encode("utf-8") if isinstance(asset.content, str) else asset.content
        path.write_bytes(data)
        count += 1
    return count
