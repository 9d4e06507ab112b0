"""The map of Europe: valid SVG, links and titles per country, the no-DIH marking, the table, escaping,
size, determinism, contrast, and no dependency on the site layer."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from i4ms.outputs.pictures.europe_map import (
    CSS_CLASS,
    PALETTE,
    CountryCounts,
    atlas_path,
    europe_map_svg,
    europe_map_table,
)

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[3]
HOSTILE = '<script>alert("x")</script> & \'quoted\''

COUNTS = {
    "IT": CountryCounts(experiments=5, organisations=12, dihs=1),
    "DE": CountryCounts(experiments=9, organisations=30, dihs=4),
    "PL": CountryCounts(experiments=1, organisations=4, dihs=0),  # a white spot
    "RO": CountryCounts(experiments=0, organisations=2, dihs=0),  # a white spot
    "MT": CountryCounts(experiments=0, organisations=1, dihs=1),  # small: gets a marker
    "LU": CountryCounts(experiments=1, organisations=1, dihs=0),
    "FR": CountryCounts(),  # all zero: like no data
    "US": CountryCounts(experiments=0, organisations=3, dihs=0),  # off the map: only in the table
}


def link(code: str) -> str | None:
    return f"/countries/{code.lower()}/"


@pytest.fixture(scope="module")
def figure() -> ET.Element:
    return ET.fromstring(europe_map_svg(COUNTS, link, "Where the portal works"))


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def links(figure: ET.Element) -> dict[str, ET.Element]:
    return {a.get("data-country", ""): a for a in svg_of(figure).iter(f"{SVG}a")}


def test_parses_as_xml_with_a_visible_caption_and_a_named_group(figure: ET.Element) -> None:
    assert figure.tag == "figure"
    assert figure.get("class") == CSS_CLASS
    assert figure.findtext("figcaption") == "Where the portal works"
    svg = svg_of(figure)
    assert svg.get("role") == "group"  # not img: links inside an img are hidden (axe nested-interactive)
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "Where the portal works"
    assert svg.get("aria-labelledby") == title.get("id")
    desc = svg.find(f"{SVG}desc")
    assert desc is not None and svg.get("aria-describedby") == desc.get("id")
    assert "Poland" in (desc.text or "") and "United States" in (desc.text or "")


def test_scales_with_the_page(figure: ET.Element) -> None:
    svg = svg_of(figure)
    assert svg.get("width") == "100%"
    assert svg.get("height") is None
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", svg.get("viewBox", ""))


def test_legend_text_is_at_least_12px_on_a_small_screen(figure: ET.Element) -> None:
    svg = svg_of(figure)
    view_width = float(svg.get("viewBox", "").split()[2])
    font = float(svg.get("font-size", "0"))
    legend = [g for g in svg.iter(f"{SVG}g") if g.get("class") == f"{CSS_CLASS}__legend"]
    assert len(legend) == 1
    labels = [t.text for t in legend[0].iter(f"{SVG}text")]
    assert labels == ["At least one DIH", "Activity, but no DIH yet", "No data in the portal"]
    assert all(t.get("font-size") is None for t in legend[0].iter(f"{SVG}text"))
    # 375 px viewport, less the page's padding: 320 px of SVG at the least.
    assert font * 320 / view_width >= 12


def test_each_country_with_data_links_to_its_page_with_its_numbers(figure: ET.Element) -> None:
    found = links(figure)
    assert sorted(found) == ["DE", "IT", "LU", "MT", "PL", "RO"]
    italy = found["IT"]
    assert italy.get("href") == "/countries/it/"
    assert italy.findtext(f"{SVG}title") == "Italy: 5 experiments, 12 organisations, 1 DIH"
    assert found["RO"].findtext(f"{SVG}title") == "Romania: 0 experiments, 2 organisations, 0 DIHs"
    assert found["LU"].findtext(f"{SVG}title") == "Luxembourg: 1 experiment, 1 organisation, 0 DIHs"
    for a in found.values():
        assert a.find(f"{SVG}path") is not None
        assert f"{CSS_CLASS}__country" in (a.get("class") or "").split()
        assert all(p.get("class") == f"{CSS_CLASS}__shape" for p in a.iter(f"{SVG}path"))


def test_countries_without_data_are_grey_and_not_links(figure: ET.Element) -> None:
    found = links(figure)
    assert "FR" not in found and "ES" not in found
    background = svg_of(figure).find(f"{SVG}g")
    assert background is not None
    assert background.get("aria-hidden") == "true"
    assert background.get("fill") == PALETTE["none"]
    assert len(list(background.iter(f"{SVG}path"))) > 30  # France, Spain, ... drawn all the same
    assert not list(background.iter(f"{SVG}a"))


def test_no_link_where_link_gives_none() -> None:
    figure = ET.fromstring(europe_map_svg(COUNTS, lambda c: None if c == "IT" else link(c), "Map"))
    assert "IT" not in links(figure)
    assert "DE" in links(figure)
    background = svg_of(figure).find(f"{SVG}g")
    assert background is not None
    fills = [p.get("fill") for p in background.iter(f"{SVG}path")]
    assert fills.count(PALETTE["hub"]) == 1  # Italy keeps its colour: it has a DIH, only no page


def test_activity_without_a_dih_is_hatched_and_outlined(figure: ET.Element) -> None:
    found = links(figure)
    pattern = svg_of(figure).find(f"{SVG}defs/{SVG}pattern")
    assert pattern is not None
    hatch = f"url(#{pattern.get('id')})"
    for code in ("PL", "RO", "LU"):
        assert f"{CSS_CLASS}__country--nohub" in (found[code].get("class") or "")
        for shape in found[code]:
            if shape.tag in (f"{SVG}path", f"{SVG}circle"):
                assert shape.get("fill") == hatch
                assert shape.get("stroke") == PALETTE["nohub"]
    for code in ("IT", "DE", "MT"):
        assert f"{CSS_CLASS}__country--hub" in (found[code].get("class") or "")
        assert all(p.get("fill") == PALETTE["hub"] for p in found[code].iter(f"{SVG}path"))


def test_small_countries_get_a_marker_and_are_painted_last(figure: ET.Element) -> None:
    found = links(figure)
    assert found["MT"].find(f"{SVG}circle") is not None
    assert found["LU"].find(f"{SVG}circle") is not None
    assert found["DE"].find(f"{SVG}circle") is None
    order = list(found)
    assert order[-2:] == ["LU", "MT"]
    assert order[:4] == ["DE", "IT", "PL", "RO"]  # by name otherwise


def test_table_lists_the_same_numbers() -> None:
    html = europe_map_table(COUNTS, link, "Experiments, organisations and DIHs by country")
    table = ET.fromstring(html)
    assert table.findtext("caption") == "Experiments, organisations and DIHs by country"
    heads = [th.text for th in table.iter("th") if th.get("scope") == "col"]
    assert heads == ["Country", "Experiments", "Organisations", "DIHs"]
    rows = {}
    for tr in table.iter("tr"):
        if tr.get("data-country"):
            th = tr.find("th")
            assert th is not None and th.get("scope") == "row"
            a = th.find("a")
            assert a is not None and a.get("href") == link(tr.get("data-country", ""))
            rows[tr.get("data-country")] = (a.text, *(int(td.text or "") for td in tr.iter("td")))
    assert list(rows) == ["DE", "IT", "LU", "MT", "PL", "RO", "US"]  # by name: Germany ... United States
    assert rows["IT"] == ("Italy", 5, 12, 1)
    assert rows["PL"] == ("Poland", 1, 4, 0)
    assert rows["US"] == ("United States", 0, 3, 0)
    figure = ET.fromstring(europe_map_svg(COUNTS, link, "Map"))
    for code, a in links(figure).items():
        name, e, o, d = rows[code]
        assert a.findtext(f"{SVG}title") == (
            f"{name}: {e} experiment{'s' * (e != 1)}, {o} organisation{'s' * (o != 1)}, "
            f"{d} DIH{'s' * (d != 1)}"
        )


def test_table_cell_without_a_link() -> None:
    table = ET.fromstring(europe_map_table({"IT": COUNTS["IT"]}, lambda c: None, "t"))
    th = table.find("tbody/tr/th")
    assert th is not None and th.text == "Italy" and th.find("a") is None


def test_contributor_text_is_escaped() -> None:
    hostile_link = f"/countries/it/?q={HOSTILE}"
    html = europe_map_svg({"IT": COUNTS["IT"]}, lambda c: hostile_link, HOSTILE)
    table = europe_map_table({"IT": COUNTS["IT"]}, lambda c: hostile_link, HOSTILE)
    for text in (html, table):
        assert "<script>" not in text
        assert "&lt;script&gt;" in text
    figure = ET.fromstring(html)
    assert figure.findtext("figcaption") == HOSTILE
    assert svg_of(figure).findtext(f"{SVG}title") == HOSTILE
    assert links(figure)["IT"].get("href") == hostile_link
    assert ET.fromstring(table).findtext("caption") == HOSTILE


@pytest.mark.parametrize("bad", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", ""])
def test_only_http_or_relative_links(bad: str) -> None:
    with pytest.raises(ValueError, match="only http"):
        europe_map_svg({"IT": COUNTS["IT"]}, lambda c: bad, "Map")
    with pytest.raises(ValueError, match="only http"):
        europe_map_table({"IT": COUNTS["IT"]}, lambda c: bad, "Map")


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="alpha-2"):
        europe_map_svg({"ZZ": CountryCounts(1, 1, 1)}, link, "Map")
    with pytest.raises(ValueError, match="alpha-2"):
        europe_map_table({"it": CountryCounts(1, 1, 1)}, link, "Map")
    with pytest.raises(ValueError, match=">= 0"):
        CountryCounts(experiments=-1)
    with pytest.raises(ValueError, match="id_prefix"):
        europe_map_svg({}, link, "Map", id_prefix='x" onload="y')


def test_id_prefix_keeps_two_maps_apart() -> None:
    one = europe_map_svg(COUNTS, link, "Map")
    two = europe_map_svg(COUNTS, link, "Map", id_prefix="home-map")
    ids = set(re.findall(r'id="([^"]+)"', one)) | set(re.findall(r'id="([^"]+)"', two))
    assert len(ids) == 6
    assert 'url(#home-map-nohub)' in two


def test_under_the_size_target() -> None:
    codes = "AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE"
    codes += " SI SK TR UA RS BA ME MK AL MD GE AM"
    everything = {code: CountryCounts(1, 1, 0 if code < "M" else 1) for code in codes.split(" ")}
    for counts in ({}, COUNTS, everything):
        size = len(europe_map_svg(counts, link, "Where the portal works").encode())
        assert size < 60_000, size


def test_coordinates_have_one_decimal_at_most() -> None:
    html = europe_map_svg(COUNTS, link, "Map")
    for d in re.findall(r' d="([^"]+)"', html):
        assert not re.search(r"\.\d\d", d)


def test_deterministic() -> None:
    first = europe_map_svg(COUNTS, link, "Map")
    again = europe_map_svg(dict(reversed(list(COUNTS.items()))), link, "Map")
    assert first == again
    assert europe_map_table(COUNTS, link, "t") == europe_map_table(dict(reversed(COUNTS.items())), link, "t")
    # a fresh interpreter, geometry decoded anew
    code = (
        "import sys; from i4ms.outputs.pictures.europe_map import CountryCounts, europe_map_svg;"
        f"sys.stdout.write(europe_map_svg({COUNTS!r}, lambda c: f'/countries/{{c.lower()}}/', 'Map'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == first


def test_imports_nothing_from_the_site_layer() -> None:
    code = (
        "import sys, i4ms.outputs.pictures.europe_map;"
        "print([m for m in sys.modules"
        " if m.split('.')[0] in ('mkdocs', 'jinja2') or m.startswith('i4ms.site')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("none", "sea"),  # grey land on the sea
        ("hub", "sea"),
        ("hub", "none"),  # a DIH country beside a country without data
        ("nohub", "sea"),  # the hatch and outline on the sea
        ("nohub", "nohub_base"),  # hatch lines on their ground
        ("nohub_base", "none"),  # a white spot beside a grey country
        ("nohub_base", "hub"),  # a white spot beside a DIH country
        ("text", "sea"),
    ],
)
def test_contrast_at_least_3_to_1(a: str, b: str) -> None:
    assert contrast(PALETTE[a], PALETTE[b]) >= 3


def test_css_styles_the_classes_the_svg_uses() -> None:
    css = (ROOT / "overrides" / "assets" / "i4ms-map.css").read_text(encoding="utf-8")
    for name in ("__country:focus-visible", "__shape", "__svg"):
        assert f".{CSS_CLASS}{name}" in css
    html = europe_map_svg(COUNTS, link, "Map")
    for name in set(re.findall(r'class="([^"]+)"', html)):
        for cls in name.split():
            if cls.startswith(CSS_CLASS) and "--" not in cls and cls != f"{CSS_CLASS}__legend":
                assert f".{cls}" in css, cls


def test_atlas_is_the_pinned_package() -> None:
    path = atlas_path()
    assert path.parent.name == "world-atlas"
    assert path.parent.parent.name == "node_modules"
