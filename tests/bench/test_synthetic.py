"""bench/synthetic.py writes valid, clearly synthetic content that other benchmarks reuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import synthetic
from i4ms.content.loader import load_content
from i4ms.graph import load_graph
from i4ms.graph.build import check

BENCH = Path(__file__).resolve().parents[2] / "bench"




@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "content"
    synthetic.generate(root, 50, seed=1)
    return root


def test_generates_n_items_that_validate(content: Path) -> None:
    loaded = load_content(content)
    assert check(loaded) == []
    counts = {k: len(v) for k, v in loaded.items.items()}
    assert sum(counts.values()) == 50
    assert counts == synthetic.counts_for(50)
    assert counts["experiments"] > counts["organisations"] > counts["projects"] >= 2
    assert counts["labels"] == 2


def test_validate_exits_0(content: Path, cli) -> None:
    code, out, _ = cli("validate", content)
    assert code == 0, out


def test_every_file_says_it_is_synthetic(content: Path) -> None:
    files = list(content.glob("*/*.md"))
    assert len(files) == 50
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert 'title: "SYNTHETIC benchmark data, not published"' in text, file
        assert "\nSynthetic benchmark data.\n" in text, file


def test_experiments_are_success_stories_with_partners(content: Path) -> None:
    graph = load_graph(content)
    assert all(graph.is_success_story(e) for e in graph.experiments)
    assert {len(e.model.partners) for e in graph.experiments.values()} == {2, 3}
    assert all(e.model.technologies and e.model.sectors for e in graph.experiments.values())
    assert (content / "taxonomy.yml").read_bytes() == (
        BENCH.parent / "content" / "taxonomy.yml"
    ).read_bytes()


def test_deterministic(tmp_path: Path) -> None:
    synthetic.generate(tmp_path / "a", 30, seed=7)
    synthetic.generate(tmp_path / "b", 30, seed=7)
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.md")}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.md")}
    assert a == b


def test_larger_n_has_grants_and_calls_of_every_style(tmp_path: Path) -> None:
    root = tmp_path / "content"
    synthetic.generate(root, 500, seed=3)
    graph = load_graph(root)
    assert graph.label_experiments.get("i4ms-sae-label")
    assert {type(c.model.closes).__name__ for c in graph.calls.values()} == {"date", "datetime"}
    assert any(c.model.closes.year == 2031 for c in graph.calls.values())


def test_too_small_n_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        synthetic.generate(tmp_path, 5)
