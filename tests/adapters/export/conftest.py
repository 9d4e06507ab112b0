"""The fixture site exported once per session, and rendered by each engine from its own venv
(``scripts/engines.sh`` makes them; ``scripts/test.sh`` runs it). A missing engine fails the
tests that need it, with the command that installs it: nothing is skipped."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from i4ms.tools.cli import main

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "site"
ENGINES = {
    "properdocs": REPO / ".venv-properdocs" / "bin" / "properdocs",
    "zensical": REPO / ".venv-zensical" / "bin" / "zensical",
}
EPOCH = "1780000000"  # the same build moment for every build compared


def engine(name: str) -> Path:
    exe = ENGINES[name]
    if not exe.is_file():
        pytest.fail(f"{name} is not installed at {exe}: run `bash scripts/engines.sh` "
                    "(scripts/test.sh does)", pytrace=False)
    return exe


def environ() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}


@dataclass(frozen=True)
class Built:
    tree: Path
    site: Path
    seconds: float
    log: str


@contextmanager
def fixed_moment() -> Iterator[None]:
    """In-process builds at the engines' build moment, so files stamped "now" compare."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def export_tree(content: Path, out: Path) -> Path:
    with fixed_moment():
        code = main(["export", str(out), "--config", str(REPO / "mkdocs.yml"), "--content", str(content)])
    assert code == 0
    return out


def render(name: str, tree: Path) -> Built:
    """``properdocs build`` / ``zensical build`` in the exported tree, as a user runs them."""
    exe = engine(name)
    site = tree / "site"
    args = [str(exe), "build", "--strict"] + (["--clean"] if name == "zensical" else [])
    start = time.perf_counter()
    run = subprocess.run(args, cwd=tree, capture_output=True, text=True, env=environ(), timeout=600)
    seconds = time.perf_counter() - start
    log = run.stdout + run.stderr
    assert run.returncode == 0, f"{name} build failed:\n{log[-3000:]}"
    return Built(tree, site, seconds, log)


@pytest.fixture(scope="session")
def fixture_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_tree(FIXTURE, tmp_path_factory.mktemp("export") / "tree")


@pytest.fixture(scope="session")
def rendered(fixture_tree: Path, tmp_path_factory: pytest.TempPathFactory):
    """Each engine's build of its own copy of the fixture tree, made once per session."""
    made: dict[str, Built] = {}

    def get(name: str) -> Built:
        if name not in made:
            tree = export_tree(FIXTURE, tmp_path_factory.mktemp(name) / "tree")
            made[name] = render(name, tree)
        return made[name]

    return get
