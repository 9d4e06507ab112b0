"""The browser packages the site copies in (lunr.js, Decap CMS, the map's country shapes):
installed from the npm registry by ``scripts/setup.sh`` (``npm ci``, exactly as
``package-lock.json`` pins them), read here at build time, never committed, never a CDN.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


class NpmError(RuntimeError):
    pass


def find_node_modules(start: Path | None = None) -> Path:
    """The ``node_modules`` folder of the project: in ``start`` or the nearest folder above."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "node_modules").is_dir() and (folder / "package.json").is_file():
            return folder / "node_modules"
    raise NpmError(f"no node_modules folder in {here} or above: run `npm ci` in the repository "
                   "(bash scripts/setup.sh does)")


@cache
def _pins(project: Path) -> dict[str, str]:
    data = json.loads((project / "package.json").read_text(encoding="utf-8"))
    return {**data.get("dependencies", {}), **data.get("devDependencies", {})}


def package_file(node_modules: Path, package: str, path: str) -> bytes:
    """``path`` inside the installed ``package``, refused unless the installed version is the
    one ``package.json`` pins (a stale ``node_modules`` would ship another file)."""
    pin = _pins(node_modules.parent).get(package)
    if pin is None:
        raise NpmError(f"{package}: not in package.json")
    meta = node_modules / package / "package.json"
    if not meta.is_file():
        raise NpmError(f"{package} {pin} is not installed in {node_modules}: run `npm ci`")
    installed = json.loads(meta.read_text(encoding="utf-8")).get("version")
    if installed != pin:
        raise NpmError(f"{package}: {installed} is installed, package.json pins {pin}: run `npm ci`")
    file = node_modules / package / path
    if not file.is_file():
        raise NpmError(f"{package} {pin}: {path} not found in {file.parent}")
    return file.read_bytes()
