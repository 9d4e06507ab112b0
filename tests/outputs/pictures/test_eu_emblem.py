"""The EU emblem in the footer follows the official construction (read back with a real XML parser)."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from i4ms.outputs.pictures.eu_emblem import BLUE, GOLD, eu_emblem_svg

SVG = "{http://www.w3.org/2000/svg}"


def _points(polygon: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]


def test_twelve_gold_five_pointed_stars_in_a_circle_on_blue() -> None:
    root = ET.fromstring(eu_emblem_svg())
    assert root.get("role") == "img" and root.get("aria-label") == "Flag of the European Union"
    _, _, width, height = map(float, root.get("viewBox").split())
    assert width / height == 1.5
    rect = root.find(f"{SVG}rect")
    assert rect.get("fill") == BLUE == "#003399" and float(rect.get("width")) == width
    stars = root.findall(f"{SVG}g/{SVG}polygon")
    assert root.find(f"{SVG}g").get("fill") == GOLD == "#FFCC00"
    assert len(stars) == 12
    cx, cy = width / 2, height / 2
    for star in stars:
        pts = _points(star)
        assert len(pts) == 10  # five points, five inner corners
        sx = sum(x for x, _ in pts) / 10
        sy = sum(y for _, y in pts) / 10
        assert math.isclose(math.hypot(sx - cx, sy - cy), height / 3, abs_tol=0.5)
        outer = [math.hypot(x - sx, y - sy) for x, y in pts[::2]]
        assert all(math.isclose(r, height / 18, abs_tol=0.2) for r in outer)
        top = pts[0]
        assert math.isclose(top[0], sx, abs_tol=0.1) and top[1] < sy  # one point straight up
    assert not root.findall(f".//{SVG}a") and "href" not in eu_emblem_svg()  # nothing fetched
