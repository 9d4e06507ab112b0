"""Horizontal bar charts as accessible SVG, drawn at build time (no JS chart library, no CDN)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

ROW = 22
LABEL_W = 210
BAR_W = 330
MAX_ROWS = 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str | None = None  # root-relative; the chart links each bar to its listing


def top_bars(counts: dict[str, Bar]) -> list[Bar]:
    """Largest first (ties by name); the tail folds into 'Others' so the chart stays readable."""
    bars = sorted(counts.values(), key=lambda b: (-b.value, b.label))
    if len(bars) <= MAX_ROWS:
        return bars
    rest = sum(b.value for b in bars[MAX_ROWS - 1 :])
    return [*bars[: MAX_ROWS - 1], Bar("Others", rest)]


def bar_chart_svg(title: str, bars: list[Bar], link=lambda url: url) -> str:
    height = ROW * max(1, len(bars)) + 8
    width = LABEL_W + BAR_W + 50
    peak = max((b.value for b in bars), default=1) or 1
    rows = []
    for i, bar in enumerate(bars):
        y = 4 + i * ROW
        w = max(2, round(BAR_W * bar.value / peak))
        label = escape(bar.label if len(bar.label) <= 30 else bar.label[:29] + "…")
        row = (
            f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">{label}</text>'
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{w}" height="{ROW - 6}" rx="2"/>'
            f'<text x="{LABEL_W + w + 5}" y="{y + 15}">{bar.value}</text>'
        )
        if bar.url:
            row = f'<a href="{escape(link(bar.url))}">{row}</a>'
        rows.append(f"<g><title>{escape(bar.label)}: {bar.value}</title>{row}</g>")
    t = escape(title)
    ident = "chart-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="i4ms-chart" viewBox="0 0 {width} '
        f'{height}" role="img" aria-labelledby="{ident}">'
        f'<title id="{ident}">{t}</title>'
        '<g font-family="inherit" font-size="12" fill="currentColor">'
        + "".join(rows)
        + "</g></svg>"
    )
