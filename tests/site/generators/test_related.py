"""Related success stories on an experiment page: shared technologies and sectors first."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from i4ms.graph import load_graph
from i4ms.outputs.pages.items import _index, related_experiments
from i4ms.views.context import BuildContext

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "site"


def _variant(content: Path, name: str, technologies: str, sectors: str, story: bool) -> None:
    text = (FIXTURE / "experiments" / "smart-weld.md").read_text(encoding="utf-8")
    text = text.replace("title: Smart welding cell with a digital twin", f"title: {name}")
    text = text.replace("acronym: SMARTWELD", f"acronym: {name.upper()}")
    text = re.sub(r"technologies: \[.*\]", f"technologies: [{technologies}]", text)
    text = re.sub(r"sectors: \[.*\]", f"sectors: [{sectors}]", text)
    text = re.sub(r"grants:\n(  .*\n)+", "", text)
    if not story:
        text = text[: text.index("## Challenge")]
    (content / "experiments" / f"{name}.md").write_text(text, encoding="utf-8")


def test_related_stories_rank_by_what_they_share(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    # smart-weld: robotics, digital-twins, ai; metals, machinery; all in project alpha-fab
    _variant(content, "twin-weld", "robotics, digital-twins", "metals", story=True)  # 4+2+1+1
    _variant(content, "ai-metals", "ai", "metals", story=False)  # 2+2+1
    graph = load_graph(content)
    ctx = BuildContext(graph=graph, now=datetime(2026, 1, 1, tzinfo=UTC),
                       site_url="https://example.org/", site_name="test", content_dates={})
    related = related_experiments(ctx, "smart-weld", _index(ctx))
    assert related[:2] == ["twin-weld", "ai-metals"]
    assert related[2:] == ["fabric-twin", "fjord-hpc"]  # one shared technology beats none
    assert "twin-weld" not in related_experiments(ctx, "twin-weld", _index(ctx))  # never itself
