"""`mkdocs build` writes into a folder beside the site and swaps it in only when the build
succeeded: a failed, killed or out-of-disk build leaves the previous site whole.

MkDocs cleans ``site_dir`` first and writes page by page, so a build that stops half-way
used to leave a site with files missing, or a mix of two builds. Here ``site_dir`` is pointed
at ``.<site>.building-<pid>`` next to the target; at the end of a good build the old site is
renamed aside, the new one renamed into place (two renames on one file system) and the old
one removed. `mkdocs serve` builds into its own temporary folder and is left alone.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

_COMMANDS = {"build"}
"""Commands whose site folder is swapped; ``gh-deploy`` reads ``site_dir`` after the build."""

_command: str | None = None
"""The mkdocs command of this process (``on_startup`` is the only event that tells)."""


def remember_command(command: str) -> None:
    global _command
    _command = command


def serving() -> bool:
    """`mkdocs serve`: one process builds again and again."""
    return _command == "serve"


@dataclass(frozen=True)
class Staging:
    target: Path
    folder: Path

    def swap_in(self) -> None:
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        if self.target.exists():
            self.target.rename(old)
        self.folder.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def stage(site_dir: Path) -> Staging | None:
    """Where this build writes: a fresh staging folder for `mkdocs build`, else None."""
    if _command not in _COMMANDS:
        return None
    target = site_dir.resolve()
    for stale in target.parent.glob(f".{target.name}.building-*"):  # from a killed build
        shutil.rmtree(stale, ignore_errors=True)
    folder = target.parent / f".{target.name}.building-{os.getpid()}"
    folder.mkdir(parents=True)
    return Staging(target, folder)
