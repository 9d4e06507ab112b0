"""Home charts: a visible title, text at its CSS size at any width, links never inside an image."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from i4ms.outputs.pictures.charts import FONT, MAX_ROWS, Bar, bar_chart_svg, top_bars

SVG = "{http://www.w3.org/2000/svg}"


def _chart(bars: list[Bar]) -> ET.Element:
    return ET.fromstring(bar_chart_svg("Experiments by <country>", bars, lambda u: "../" + u))


def test_a_chart_is_a_captioned_group_of_links_that_never_scales_its_text() -> None:
    fig = _chart([Bar("Germany", 4, "countries/de/"), Bar("Others", 2)])
    caption = fig.find("figcaption")
    assert caption.text == "Experiments by <country>"  # escaped in, parsed back out
    svg = fig.find(f"{SVG}svg")
    assert svg.get("role") == "group" and svg.get("aria-labelledby") == caption.get("id")
    assert svg.get("viewBox") is None and svg.get("width") == "100%"  # nothing shrinks the text
    assert float(svg.get("font-size")) == FONT >= 12
    links = svg.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["../countries/de/"]
    assert links[0].find(f"{SVG}title").text == "Germany: 4 experiments"
    assert [r.get("width") for r in svg.iter(f"{SVG}rect")] == ["100.0%", "50.0%"]
    assert not any(e.get("role") == "img" for e in fig.iter())


def test_labels_are_escaped_and_long_ones_cut_with_the_full_name_kept() -> None:
    name = "Fraunhofer & <Partners> for very long organisation names in Europe"
    svg = _chart([Bar(name, 1, "x/")]).find(f"{SVG}svg")
    label = svg.find(f".//{SVG}text")
    assert label.text.endswith("…") and len(label.text) <= 38
    assert svg.find(f".//{SVG}title").text == f"{name}: 1 experiment"


def test_the_tail_folds_into_others() -> None:
    bars = top_bars({str(i): Bar(f"C{i:02}", i + 1, "u/") for i in range(20)})
    assert len(bars) == MAX_ROWS and bars[-1].label == "Others" and bars[-1].url is None
