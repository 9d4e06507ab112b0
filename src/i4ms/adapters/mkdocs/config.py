"""A copy of a project's ``mkdocs.yml`` that builds any content folder from anywhere.

Tests and benchmarks build temporary sites with the project's real configuration: every path
in it is made absolute (docs, overrides, hooks, npm packages), and ``extra.i4ms_content``
points at the content to build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def portable_config(project: Path, content: Path, folder: Path,
                    extra: dict[str, Any] | None = None) -> Path:
    """Write ``folder/mkdocs.yml``: the project's configuration, pointed at ``content``."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(project / config.get("docs_dir", "docs"))
    config["theme"]["custom_dir"] = str(project / config["theme"]["custom_dir"])
    config["hooks"] = [str(project / h) for h in config.get("hooks", [])]
    settings = config.setdefault("extra", {})
    settings["i4ms_content"] = str(content.resolve())
    settings["i4ms_node_modules"] = str(project / settings.get("i4ms_node_modules", "node_modules"))
    settings.update(extra or {})
    config["watch"] = [str(content.resolve())]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path
