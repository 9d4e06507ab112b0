"""An accessible SVG map of Europe: experiments, organisations and Digital Innovation Hubs per country.

The map is drawn at build time, in Python, from the Natural Earth country boundaries that the npm
package ``world-atlas`` (pinned in package.json, installed by ``scripts/setup.sh``) ships as TopoJSON.
No map tiles, no CDN and no script: a visitor's browser asks no third party for anything, so the
map costs no privacy and works offline, and the page stays a static file.

The TopoJSON is decoded here (arcs, delta-encoded, quantised), each shared border simplified once
(so neighbours still meet), projected with a spherical Lambert azimuthal equal-area projection
centred on Europe (10°E, 52°N, as ETRS89-LAEA), cropped to the Europe view, and rounded to 0.1 of
a unit. Islands smaller than a few square units are dropped, never a country's largest part.

Accessibility: a ``<figure>`` with a visible caption; the SVG is a ``role="group"`` (not ``img``,
whose children would be presentational, hiding the links) named by its ``<title>``; each country
with data is a keyboard-focusable link whose ``<title>`` says its numbers; a country with activity
but no DIH is hatched and outlined, not told by colour alone; countries without data are grey and
not links; the legend is part of the SVG and its text stays at 12 px or more on a 320 px screen.
``europe_map_table`` is the same data as an HTML table. The focus and hover style is in
``overrides/assets/i4ms-map.css`` (class names below).

Pure functions: the same input gives byte-identical output.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycountry
from markupsafe import escape

__all__ = [
    "ATLAS_VERSION",
    "CSS_CLASS",
    "PALETTE",
    "CountryCounts",
    "atlas_path",
    "europe_map_svg",
    "europe_map_table",
]

ATLAS_VERSION = "2.0.2"
ATLAS_FILE = "countries-50m.json"
CSS_CLASS = "i4ms-map"

# Colours, all checked in the tests for >= 3:1 against what they touch.
PALETTE: Mapping[str, str] = {
    "sea": "#ffffff",  # background of the map and the legend
    "none": "#8a8a8a",  # land without portal data
    "hub": "#003366",  # a country with at least one DIH
    "nohub": "#a63d00",  # hatch and outline: activity but no DIH yet
    "nohub_base": "#ffffff",  # between the hatch lines
    "border": "#ffffff",  # between countries
    "text": "#1a1a1a",
}

# View: projected kilometres (x east, y south) and the SVG's user units.
_LON0, _LAT0 = 10.0, 52.0
_EARTH_KM = 6371.0
_VIEW_KM = (-1800.0, -2300.0, 2900.0, 1900.0)  # x0, y0, x1, y1
_WIDTH = 800.0
_SCALE = _WIDTH / (_VIEW_KM[2] - _VIEW_KM[0])
_MAP_HEIGHT = round((_VIEW_KM[3] - _VIEW_KM[1]) * _SCALE, 1)
_LONLAT_FILTER = (-40.0, 25.0, 65.0, 82.0)  # polygons outside this are never projected
_TOLERANCE = 0.7  # Douglas-Peucker tolerance, user units
_MIN_AREA = 6.0  # smaller islands and holes are dropped (user units squared)
_TINY = 16.0  # a country with data narrower than this gets a round marker too
_MARKER_R = 6.0

# Legend: font size such that 12 px is the smallest it renders at on a 320 px wide screen.
_FONT = 32.0
_ROW = 46.0
_LEGEND_TOP = _MAP_HEIGHT + 20.0
_HEIGHT = _LEGEND_TOP + 3 * _ROW + 10.0

# Natural Earth features world-atlas leaves without an ISO numeric id.
_UNNUMBERED = {"N. Cyprus": "CY", "Somaliland": "SO", "Kosovo": "XK"}
_EXTRA_NAMES = {"XK": "Kosovo"}

Point = tuple[float, float]

_SAFE_SCHEME = re.compile(r"^(?:https?:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
_ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class CountryCounts:
    """What the portal holds for one country."""

    experiments: int = 0
    organisations: int = 0
    dihs: int = 0

    def __post_init__(self) -> None:
        for field in ("experiments", "organisations", "dihs"):
            value = getattr(self, field)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"CountryCounts.{field} must be a whole number >= 0, not {value!r}")

    @property
    def any(self) -> bool:
        return bool(self.experiments or self.organisations or self.dihs)

    @property
    def no_hub(self) -> bool:
        """Activity in the portal (organisations or experiments) but no Digital Innovation Hub."""
        return self.any and not self.dihs


# ---------------------------------------------------------------------------------------------
# Countries and text


def country_name(alpha2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return _EXTRA_NAMES.get(alpha2, alpha2)
    return getattr(country, "common_name", None) or country.name


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(name: str, c: CountryCounts) -> str:
    return (
        f"{name}: {_plural(c.experiments, 'experiment', 'experiments')}, "
        f"{_plural(c.organisations, 'organisation', 'organisations')}, {_plural(c.dihs, 'DIH', 'DIHs')}"
    )


def _checked(counts: Mapping[str, CountryCounts]) -> dict[str, CountryCounts]:
    out: dict[str, CountryCounts] = {}
    for code, c in counts.items():
        if not isinstance(c, CountryCounts):
            raise TypeError(f"counts[{code!r}] must be a CountryCounts, not {type(c).__name__}")
        if pycountry.countries.get(alpha_2=code) is None or code != code.upper():
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. IT for Italy)")
        if c.any:
            out[code] = c
    return out


def _href(link: Callable[[str], str | None], code: str) -> str | None:
    href = link(code)
    if href is None:
        return None
    if not isinstance(href, str) or not href or not _SAFE_SCHEME.match(href.strip()):
        raise ValueError(f"link({code!r}) gave {href!r}: only http(s) or relative addresses are linked")
    return href


def _esc(text: object) -> str:
    return str(escape(str(text)))


def _by_name(codes: Iterable[str]) -> list[str]:
    return sorted(codes, key=lambda code: (country_name(code).casefold(), code))


# ---------------------------------------------------------------------------------------------
# Geometry: TopoJSON -> projected, simplified, cropped rings


def atlas_path(start: Path | None = None) -> Path:
    """The world-atlas TopoJSON: $I4MS_WORLD_ATLAS, or node_modules/ above this file or the cwd."""
    env = os.environ.get("I4MS_WORLD_ATLAS")
    if env:
        return Path(env)
    roots = [start] if start else [Path(__file__).resolve().parent, Path.cwd()]
    for root in roots:
        for folder in (root, *root.parents):
            package = folder / "node_modules" / "world-atlas"
            if (package / ATLAS_FILE).is_file():
                version = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
                if version != ATLAS_VERSION:
                    raise RuntimeError(
                        f"{package} is world-atlas {version}, not {ATLAS_VERSION}: run scripts/setup.sh"
                    )
                return package / ATLAS_FILE
    raise FileNotFoundError(
        f"node_modules/world-atlas/{ATLAS_FILE} not found: run scripts/setup.sh (it runs npm ci), "
        "or set I4MS_WORLD_ATLAS to the file"
    )


def _project(lon: float, lat: float) -> tuple[float, float]:
    lam = math.radians(lon - _LON0)
    phi, phi0 = math.radians(lat), math.radians(_LAT0)
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2.0 / max(1.0 + cos_c, 1e-12)) * _EARTH_KM
    x = k * math.cos(phi) * math.sin(lam)
    y = -k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return (x - _VIEW_KM[0]) * _SCALE, (y - _VIEW_KM[1]) * _SCALE


def _simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; keeps both ends (where arcs meet other arcs)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = points[i], points[j]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        best, best_d = -1, tol2
        for k in range(i + 1, j):
            px, py = points[k]
            if seg2 == 0:
                d = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d = cross * cross / seg2
            if d > best_d:
                best, best_d = k, d
        if best >= 0:
            keep[best] = True
            stack.append((i, best))
            stack.append((best, j))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _clip(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman against the view rectangle."""
    x0, y0, x1, y1 = box
    edges: list[tuple[Callable[[tuple[float, float]], bool], int, float]] = [
        (lambda p: p[0] >= x0, 0, x0),
        (lambda p: p[0] <= x1, 0, x1),
        (lambda p: p[1] >= y0, 1, y0),
        (lambda p: p[1] <= y1, 1, y1),
    ]
    out = ring
    for inside, axis, value in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(_cut(prev, cur, axis, value))
                out.append(cur)
            elif inside(prev):
                out.append(_cut(prev, cur, axis, value))
            prev = cur
    return out


