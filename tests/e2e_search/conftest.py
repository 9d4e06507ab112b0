"""Sites for the search and Find support tests, built once per session and served locally:
the small fixture site, the repository's real content, and a synthetic site big enough to
paginate. A real Chromium (Debian's, via Playwright)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sitebuild import (
    FIXTURE,
    PAYLOADS,
    REPO,
    build_past_validation,
    built,
    serve,
)

from bench.synthetic import generate

SYNTHETIC_ITEMS = 250  # ~150 experiments, ~83 organisations: several pages of each listing


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(built(tmp_path_factory, "search-fixture", FIXTURE)) as url:
        yield url


@pytest.fixture(scope="session")
def real_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(built(tmp_path_factory, "search-real", REPO / "content")) as url:
        yield url


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(content, site) of a synthetic site; its data is marked synthetic and never published."""
    content = tmp_path_factory.mktemp("search-synthetic") / "content"
    generate(content, SYNTHETIC_ITEMS, seed=4)
    return content, built(tmp_path_factory, "search-synthetic-site", content)


@pytest.fixture(scope="session")
def synthetic_url(synthetic: tuple[Path, Path]) -> Iterator[str]:
    with serve(synthetic[1]) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Script payloads in a title, a summary and a name, loaded past validation: the records
    carry them and the browser must show them as text."""
    content = tmp_path_factory.mktemp("search-hostile") / "content"
    shutil.copytree(FIXTURE, content)
    for path, field, value in [
        (content / "experiments" / "smart-weld.md", "title", PAYLOADS["title"]),
        (content / "experiments" / "smart-weld.md", "summary", PAYLOADS["summary"]),
        (content / "organisations" / "acme-robotics.md", "name", PAYLOADS["name"]),
    ]:
        lines = path.read_text(encoding="utf-8").split("\n")
        i = next(n for n, line in enumerate(lines) if line.startswith(f"{field}:"))
        lines[i] = f"{field}: " + json.dumps(value)
        path.write_text("\n".join(lines), encoding="utf-8")
    out = content.parent / "site"
    run = build_past_validation(content, out)
    assert run.returncode == 0, run.stderr[-3000:]
    with serve(out) as url:
        yield url
