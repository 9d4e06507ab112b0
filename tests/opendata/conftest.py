"""Open-data unit tests: a build context over this folder's content, with a fixed "now"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from i4ms.graph import Graph, load_graph
from i4ms.views.context import BuildContext

CONTENT = Path(__file__).resolve().parent / "content"
SITE_URL = "https://example.org/i4ms/"
NOW = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="session")
def graph() -> Graph:
    return load_graph(CONTENT)


@pytest.fixture
def ctx(graph: Graph) -> BuildContext:
    return BuildContext(graph=graph, now=NOW, site_url=SITE_URL, site_name="I4MS portal",
                        site_description="Calls, projects and success stories of I4MS.")
