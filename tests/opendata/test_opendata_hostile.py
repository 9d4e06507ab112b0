"""Whatever validation accepts, every machine-read output is well-formed for its format.

Each case changes one field of this folder's content to hostile text. Either `i4ms
validate`'s checks refuse it, with a one-line `path:line: field: message`, or the API JSON,
the badge SVGs, the calendars and the feeds built from it are read back by their real
parsers (json with no Infinity or NaN, xml.etree, icalendar, feedparser) without a fault.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from i4ms.content.loader import load_content
from i4ms.graph.build import build_graph
from i4ms.outputs.opendata import api, calendars, feeds
from i4ms.outputs.opendata.records import api_collections
from i4ms.outputs.pictures.badges import badge_svg
from i4ms.views.context import BuildContext

CONTENT = Path(__file__).resolve().parent / "content"
PROJECT = "projects/alpha-fab.md"
CALL = "calls/alpha-fab-open-call-2.md"
LABEL = "labels/i4ms-sae-label.md"
ORG = "organisations/acme-robotics.md"
EXP = "experiments/smart-weld.md"

# (file, field line to replace or add, new YAML line(s)): accepted, outputs must parse
VALID = {
    "markup-and-quotes-in-a-name": (PROJECT, "name", r'name: "Alpha & <Fab> \"q\" ''s'' ]]> -->"'),
    "tab-in-a-name": (PROJECT, "name", r'name: "Alpha\tFab"'),
    "ics-specials-in-a-title": (CALL, "title", r'title: "Call; one, two\\three: four"'),
    "scripts-and-astral-letters": (ORG, "name", 'name: "Société 日本語 עברית 𝔘𝔫𝔦 🚀"'),
    "label-name-with-markup": (LABEL, "name", r'name: "I4MS <label> & \"award\" ]]>"'),
    "line-separators-in-a-summary": (CALL, "summary", r'summary: "one\u2028two\nthree"'),
    "multi-line-summary-block": (EXP, "summary", "summary: |\n  First line.\n  Second line."),
    "largest-finite-amount": (CALL, "  amount", "  amount: 1.7976931348623157e308"),
}
# old code accepted these and wrote a broken output; validation must now refuse them
REFUSED = {
    "infinite-amount": (CALL, "  amount", "  amount: .inf"),
    "overflowing-amount": (CALL, "  amount", "  amount: 1e999"),
    "nan-amount": (CALL, "  amount", "  amount: .nan"),
    "infinite-maximum": (CALL, "max_per_experiment", "max_per_experiment: .inf"),
    "vertical-tab-in-a-label-name": (LABEL, "name", r'name: "I4MS\vlabel"'),
    "carriage-return-in-a-project-name": (PROJECT, "name", r'name: "Alpha\rFab"'),
    "folded-project-name": (PROJECT, "name", "name: >\n  Alpha Fab"),
    "nul-in-an-organisation-name": (ORG, "name", r'name: "Acme\0Robotics"'),
    "escape-in-a-call-title": (CALL, "title", r'title: "Call \e[31mred"'),
    "backspace-in-a-summary": (EXP, "summary", r'summary: "Scrap\b cut"'),
    "non-character-in-a-title": (CALL, "title", r'title: "Call \uFFFE"'),
    "year-one": (CALL, "opens", "opens: 0001-01-01"),
    "year-9998": (CALL, "closes", "closes: 9998-12-31"),
    "year-9999": (CALL, "closes", "closes: 9999-12-31"),
}


def _mutate(root: Path, file: str, field: str, line: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(field)}:.*$", re.MULTILINE)
    assert pattern.search(text), (file, field)
    path.write_text(pattern.sub(lambda _: line, text, count=1), encoding="utf-8")


def _outputs(ctx: BuildContext) -> None:
    def no_constant(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    for collection in api_collections():
        text = api.to_json(api.envelope(ctx, collection))
        json.loads(text, parse_constant=no_constant)
    g = ctx.graph
    holders = [o.model.short_name or o.model.name for o in g.organisations.values()]
    holders += [e.model.title for e in g.experiments.values()]
    for label in g.labels.values():
        for holder in [None, *holders]:
            ET.fromstring(badge_svg(label.model.name, 2024, holder))
    for path, data in calendars.calendar_files(ctx).items():
        assert re.search(rb"\r(?!\n)|(?<!\r)\n", data) is None, f"{path}: bare CR or LF"
        Calendar.from_ical(data)
    for path, data in feeds.feed_files(ctx).items():
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))


def errors(problems: list) -> list:
    return [p for p in problems if getattr(p, "severity", "error") != "warning"]


def _load(tmp_path: Path, case: tuple[str, str, str]):
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    _mutate(root, *case)
    return root, load_content(root)


@pytest.mark.parametrize("name", VALID)
def test_hostile_but_valid_text_gives_well_formed_outputs(name: str, tmp_path: Path) -> None:
    _, loaded = _load(tmp_path, VALID[name])
    graph, problems = build_graph(loaded)
    assert graph is not None and not errors(problems), problems
    _outputs(BuildContext(graph=graph, now=datetime(2025, 1, 1, tzinfo=UTC),
                          site_url="https://example.org/i4ms/", site_name="I4MS portal"))


@pytest.mark.parametrize("name", REFUSED)
def test_text_no_output_can_carry_is_refused_on_its_line(name: str, tmp_path: Path) -> None:
    file, field, _ = REFUSED[name]
    root, loaded = _load(tmp_path, REFUSED[name])
    graph, problems = build_graph(loaded)
    found = errors(problems)
    assert graph is None and found, f"{name} was accepted"
    expected_line = next(n for n, text in enumerate(
        (root / file).read_text(encoding="utf-8").split("\n"), 1) if text.startswith(f"{field}:"))
    for p in found:
        assert p.path.endswith(file) and "\n" not in p.text(), p
    assert [p.line for p in found] == [expected_line], found
