"""The real content/, exported and rendered by ProperDocs + Material (one engine: the fixture
covers both; this is the site as published)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, export_tree, render
from linkwalk import broken_links

from i4ms.graph import load_graph
from i4ms.views.urls import ITEM_FOLDERS, item_url

CONTENT = REPO / "content"


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render("properdocs", export_tree(CONTENT, tmp_path_factory.mktemp("real") / "tree")).site


def test_every_item_page_of_the_real_content(real_site: Path) -> None:
    graph = load_graph(CONTENT)
    expected = [item_url(c, i) for c in ITEM_FOLDERS for i in getattr(graph, c)]
    assert len(expected) > 50
    assert [url for url in expected if not (real_site / url / "index.html").is_file()] == []


def test_no_broken_internal_link_in_the_real_site(real_site: Path) -> None:
    assert broken_links(real_site) == []
