"""How long something ran (a project, an experiment), in the site's one date format.

Dates are printed through :func:`i4ms.views.dates.day_text` (Babel) only; a missing end is
said to be missing, never left to read as "still running".
"""

from __future__ import annotations

from datetime import date

from i4ms.views.dates import day_text

NOT_STATED = "not stated"


def period_text(started: date | None, ended: date | None) -> str:
    """``1 March 2021 to 31 August 2022``; ``from 1 March 2021 (end not stated)``; ``not stated``."""
    if started and ended:
        return f"{day_text(started)} to {day_text(ended)}"
    if started:
        return f"from {day_text(started)} (end not stated)"
    if ended:
        return f"until {day_text(ended)} (start not stated)"
    return NOT_STATED
