"""Sites built once per test session: the open-data fixture content twice (to compare), and
once more at another build moment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.opendata_site import REPO, build

CONTENT = REPO / "tests" / "opendata" / "content"
EPOCH = 1735689600  # 2025-01-01T00:00:00Z: no content date is this day
LATER = 1740787200  # 2025-03-01T00:00:00Z: no content date between EPOCH and this


@pytest.fixture(scope="session")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy outside the repository: dates come from the content, not from when the fixture
    was committed (git dates have their own test)."""
    copy = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(CONTENT, copy)
    return copy


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory, content: Path) -> tuple[Path, Path]:
    first = build(content, tmp_path_factory.mktemp("first") / "site", EPOCH, hash_seed=1)
    second = build(content, tmp_path_factory.mktemp("second") / "site", EPOCH, hash_seed=2)
    return first, second


@pytest.fixture(scope="session")
def site(builds: tuple[Path, Path]) -> Path:
    return builds[0]


@pytest.fixture(scope="session")
def later_site(tmp_path_factory: pytest.TempPathFactory, content: Path) -> Path:
    return build(content, tmp_path_factory.mktemp("later") / "site", LATER, hash_seed=3)
