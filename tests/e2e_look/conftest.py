"""The real content and a synthetic site, each built once per session and served locally, for
the checks of what a visitor meets: links, wording, footer, breadcrumb, charts and the map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sitebuild import REPO, built, serve

from bench import synthetic

SYNTHETIC_ITEMS = 300
"""~180 experiments over 30-odd countries: pagination, every kind of page, many countries."""


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "look-real", REPO / "content")


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic data, marked so in every file; never published."""
    content = tmp_path_factory.mktemp("look-synthetic") / "content"
    synthetic.generate(content, SYNTHETIC_ITEMS, seed=13)
    return built(tmp_path_factory, "look-synthetic-site", content)


@pytest.fixture(scope="session")
def real_url(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def synthetic_url(synthetic_site: Path) -> Iterator[str]:
    with serve(synthetic_site) as url:
        yield url
