"""Front matter is escaped in every template: script payloads, loaded past validation, never run."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from helpers.sitebuild import PAYLOADS, serve


def _check(watched, url: str) -> str:
    page = watched.page
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__xss") is None
    assert page.locator("body script:not([src]):has-text('__xss')").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    assert not [e for e in watched.errors if e.startswith("dialog")]
    return page.locator("body").inner_text()


def test_script_payloads_do_not_run_and_text_shows_literally(watched, hostile) -> None:
    content, site = hostile
    org_id = next((content / "organisations").glob("*.md")).stem
    with serve(site) as base:
        text = _check(watched, base + "experiments/smart-weld/")
        assert 'Tom & Jerry <b>bold</b> "quoted" \'single\'' in text
        assert "a < b && c > d" in text
        assert '"><svg onload=window.__xss=1> Evil & Co <i>x</i>' in text  # partner name
        for path in ["", "best-practices/", f"organisations/{org_id}/", "organisations/",
                     "technologies/robotics/"]:
            _check(watched, base + path)


def test_title_element_holds_the_payload_as_text(watched, hostile) -> None:
    _, site = hostile
    with serve(site) as base:
        watched.page.goto(base + "experiments/smart-weld/")
        assert "</title><script>" in watched.page.title()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_hostile_build_escapes_in_the_html_source(hostile) -> None:
    _, site = hostile
    for page in ("experiments/smart-weld/index.html", "index.html", "best-practices/index.html"):
        tags = _Tags()
        tags.feed((Path(site) / page).read_text(encoding="utf-8"))
        assert tags.bad == [], page
        assert not [s for s in tags.scripts if "__xss=1" in s and "\\u003c" not in s
                    and "ld+json" not in s and "<script" in s], page


class _Codes(HTMLParser):
    """The text of every <code>: what a holder selects and copies from the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.codes: list[str] = []
        self._open = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "code":
            self._open += 1
            self.codes.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open -= tag == "code"

    def handle_data(self, data: str) -> None:
        if self._open:
            self.codes[-1] += data


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def test_badge_embed_code_stays_safe_when_pasted(hostile) -> None:
    """The label's name breaks out of no attribute on the holder's own website."""
    _, site = hostile
    for page in ("experiments/smart-weld/index.html", "organisations/acme-robotics/index.html"):
        codes = _Codes()
        codes.feed((Path(site) / page).read_text(encoding="utf-8"))
        snippets = [c for c in codes.codes if c.startswith("<a href=")]
        assert snippets, page
        for snippet in snippets:
            pasted = _Attributes()
            pasted.feed(snippet)
            assert [(tag, sorted(attrs)) for tag, attrs in pasted.tags] == [
                ("a", ["href"]), ("img", ["alt", "height", "src", "width"])], snippet
            assert pasted.tags[1][1]["alt"].startswith(PAYLOADS["label"]), snippet
