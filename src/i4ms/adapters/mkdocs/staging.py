"""`mkdocs build` writes into a folder beside the site and swaps it in only when the build
succeeded: a failed, killed or out-of-disk build leaves the previous site whole.

MkDocs cleans ``site_dir`` first and writes page by page, so a build that stops half-way
used to leave a site with files missing, or a mix of two builds. Here ``site_dir`` is pointed
at ``.<site>.building-<pid>`` next to the target; at the end of a good build the old site is
renamed aside, the new one renamed into place (two renames on one file system) and the old
one removed.

`mkdocs serve` builds into its own temporary folder, cleaned and rewritten on every edit: ~1,300
files at 700 experiments. On a disk that is a second or more of each reload, and growing while
the previous builds' files are still being flushed; in memory (``/dev/shm``) it is a few tens of
milliseconds. So that folder becomes a link to one in memory when there is room
(``MEMORY_NEEDED``), unless ``extra.i4ms_serve_in_memory: false``; both go at shutdown.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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


MEMORY = Path("/dev/shm")
MEMORY_NEEDED = 2 * 1024**3
"""Free bytes the memory file system must have (a 10,000-item site is under 1 GB)."""

_in_memory: tuple[Path, Path] | None = None
"""(serve's folder, now a link; the folder in memory it points to), once made."""


def serve_from_memory(site_dir: Path, memory: Path = MEMORY) -> bool:
    """Make `mkdocs serve`'s empty temporary site folder a link to a new folder in memory.

    Only serve's own folder (``mkdocs_*`` in the temp dir, still empty) and only when the memory
    file system has room: anything else is left as MkDocs made it. True when it was done."""
    global _in_memory
    if not serving() or _in_memory is not None:
        return False
    if (site_dir.is_symlink() or not site_dir.is_dir() or any(site_dir.iterdir())
            or not site_dir.name.startswith("mkdocs_")
            or site_dir.parent.resolve() != Path(tempfile.gettempdir()).resolve()):
        return False
    try:
        stats = os.statvfs(memory)
        if not os.access(memory, os.W_OK) or stats.f_bavail * stats.f_frsize < MEMORY_NEEDED:
            return False
        _remove_orphans(memory)
        folder = Path(tempfile.mkdtemp(prefix=f"i4ms-serve-{os.getpid()}-", dir=memory))
    except OSError:
        return False
    site_dir.rmdir()
    site_dir.symlink_to(folder, target_is_directory=True)
    _in_memory = (site_dir, folder)
    return True


def _remove_orphans(memory: Path) -> None:
    """Folders of servers that were killed (no shutdown event ran): memory is not a disk."""
    for folder in memory.glob("i4ms-serve-*-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leave_memory() -> None:
    """At shutdown: the link and the folder in memory go (serve then finds nothing to remove)."""
    global _in_memory
    if _in_memory is None:
        return
    link, folder = _in_memory
    _in_memory = None
    if link.is_symlink():
        link.unlink()
    shutil.rmtree(folder, ignore_errors=True)
