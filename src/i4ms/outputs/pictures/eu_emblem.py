"""The EU emblem (the flag of Europe) as inline SVG, drawn from its official geometric description.

EU-funded websites show the emblem beside their funding statement. Drawn here, nothing is
downloaded from a third party. The construction follows the EU's graphic specifications: a
blue rectangle 1.5 times as wide as high; twelve gold five-pointed stars, each with one point
upwards, on an invisible circle whose radius is a third of the height, each star's points on a
circle whose radius is an eighteenth of the height, placed like the hours on a clock face.
Colours: Reflex Blue #003399 and Yellow #FFCC00.
"""

from __future__ import annotations

import math

from markupsafe import escape

BLUE = "#003399"
GOLD = "#FFCC00"
HEIGHT = 540
WIDTH = 810
STARS = 12
_RING = HEIGHT / 3
_STAR = HEIGHT / 18
_INNER = _STAR * math.sin(math.radians(18)) / math.sin(math.radians(54))
"""Inner radius of a regular five-pointed star (pentagram outline) of outer radius ``_STAR``."""


def _star(cx: float, cy: float) -> str:
    points = []
    for i in range(10):
        r = _STAR if i % 2 == 0 else _INNER
        angle = math.radians(-90 + 36 * i)  # first point straight up
        points.append(f"{cx + r * math.cos(angle):.1f},{cy + r * math.sin(angle):.1f}")
    return f'<polygon points="{" ".join(points)}"/>'


def star_centres() -> list[tuple[float, float]]:
    """Where the twelve stars sit: clock positions on the ring, starting at twelve o'clock."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    return [(cx + _RING * math.sin(math.radians(30 * k)), cy - _RING * math.cos(math.radians(30 * k)))
            for k in range(STARS)]


def eu_emblem_svg(title: str = "Flag of the European Union", css_class: str = "i4ms-eu-emblem") -> str:
    """The emblem as an ``img``-role SVG named ``title`` (it holds no link)."""
    stars = "".join(_star(x, y) for x, y in star_centres())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}" focusable="false">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BLUE}"/>'
        f'<g fill="{GOLD}">{stars}</g></svg>'
    )
