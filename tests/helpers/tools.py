"""The project's command-line tools, from the environment that runs the tests.

Never ``REPO/.venv/bin``: a CI runner, a system install or another venv name must work too.
A console script sits next to the interpreter that installed it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """The path of console script ``name`` installed with this interpreter, else on PATH."""
    beside = BIN / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed next to {sys.executable} nor on PATH")
    return found


MKDOCS = [sys.executable, "-m", "mkdocs"]
"""``mkdocs`` as the running interpreter runs it."""
