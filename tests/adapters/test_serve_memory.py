"""`mkdocs serve` builds in memory only in its own empty temp folder, and memory left by a
killed server is taken back by the next one (the real server is tested in tests/e2e_site)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from i4ms.adapters.mkdocs import staging


@pytest.fixture
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(staging, "_in_memory", None)
    monkeypatch.setattr(staging, "_command", "serve")
    memory = tmp_path / "memory"
    memory.mkdir()
    return memory


def test_serves_own_empty_folder_from_memory_and_gives_it_back(serving: Path) -> None:
    site = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    dead = serving / "i4ms-serve-999999999-x"  # no such process
    dead.mkdir()
    assert staging.serve_from_memory(site, serving)
    assert site.is_symlink() and site.resolve().parent == serving.resolve()
    assert not dead.exists()
    assert not staging.serve_from_memory(site, serving)  # once per server
    staging.leave_memory()
    assert not site.exists() and list(serving.iterdir()) == []


@pytest.mark.parametrize("case", ["build", "not empty", "other folder"])
def test_anything_else_is_left_as_mkdocs_made_it(serving: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 case: str) -> None:
    site = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    if case == "build":
        monkeypatch.setattr(staging, "_command", "build")
    elif case == "not empty":
        (site / "index.html").write_text("x")
    else:
        site = tmp_path / "site"
        site.mkdir()
    assert not staging.serve_from_memory(site, serving)
    assert site.is_dir() and not site.is_symlink() and list(serving.iterdir()) == []