def _cut(a: tuple[float, float], b: tuple[float, float], axis: int, value: float) -> tuple[float, float]:
    t = (value - a[axis]) / (b[axis] - a[axis])
    return (value, a[1] + t * (b[1] - a[1])) if axis == 0 else (a[0] + t * (b[0] - a[0]), value)


def _area(ring: Sequence[tuple[int, int]]) -> float:
    """Area of a ring of tenths of a unit, in square units."""
    s = 0
    for (ax, ay), (bx, by) in zip(ring, (*ring[1:], ring[0]), strict=True):
        s += ax * by - bx * ay
    return abs(s) / 200.0


def _tenths(ring: Iterable[tuple[float, float]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in ring:
        p = (round(x * 10), round(y * 10))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _num(tenths: int) -> str:
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{frac}"


def _path_data(rings: Iterable[Sequence[tuple[int, int]]]) -> str:
    """Compact path data: absolute move, then relative lines; a space only where one is needed."""
    parts: list[str] = []
    for ring in rings:
        x, y = ring[0]
        cmd = [f"M{_num(x)}{_sep(_num(y))}l"]
        first = True
        for nx, ny in ring[1:]:
            a, b = _num(nx - x), _num(ny - y)
            cmd.append((a if first else _sep(a)) + _sep(b))
            first = False
            x, y = nx, ny
        cmd.append("z")
        parts.append("".join(cmd))
    return "".join(parts)


def _sep(n: str) -> str:
    return n if n.startswith("-") else " " + n


@dataclass(frozen=True, slots=True)
class _Shape:
    code: str | None  # alpha-2, or None for land the portal cannot name (no ISO code)
    d: str
    box: tuple[int, int, int, int]  # in tenths
    centre: tuple[int, int]  # of the largest part, in tenths


_PROJECTED: dict[Path, tuple[_Shape, ...]] = {}
"""The shapes of each atlas file, projected once per process (or handed in)."""


def prepare_shapes(atlas: Path, shapes: tuple[_Shape, ...]) -> None:
    """The country shapes, as :func:`project_shapes` made them elsewhere, for the page
    workers this process forks later. A process that forks page workers build after build
    (`mkdocs serve`) then projects them once, not in every worker."""
    _PROJECTED[atlas] = shapes


def shapes_ready(atlas: Path) -> bool:
    return atlas in _PROJECTED


def _shapes(path: Path) -> tuple[_Shape, ...]:
    if path not in _PROJECTED:
        _PROJECTED[path] = project_shapes(path)
    return _PROJECTED[path]


def project_shapes(path: Path) -> tuple[_Shape, ...]:
    """The European country shapes of a world-atlas file, projected, simplified and cropped:
    0.14 s, the same every build (the page worker's first page waited for them)."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    lonlat_arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        qx = qy = 0
        pts = []
        for dx, dy in arc:
            qx += dx
            qy += dy
            pts.append((qx * sx + tx, qy * sy + ty))
        lonlat_arcs.append(pts)
    projected: dict[int, list[tuple[float, float]]] = {}

    def arc_points(index: int) -> list[tuple[float, float]]:
        i = index if index >= 0 else ~index
        if i not in projected:
            projected[i] = _simplify([_project(lon, lat) for lon, lat in lonlat_arcs[i]], _TOLERANCE)
        return projected[i] if index >= 0 else projected[i][::-1]

    def in_filter(ring_arcs: list[int]) -> bool:
        lo0, la0, lo1, la1 = _LONLAT_FILTER
        for index in ring_arcs:
            for lon, lat in lonlat_arcs[index if index >= 0 else ~index]:
                if lo0 <= lon <= lo1 and la0 <= lat <= la1:
                    return True
        return False

    box = (0.0, 0.0, _WIDTH, _MAP_HEIGHT)
    parts_by_code: dict[str | None, list[list[list[tuple[int, int]]]]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = _code(geometry)
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            if not polygon or not in_filter(polygon[0]):
                continue
            rings: list[list[tuple[int, int]]] = []
            for n, ring_arcs in enumerate(polygon):
                ring: list[tuple[float, float]] = []
                for index in ring_arcs:
                    pts = arc_points(index)
                    ring.extend(pts if not ring else pts[1:])
                flat = _tenths(_clip(ring, box))
                if len(flat) < 3 or _area(flat) < (_MIN_AREA if n else 0.05):
                    if n == 0:
                        break  # the outer ring is gone: so are its holes
                    continue
                rings.append(flat)
            if rings:
                parts_by_code.setdefault(code, []).append(rings)
    shapes: list[_Shape] = []
    for code, parts in parts_by_code.items():
        parts.sort(key=lambda rings: -_area(rings[0]))
        kept = [parts[0], *(rings for rings in parts[1:] if _area(rings[0]) >= _MIN_AREA)]
        xs = [x for rings in kept for x, _ in rings[0]]
        ys = [y for rings in kept for _, y in rings[0]]
        big = parts[0][0]
        bx = [x for x, _ in big]
        by = [y for _, y in big]
        shapes.append(
            _Shape(
                code=code,
                d=_path_data(ring for rings in kept for ring in rings),
                box=(min(xs), min(ys), max(xs), max(ys)),
                centre=((min(bx) + max(bx)) // 2, (min(by) + max(by)) // 2),
            )
        )
    shapes.sort(key=lambda s: (s.code or "", s.d))
    return tuple(shapes)


def _code(geometry: Mapping[str, object]) -> str | None:
    numeric = geometry.get("id")
    if isinstance(numeric, str):
        country = pycountry.countries.get(numeric=numeric)
        return country.alpha_2 if country else None
    name = geometry.get("properties", {}).get("name")  # type: ignore[union-attr]
    return _UNNUMBERED.get(name) if isinstance(name, str) else None


# ---------------------------------------------------------------------------------------------
# SVG


def europe_map_svg(
    counts: Mapping[str, CountryCounts],
    link: Callable[[str], str | None],
    title: str,
    *,
    id_prefix: str = CSS_CLASS,
    atlas: Path | None = None,
) -> str:
    """A ``<figure>`` holding the map of Europe as inline SVG, and a visible caption ``title``.

    ``counts`` maps ISO 3166-1 alpha-2 codes to what the portal holds there; a country in it with
    any count above zero becomes a link to ``link(code)`` (no link where that gives None), drawn
    dark where it has a DIH and hatched where it has organisations or experiments but no DIH.
    Countries outside the view (e.g. overseas) are only in ``europe_map_table``. ``id_prefix``
    keeps the SVG's ids unique when a page holds two maps.
    """
    if not _ID.match(id_prefix):
        raise ValueError(f"id_prefix must be lower-case letters, digits and '-', not {id_prefix!r}")
    data = _checked(counts)
    shapes = {shape.code: shape for shape in _shapes(atlas or atlas_path())}
    p = _esc(id_prefix)
    hatch = f"url(#{p}-nohub)"
    width, height = _num(round(_WIDTH * 10)), _num(round(_HEIGHT * 10))
    out: list[str] = [
        f'<figure class="{CSS_CLASS}">',
        f'<figcaption class="{CSS_CLASS}__caption">{_esc(title)}</figcaption>',
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{CSS_CLASS}__svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="group" aria-labelledby="{p}-title" aria-describedby="{p}-desc" '
        f'font-size="{_num(round(_FONT * 10))}" stroke-linejoin="round">',
        f'<title id="{p}-title">{_esc(title)}</title>',
        f'<desc id="{p}-desc">{_esc(_description(data, shapes))}</desc>',
        "<defs>",
        f'<pattern id="{p}-nohub" width="8" height="8" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{PALETTE["nohub_base"]}"/>'
        f'<path d="M0 0V8" stroke="{PALETTE["nohub"]}" stroke-width="3.2"/></pattern>',
        "</defs>",
        f'<rect width="{width}" height="{height}" fill="{PALETTE["sea"]}"/>',
        f'<g aria-hidden="true" fill="{PALETTE["none"]}" stroke="{PALETTE["border"]}" stroke-width=".6">',
    ]
    hrefs = {code: _href(link, code) for code in data}
    linked = [code for code in data if code in shapes and hrefs[code] is not None]
    for code in sorted(shapes, key=lambda c: c or ""):
        if code in linked:
            continue
        c = data.get(code) if code else None
        # Data but no page to link to: its colour all the same (the table has the numbers).
        fill = "" if c is None else f' fill="{hatch if c.no_hub else PALETTE["hub"]}"'
        out.append(f'<path{fill} d="{shapes[code].d}"/>')
    out.append("</g>")

    def tiny(code: str) -> bool:
        x0, y0, x1, y1 = shapes[code].box
        return max(x1 - x0, y1 - y0) < _TINY * 10

    # Paint order is tab order: small countries with a marker last, so no neighbour covers it.
    for code in sorted(_by_name(linked), key=tiny):
        c, shape = data[code], shapes[code]
        kind = "nohub" if c.no_hub else "hub"
        fill, stroke, width = (
            (hatch, PALETTE["nohub"], "1.4") if c.no_hub else (PALETTE["hub"], PALETTE["border"], ".6")
        )
        out.append(
            f'<a href="{_esc(hrefs[code])}" class="{CSS_CLASS}__country {CSS_CLASS}__country--{kind}" '
            f'data-country="{_esc(code)}">'
        )
        out.append(f"<title>{_esc(_summary(country_name(code), c))}</title>")
        common = f'class="{CSS_CLASS}__shape" fill="{fill}"'
        out.append(f'<path {common} stroke="{stroke}" stroke-width="{width}" d="{shape.d}"/>')
        if tiny(code):
            # A round marker big enough to see and to hit, outlined against its neighbours.
            cx, cy = shape.centre
            ring = PALETTE["nohub"] if c.no_hub else PALETTE["sea"]
            out.append(
                f'<circle {common} stroke="{ring}" stroke-width="1.4" cx="{_num(cx)}" cy="{_num(cy)}" '
                f'r="{_num(round(_MARKER_R * 10))}"/>'
            )
        out.append("</a>")
    out.extend(_legend(hatch))
    out.append("</svg>")
    out.append("</figure>")
    return "\n".join(out) + "\n"


def _description(data: Mapping[str, CountryCounts], shapes: Mapping[str | None, _Shape]) -> str:
    hubs = _by_name(code for code, c in data.items() if c.dihs)
    white = _by_name(code for code, c in data.items() if c.no_hub)
    text = [
        f"{_plural(len(hubs), 'country', 'countries')} with a Digital Innovation Hub (DIH) in the portal; "
        f"{_plural(len(white), 'country', 'countries')} with organisations or experiments but no DIH yet"
    ]
    text[0] += (": " + ", ".join(country_name(code) for code in white) + ".") if white else "."
    outside = _by_name(code for code in data if code not in shapes)
    if outside:
        text.append("Not on the map: " + ", ".join(country_name(code) for code in outside) + ".")
    return " ".join(text)


def _legend(hatch: str) -> list[str]:
    rows = [
        (f'fill="{PALETTE["hub"]}"', "At least one DIH"),
        (f'fill="{hatch}" stroke="{PALETTE["nohub"]}" stroke-width="2"', "Activity, but no DIH yet"),
        (f'fill="{PALETTE["none"]}"', "No data in the portal"),
    ]
    out = [f'<g class="{CSS_CLASS}__legend" fill="{PALETTE["text"]}">']
    for i, (attrs, label) in enumerate(rows):
        top = _LEGEND_TOP + i * _ROW
        out.append(
            f'<rect x="20" y="{_num(round(top * 10))}" width="48" height="32" {attrs}/>'
            f'<text x="84" y="{_num(round((top + 27) * 10))}">{_esc(label)}</text>'
        )
    out.append("</g>")
    return out


# ---------------------------------------------------------------------------------------------
# Table


def europe_map_table(
    counts: Mapping[str, CountryCounts],
    link: Callable[[str], str | None],
    caption: str,
) -> str:
    """The map's data as an HTML table, one row per country with any count above zero, by name."""
    data = _checked(counts)
    out = [
        f'<table class="{CSS_CLASS}-table">',
        f"<caption>{_esc(caption)}</caption>",
        '<thead><tr><th scope="col">Country</th><th scope="col">Experiments</th>'
        '<th scope="col">Organisations</th><th scope="col">DIHs</th></tr></thead>',
        "<tbody>",
    ]
    for code in _by_name(data):
        c = data[code]
        href = _href(link, code)
        name = _esc(country_name(code))
        cell = f'<a href="{_esc(href)}">{name}</a>' if href is not None else name
        out.append(
            f'<tr data-country="{_esc(code)}"><th scope="row">{cell}</th><td>{c.experiments}</td>'
            f"<td>{c.organisations}</td><td>{c.dihs}</td></tr>"
        )
    out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out) + "\n"
