"""``/admin/``: the contributors' forms (Decap CMS), added to every build.

The configuration is generated from the models and the build's own taxonomy
(:mod:`i4ms.content.cms_config`), so the forms always ask what the models check. The
JavaScript comes from the npm package pinned in ``package-lock.json``, read from
``node_modules`` at build time: never from a CDN, never committed.
"""

from __future__ import annotations

from pathlib import Path

from i4ms.content.cms_config import render
from i4ms.outputs.plan import Asset, SitePlan
from i4ms.views.context import BuildContext

REPO = Path(__file__).resolve().parents[4]
"""The checkout the package runs from (``pip install -e``): where ``npm ci`` put node_modules."""
DIST = ("node_modules", "decap-cms", "dist")

INDEX = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Contribute – I4MS portal</title>
</head>
<body>
  <script src="decap-cms.js"></script>
</body>
</html>
"""


class MissingCms(RuntimeError):
    pass


def dist_folder(root: Path = REPO) -> Path:
    folder = root.joinpath(*DIST)
    if not (folder / "decap-cms.js").is_file():
        raise MissingCms(f"Decap CMS is not installed: {folder / 'decap-cms.js'} is missing. Run "
                         "`npm ci --no-audit --no-fund` (or scripts/setup.sh) in the repository.")
    return folder


def files(folder: Path) -> list[Path]:
    """The bundle, the chunks it loads on demand and its WebAssembly (not the source maps)."""
    wanted = [folder / "decap-cms.js", *sorted(folder.glob("*.decap-cms.js")),
              *sorted(folder.glob("*.wasm"))]
    return [p for p in wanted if p.is_file()]


def _files(ctx: BuildContext, folder: Path) -> list[Asset]:
    return [Asset("admin/index.html", INDEX), Asset("admin/config.yml", render(ctx.graph.taxonomy)),
            *(Asset(f"admin/{path.name}", path.read_bytes()) for path in files(folder))]


def declare(ctx: BuildContext, plan: SitePlan) -> None:
    """A file job: no page needs these files, and writing the configuration (YAML) and reading
    the bundle (megabytes) took a quarter of a second at the start of every build."""
    folder = dist_folder(ctx.packages().parent)  # checked here: a missing CMS fails at once
    plan.add_job(lambda: _files(ctx, folder))
