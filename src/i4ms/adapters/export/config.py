"""The exported tree's ``mkdocs.yml``: the project's own settings, minus everything ours.

Kept: site name, description and URL, the theme (Material, its features, palette, no web
fonts), the nav, extra CSS and JavaScript, plugins, ``strict`` and directory URLs. Dropped:
``hooks`` (the point of the export), ``watch`` and our ``extra.i4ms_*`` settings (nothing
reads them), and the theme's ``custom_dir`` is the tree's own ``overrides/`` (one template
that prints our ``<head>`` markup; the project's static theme files are copied into docs).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

DOCS = "docs"
OVERRIDES = "overrides"

_DROPPED = ("hooks", "watch", "docs_dir", "site_dir")


class ExportConfigError(ValueError):
    pass


def read_project_config(path: Path) -> dict[str, Any]:
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExportConfigError(f"{path}: cannot read the configuration: {err}") from None
    if not isinstance(config, dict):
        raise ExportConfigError(f"{path}: not a mapping of settings")
    for key in ("site_name", "site_url"):
        if not config.get(key):
            raise ExportConfigError(f"{path}: {key} must be set (badge embed codes and feeds use it)")
    return config


def exported_config(config: dict[str, Any], page_path: Callable[[str], str]) -> dict[str, Any]:
    """``page_path``: where a page of the nav is written in the tree."""
    out = {k: v for k, v in config.items() if k not in _DROPPED}
    if "nav" in config:
        out["nav"] = _nav(config["nav"], page_path)
    out["docs_dir"] = DOCS
    theme = dict(config.get("theme") or {})
    if isinstance(config.get("theme"), str):
        theme = {"name": config["theme"]}
    theme["custom_dir"] = OVERRIDES
    out["theme"] = theme
    extra = {k: v for k, v in (config.get("extra") or {}).items() if not str(k).startswith("i4ms_")}
    if extra:
        out["extra"] = extra
    else:
        out.pop("extra", None)
    return out


def _nav(entry: Any, page_path: Callable[[str], str]) -> Any:
    if isinstance(entry, str):
        return entry if "://" in entry else page_path(entry)
    if isinstance(entry, list):
        return [_nav(e, page_path) for e in entry]
    if isinstance(entry, dict):
        return {k: _nav(v, page_path) for k, v in entry.items()}
    return entry


def write_config(config: dict[str, Any], path: Path) -> None:
    text = ("# Written by `i4ms export`: the site as plain Markdown pages, no hooks.\n"
            + yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    path.write_text(text, encoding="utf-8")
