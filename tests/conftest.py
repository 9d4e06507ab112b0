"""Shared fixtures: where the fixture content lives, and `i4ms validate` run in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from i4ms.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture
def repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so problem paths read `tests/fixtures/...` as in CI."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def site_dir() -> Path:
    """The small valid site; end-to-end tests build it too."""
    return FIXTURES / "site"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``cli("validate", path, ...)`` -> (exit code, stdout, stderr) of ``i4ms.cli.main``."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
