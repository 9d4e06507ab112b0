"""Horizontal bar charts as accessible SVG, drawn at build time (no JS chart library, no CDN).

A chart fills the width of its column and its text stays at its CSS size on every screen: the
SVG has no ``viewBox`` (nothing is scaled), bars are drawn in percentages of the width, and
each label sits on its own line above its bar, with the number at the right end. So labels
never shrink below ``FONT`` px on a phone, the way a scaled-down drawing's do.

Accessibility: a ``<figure>`` whose visible ``<figcaption>`` is the title; the SVG is a
``role="group"`` named by the caption (not ``img``: its children would be presentational, and
an ``img`` must not hold links, axe's nested-interactive); each bar with a page is a link whose
``<title>`` says the label and the number; a bar without one ("Others") is plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

FONT = 14
"""Label size in CSS px, at every screen width (12 px at least, WCAG-friendly)."""
ROW = 44
"""Height of one bar's row (label line and bar), px."""
BAR_H = 14
MAX_ROWS = 12
MAX_LABEL = 38
"""Longer labels are cut (the link's title keeps the full one): they fit a 320 px screen."""


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


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def chart_id(title: str) -> str:
    return "chart-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def bar_chart_svg(title: str, bars: list[Bar], link: Callable[[str], str] = lambda url: url,
                  unit: tuple[str, str] = ("experiment", "experiments")) -> str:
    """The chart as a ``<figure>``: visible caption ``title``, then the SVG."""
    height = ROW * max(1, len(bars)) + 4
    peak = max((b.value for b in bars), default=1) or 1
    ident = chart_id(title)
    rows = []
    for i, bar in enumerate(bars):
        top = 2 + i * ROW
        pct = max(0.5, round(100 * bar.value / peak, 1))
        noun = unit[0] if bar.value == 1 else unit[1]
        row = (
            f"<title>{escape(bar.label)}: {bar.value} {noun}</title>"
            f'<text x="0" y="{top + FONT + 2}" class="i4ms-chart__label">{escape(_short(bar.label))}</text>'
            f'<text x="100%" y="{top + FONT + 2}" text-anchor="end" class="i4ms-chart__value">'
            f"{bar.value}</text>"
            f'<rect x="0" y="{top + FONT + 10}" width="{pct}%" height="{BAR_H}" rx="2"/>'
        )
        if bar.url:
            rows.append(f'<a href={quoteattr(link(bar.url))} class="i4ms-chart__bar">{row}</a>')
        else:
            rows.append(f'<g class="i4ms-chart__bar">{row}</g>')
    return (
        f'<figure class="i4ms-figure"><figcaption id="{ident}">{escape(title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" class="i4ms-chart" width="100%" height="{height}" '
        f'role="group" aria-labelledby="{ident}" font-size="{FONT}" fill="currentColor">'
        + "".join(rows)
        + "</svg></figure>"
    )
