"""Small files that once hung validation or the build: every check is linear in its input.

The sizes are ten times those that took 31 s to 239 s before (issue 15): each must now be
checked, by the real console script, in a few seconds on a slow shared machine, and the ones
no page can show are refused as too complex on their line. These test behaviour (no hang),
not speed: the bound is generous, and it counts the CPU time of the check itself, not the wall
time, which other jobs on a shared machine stretch (a quadratic check at these sizes would need
minutes of CPU, not seconds).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from helpers.tools import tool

from i4ms.content import loader
from i4ms.content.limits import Budget
from i4ms.content.markdown import render_markdown

REPO = Path(__file__).resolve().parents[2]
BASE = REPO / "tests" / "fixtures" / "bad" / "control-character-in-body"  # one organisation
ORG = "organisations/acme-robotics.md"
FRONT = ("---\nname: Acme Robotics GmbH\ncountry: DE\ntype: sme\nsources:\n"
         "  - title: Synthetic test fixture, not published.\n---\n")
BODY_LINE = 8
BOUND_SECONDS = 5.0

NOTE = "Results: a colon and a link <https://example.eu> wake every check up.\n\n"
ACCEPTED = {  # prose, as far as any page can tell: validated and rendered
    "repeated-open-tags": NOTE + "<a " * 200_000,  # 600 KB (12 KB took 2.6 s, 60 KB 239 s)
    "link-then-spaces": NOTE + "[x](" + " " * 128_000 + "\n",  # 12.8 KB took 31 s
    "lines-of-brackets": NOTE + "[\n" * 150_000,
    "unclosed-brackets": NOTE + "[" * 300_000,
    "repeated-comment-openers": NOTE + "<!-" * 100_000,
    "repeated-definitions": NOTE + "[a]: <\n" * 50_000,
}
REFUSED = {  # deeper than a page nests: refused, on the line where it happens
    "nested-quotes": (">" * 400_000 + " x\n", 0),  # 40,000 levels took 31 s in the sanitiser
    "nested-quotes-spaced": ("Intro.\n\n" + "> " * 200_000 + "x\n", 2),
    "nested-lists": ("- " * 200_000 + "x\n", 0),
    "nested-raw-html": ("<div>" * 150_000, 0),
}


def _content(tmp_path: Path, body: str) -> Path:
    root = tmp_path / "content"
    shutil.copytree(BASE, root)
    (root / ORG).write_text(FRONT + body, encoding="utf-8")
    assert (root / ORG).stat().st_size < 1_000_000
    return root


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _validate(root: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run the console script; the CPU seconds it used."""
    start = _children_cpu()
    run = subprocess.run([tool("i4ms"), "validate", root.name], cwd=root.parent,
                         capture_output=True, text=True, timeout=300)
    return run, _children_cpu() - start


@pytest.mark.parametrize("name", ACCEPTED)
def test_linear_in_validate_and_in_the_build(name: str, tmp_path: Path) -> None:
    run, seconds = _validate(_content(tmp_path, ACCEPTED[name]))
    assert run.returncode == 0, run.stdout[-500:] + run.stderr[-500:]
    assert seconds < BOUND_SECONDS, f"validate took {seconds:.1f} s of CPU"
    start = time.process_time()
    render_markdown(ACCEPTED[name])  # what the build does with the body
    assert time.process_time() - start < BOUND_SECONDS


@pytest.mark.parametrize("name", REFUSED)
def test_too_deep_is_refused_quickly_on_its_line(name: str, tmp_path: Path) -> None:
    body, line = REFUSED[name]
    root = _content(tmp_path, body)
    run, seconds = _validate(root)
    assert seconds < BOUND_SECONDS, f"validate took {seconds:.1f} s of CPU"
    assert run.returncode == 1 and run.stderr == "", run.stderr[-500:]
    problems = run.stdout.splitlines()
    assert problems[-1] == "1 problem found", run.stdout[-500:]
    assert problems[0].startswith(f"content/{ORG}:{BODY_LINE + line}: body: too complex: ")


def test_a_file_over_its_time_budget_is_reported_not_waited_for(tmp_path, monkeypatch) -> None:
    """Whatever is slow despite the limits stops at the budget, between stages."""
    root = _content(tmp_path, "Prose.\n")
    real = loader.safety_problems

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "safety_problems", slow)
    item, _, problems = loader.load_item(root / ORG, "organisations", root, Budget(0.1))
    assert item is None
    assert [(p.line, p.field) for p in problems] == [(BODY_LINE, "body")]
    assert problems[0].message.startswith("too complex: checking this file took 0.")
    assert "the limit is 0.1 s" in problems[0].message


def test_rendering_refuses_what_validation_refuses_instead_of_stalling() -> None:
    """The build renders validated bodies only; should one slip past, it fails, at once."""
    from i4ms.content.limits import TooComplex

    start = time.process_time()
    with pytest.raises(TooComplex, match="nested 40,000 levels deep"):
        render_markdown("Intro.\n\n" + "> " * 40_000 + "x\n")
    assert time.process_time() - start < BOUND_SECONDS


@pytest.mark.parametrize("tail", ["<img src=x onerror=alert(1)>", "[d]: javascript:alert(1)"])
def test_the_line_of_a_late_problem_in_a_long_body_is_found_quickly(tail: str) -> None:
    """Locating the line renders prefixes of the body; that stays a few renders, not one a line."""
    from i4ms.content.safety import find_script

    body = "Prose <b>with</b> a [link][d] and some more words.\n\n" * 3_000 + tail + "\n"
    start = time.process_time()
    hit = find_script(body)
    assert time.process_time() - start < BOUND_SECONDS
    assert hit is not None and hit[1] == 6_000
