"""The contributors' forms at /admin/ in Chromium, with decap-server writing into a temporary
clone: what a contributor does (create, be refused, edit) and what lands in the files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers.sitebuild import REPO, build, serve

from i4ms.tools.cli import main

IMAGES = REPO / "docs" / "images"
"""Where the screenshots CONTRIBUTING.md shows go, when I4MS_SCREENSHOTS=1 (to refresh them);
otherwise into a temporary folder, so a test run leaves the checkout as it was."""
TITLE = "Synthetic test experiment: welding cell twin"
SLUG = "synthetic-test-experiment-welding-cell-twin"
SECTIONS = {"Challenge": "Synthetic challenge text.", "Solution": "Synthetic solution text.",
            "Results": "Synthetic results text.", "Impact": "Synthetic impact text."}


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("I4MS_SCREENSHOTS") == "1":
        return IMAGES
    return tmp_path_factory.mktemp("screenshots")


def _field(page, name: str, nth: int = 0):
    return page.locator(f"[id^='{name}-field-']").nth(nth)


def _pick(page, name: str, text: str, nth: int = 0) -> None:
    """Choose ``text`` in a select or relation field, as a contributor does: type, then Enter."""
    box = _field(page, name, nth)
    box.click()
    box.fill(text)
    page.locator("[class*='-option']").filter(has_text=text).first.click()


def _open(cms, path: str, ready: str | None = None) -> None:
    page = cms.page
    page.goto(cms.admin)
    page.get_by_role("button", name="Login").click()
    page.goto(cms.admin + path)
    if ready:
        page.get_by_text(ready).first.wait_for()
    else:
        _field(page, "title" if "experiments" in path else "name").wait_for()


def _publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def _written(page, path: Path, unlike: str | None = None) -> str:
    """The text decap-server has finished writing to ``path``: it creates the file before it
    fills it, so a file that exists may still be empty (CI once read it so); wait for a text
    other than ``unlike`` that two reads 200 ms apart agree on, for at most 10 s."""
    last = None
    for _ in range(50):
        text = path.read_text(encoding="utf-8") if path.exists() else None
        if text and text != unlike and text == last:
            return text
        last = text
        page.wait_for_timeout(200)
    where = sorted(p.name for p in path.parent.iterdir())
    raise AssertionError(f"{path.name} was not written (last read: {last!r}; folder: {where})")


def _fill_experiment(page, summary: str) -> None:
    _field(page, "title").fill(TITLE)
    _pick(page, "project", "CloudiFacturing")
    for n, (org, role) in enumerate([("i-deal", "Technology provider"),
                                     ("TroTusTex", "End user")]):
        page.get_by_role("button", name="Add partners").click()
        _pick(page, "organisation", org, n)
        _pick(page, "role", role, n)
    _pick(page, "technologies", "High Performance Computing")
    _pick(page, "technologies", "Simulation")
    _field(page, "summary").fill(summary)


def test_create_an_experiment_through_the_form(cms, images: Path, clone: Path,
                                              tmp_path: Path) -> None:
    page = cms.page
    _open(cms, "#/collections/experiments/new")
    _fill_experiment(page, "Synthetic: a welding cell simulated on HPC before it was built.")
    body = page.locator("[data-slate-editor='true']")
    for heading, text in SECTIONS.items():
        body.locator("h2", has_text=heading).click()
        page.keyboard.press("End")
        page.wait_for_timeout(150)
        page.keyboard.press("Enter")
        page.wait_for_timeout(150)
        page.keyboard.type(text)
        page.wait_for_timeout(150)
    page.screenshot(path=str(images / "cms-new-experiment.png"), full_page=False)
    _publish(page)
    target = clone / "content" / "experiments" / f"{SLUG}.md"
    text = _written(page, target)
    for heading, body_text in SECTIONS.items():
        assert re.search(rf"^## {heading}\s+{body_text}", text, re.M), text
    assert main(["validate", str(clone / "content")]) == 0, text

    out = tmp_path / "site"
    run = build(clone / "content", out)
    assert run.returncode == 0, run.stderr[-3000:]
    with serve(out) as url:
        page.goto(f"{url}experiments/{SLUG}/")
        assert page.locator("h1").inner_text().strip() == TITLE
        for listing in ("projects/cloudifacturing/", "organisations/i-deal/",
                        "organisations/trotustex/"):
            page.goto(url + listing)
            assert page.locator(f"a[href$='experiments/{SLUG}/']").count() >= 1, listing


@pytest.mark.parametrize("case", ["required", "too-long"])
def test_the_form_refuses_what_the_model_refuses(cms, images: Path, clone: Path,
                                                case: str) -> None:
    page = cms.page
    _open(cms, "#/collections/experiments/new")
    before = sorted((clone / "content" / "experiments").iterdir())
    if case == "required":
        _field(page, "title").fill("Synthetic experiment without a project")
        message = "Project is required"
    else:
        _fill_experiment(page, "x" * 301)
        message = "String should have at most 300 characters"
    _publish(page)
    error = page.get_by_text(message).first
    error.wait_for()
    if case == "too-long":
        page.screenshot(path=str(images / "cms-refused.png"))
    page.wait_for_timeout(500)
    assert sorted((clone / "content" / "experiments").iterdir()) == before


def test_edit_one_field_of_an_organisation(cms, images: Path, clone: Path) -> None:
    page = cms.page
    path = clone / "content" / "organisations" / "fraunhofer.md"
    comment = "# synthetic comment, written by the CMS test"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "type: research\n", f"type: research\n{comment}\n", 1), encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    _open(cms, "#/collections/organisations/entries/fraunhofer")
    _field(page, "region").fill("Bavaria")
    page.screenshot(path=str(images / "cms-edit-organisation.png"))
    _publish(page)
    saved = _written(page, path, unlike=original)
    assert "region: Bavaria" in saved, saved
    assert main(["validate", str(clone / "content")]) == 0, saved
    # Decap rewrites the front matter from the parsed data: the body and every value stay,
    # keys follow the form's order, which is the models' and the files' (see CONTRIBUTING.md).
    def keys(text: str) -> list[str]:
        return re.findall(r"^(\w+):", text.split("\n---\n", 1)[0], re.M)

    assert keys(saved) == ["name", "short_name", "country", "type", "region", "sources", "notes"]
    assert [k for k in keys(saved) if k != "region"] == keys(original)
    assert comment not in saved  # Decap keeps no YAML comment: notes belong in `notes`
    assert saved.split("\n---\n", 1)[1] == original.split("\n---\n", 1)[1]
    for line in ("name: Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.",
                 "short_name: Fraunhofer", "type: research"):
        assert line in saved.splitlines(), saved


def test_the_admin_page_makes_no_request_off_localhost(cms, images: Path) -> None:
    page = cms.page
    _open(cms, "#/collections/experiments", ready="CAPSULE")
    page.screenshot(path=str(images / "cms-collections.png"))
    page.goto(cms.admin + "#/collections/experiments/new")
    _field(page, "title").wait_for()
    page.wait_for_timeout(1500)
    off = [u for u in cms.requests
           if not re.match(r"^(https?://(127\.0\.0\.1|localhost)(:\d+)?/|data:|blob:)", u)]
    assert off == []
    assert cms.errors == []
