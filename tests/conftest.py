"""Shared fixtures: where the fixture content lives, and `i4ms validate` run in-process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from i4ms.tools.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One real Chromium per test process (Debian's, via Playwright; never a downloaded one):
    Playwright's sync API allows a single instance per process, shared by every e2e folder
    and by the benches the tests run (``bench.browser.chromium``)."""
    from bench import browser as bench_browser

    with bench_browser.chromium() as b:
        bench_browser.shared = b  # the benches that tests run reuse it
        try:
            yield b
        finally:
            bench_browser.shared = None


@pytest.fixture
def watched(browser) -> Iterator:
    """A fresh page in its own browser context, recording console errors and requests."""
    from helpers.sitebuild import Watched

    context = browser.new_context()
    yield Watched(context.new_page())
    context.close()


@pytest.fixture
def no_js_page(browser) -> Iterator:
    """A page in its own browser context with JavaScript off: what the static lists show."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so problem paths read `tests/fixtures/...` as in CI."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def site_dir() -> Path:
    """The small valid site; end-to-end tests build it too."""
    return FIXTURES / "site"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``cli("validate", path, ...)`` -> (exit code, stdout, stderr) of ``i4ms.tools.cli.main``."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
