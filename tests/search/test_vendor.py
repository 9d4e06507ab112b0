"""lunr.js comes from the npm package that package.json pins, in the version our index targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from i4ms.content.npm import NpmError, find_node_modules
from i4ms.outputs.search import vendor

REPO = Path(__file__).resolve().parents[2]


def test_lunr_js_is_2_3_9_from_the_pinned_npm_package() -> None:
    data = vendor.lunr_js(find_node_modules(REPO))
    assert b"lunr - http://lunrjs.com" in data[:200] and b"2.3.9" in data[:200]


def _fake_project(tmp_path: Path, pin: str, installed: str, text: str) -> Path:
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"lunr": pin}}))
    pkg = tmp_path / "node_modules" / "lunr"
    pkg.mkdir(parents=True)
    (pkg / "package.json").write_text(json.dumps({"version": installed}))
    (pkg / "lunr.js").write_text(text)
    return tmp_path / "node_modules"


def test_another_version_is_refused(tmp_path: Path) -> None:
    modules = _fake_project(tmp_path, "2.3.9", "2.3.9", "/** lunr - http://lunrjs.com - 2.4.0 */")
    with pytest.raises(vendor.VendorError, match="not version 2.3.9"):
        vendor.lunr_js(modules)


def test_a_stale_install_says_run_npm_ci(tmp_path: Path) -> None:
    modules = _fake_project(tmp_path, "2.3.9", "2.3.8", "/** lunr - 2.3.8 */")
    with pytest.raises(NpmError, match="2.3.8 is installed, package.json pins 2.3.9: run `npm ci`"):
        vendor.lunr_js(modules)


def test_no_node_modules_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NpmError, match="run `npm ci`"):
        find_node_modules(tmp_path)
