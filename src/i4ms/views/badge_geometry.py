"""How wide a label badge is: one rule for the SVG that draws it and the ``<img>`` that shows it.

The pages give each badge ``<img>`` its width and height, so the browser reserves the box
before the SVG arrives (Lighthouse: "Image elements do not have explicit width and height";
no layout shift when a badge loads late, as lazy-loaded badges do).
"""

from __future__ import annotations

HEIGHT = 24
_CHAR = 6.6  # average advance of the system sans-serif at 11px; generous so text never clips
_PAD = 8


def part_width(text: str) -> int:
    """The width of one part of a badge holding ``text``."""
    return int(len(text) * _CHAR + 2 * _PAD)


def right_text(year: int | None) -> str:
    """What the right part says: the year a badge was earned, or 'I4MS' for the label itself."""
    return str(year) if year else "I4MS"


def badge_width(name: str, year: int | None) -> int:
    """The whole badge's width in CSS pixels at its height of :data:`HEIGHT`."""
    return part_width(name) + part_width(right_text(year))
