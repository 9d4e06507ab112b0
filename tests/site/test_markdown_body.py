"""Story bodies: split at ``## `` headings, rendered safely, the same whether converted whole
or section by section."""

from __future__ import annotations

import pytest

from i4ms.content.markdown import render_markdown, render_sections, split_sections

STORY = """Intro with a [link](https://example.org/).

## Challenge

Too much *scrap*.

## Solution

- a twin
- a model

## Results

| a | b |
|---|---|
| 1 | 2 |
"""


def _one_by_one(text: str) -> list[tuple[str, str]]:
    return [(t, str(render_markdown(b)).strip()) for t, b in split_sections(text)]


@pytest.mark.parametrize("text", [
    STORY,
    STORY.split("\n", 2)[2],  # no intro
    "## Only\n\nOne section.",
    "No heading at all.",
    "Intro\n\n```\n## not a heading\n```\n\n## Real\n\nText.",  # '## ' inside code
    "Setext\n------\n\n## Real\n\nText.",  # an underlined heading is an h2 too
    "## Challenge\n\n<script>alert(1)</script> kept as text",
])
def test_whole_or_section_by_section_gives_the_same_sections(text: str) -> None:
    assert [(t, str(h).strip()) for t, h in render_sections(text)] == _one_by_one(text)


def test_sections_keep_their_titles_and_markup() -> None:
    sections = render_sections(STORY)
    assert [t for t, _ in sections] == ["", "Challenge", "Solution", "Results"]
    assert "<em>scrap</em>" in sections[1][1] and "<table>" in sections[3][1]
    assert 'rel="noopener noreferrer"' in sections[0][1]


def test_script_never_survives() -> None:
    html = str(render_markdown("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>"))
    assert "<script" not in html and "onerror" not in html


def test_bodies_render_as_github_previews_them() -> None:
    """IAs check their story in the pull request's preview: the site must agree with it."""
    html = str(render_markdown(
        "Energy use fell ~~20%~~ 25% (CO<sub>2</sub> too); see https://example.org/report.\n\n"
        "1. set up\n2. run\n\n| Before | After |\n|:---|---:|\n| 8 h | 2 h |\n"))
    assert "<del>20%</del>" in html
    assert "CO<sub>2</sub>" in html  # safe raw HTML is kept, as on GitHub
    assert '<a href="https://example.org/report" rel="noopener noreferrer">' in html  # autolink
    assert "<ol>" in html and '<td align="right">2 h</td>' in html
