"""/admin/ in the build: Decap's page, the generated configuration, its JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from i4ms.content.cms_config import CONFIG_PATH
from i4ms.outputs.cms import admin

REPO = Path(__file__).resolve().parents[2]


def test_missing_node_modules_stops_the_build_naming_npm_ci(tmp_path: Path) -> None:
    with pytest.raises(admin.MissingCms, match="npm ci"):
        admin.dist_folder(tmp_path)


def test_the_page_loads_only_the_local_bundle() -> None:
    assert "http" not in admin.INDEX
    assert '<script src="decap-cms.js"></script>' in admin.INDEX


def test_the_bundle_and_its_chunks_are_copied_not_the_source_maps() -> None:
    names = [p.name for p in admin.files(admin.dist_folder())]
    assert names[0] == "decap-cms.js"
    assert any(n.endswith(".decap-cms.js") for n in names)
    assert not any(n.endswith(".map") or n.endswith(".cms.js") and not n.endswith("decap-cms.js")
                   for n in names)


def test_the_served_configuration_is_the_committed_one() -> None:
    from i4ms.content.cms_config import render
    from i4ms.content.loader import load_taxonomy

    taxonomy, _, _ = load_taxonomy(REPO / "content")
    served = render(taxonomy)
    assert served == (REPO / CONFIG_PATH).read_text(encoding="utf-8")
    assert yaml.safe_load(served)["collections"]
