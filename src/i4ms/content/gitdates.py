"""When each file was last committed: real "last modified" dates for feeds and the sitemap.

Called once per build by the MkDocs adapter (the edge), never by a generator. One
``git log`` walks the history of a folder newest first; the first commit that names a
file is its last change. Outside a git checkout, without git, or in a shallow clone (CI's
default ``fetch-depth: 1``, where every file seems changed by the one commit there is),
there are no dates, and callers fall back to the content's own dates.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

_MARK = "\x1e"  # starts each commit's header line in the log; never in a file name


def last_commit_dates(folder: Path, timeout: float = 60.0) -> dict[str, datetime]:
    """Posix path relative to ``folder`` -> committer date (UTC) of the last commit touching it."""
    folder = folder.resolve()
    if not folder.is_dir():
        return {}
    try:
        top = _git(folder, ["rev-parse", "--show-toplevel"], timeout).strip()
        if _git(folder, ["rev-parse", "--is-shallow-repository"], timeout).strip() == "true":
            return {}  # a shallow clone dates every old file by its oldest commit: not real
        log = _git(
            folder,
            ["-c", "core.quotepath=off", "log", "--no-renames", "--name-only",
             f"--format={_MARK}%ct", "--", "."],
            timeout,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if not top:
        return {}
    prefix = folder.relative_to(Path(top).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    return parse_log(log, prefix)


def parse_log(log: str, prefix: str = "") -> dict[str, datetime]:
    """Read ``git log --name-only --format=<mark>%ct`` output (newest commit first)."""
    dates: dict[str, datetime] = {}
    when: datetime | None = None
    for line in log.split("\n"):  # not splitlines(): it splits at the \x1e mark too
        if line.startswith(_MARK):
            when = datetime.fromtimestamp(int(line[1:]), tz=UTC)
        elif line and when is not None and line.startswith(prefix):
            dates.setdefault(line[len(prefix):], when)
    return dates


def _git(cwd: Path, args: list[str], timeout: float) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=True,
    )
    return done.stdout
