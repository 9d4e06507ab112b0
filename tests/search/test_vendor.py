"""lunr.js comes from the installed mkdocs package and must be the version our index targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from i4ms.outputs.search import vendor


def test_lunr_js_is_2_3_9_from_mkdocs() -> None:
    data = vendor.lunr_js()
    assert b"lunr - http://lunrjs.com" in data[:200] and b"2.3.9" in data[:200]
    assert "mkdocs" in vendor.lunr_js_file().parts


def test_another_version_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "lunr.js"
    fake.write_text("/** lunr - http://lunrjs.com - 2.4.0 */")
    monkeypatch.setattr(vendor, "lunr_js_file", lambda: fake)
    with pytest.raises(vendor.VendorError, match="not version 2.3.9"):
        vendor.lunr_js()


def test_a_missing_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(vendor, "lunr_js_file", lambda: tmp_path / "nope.js")
    with pytest.raises(vendor.VendorError, match="not found"):
        vendor.lunr_js()
