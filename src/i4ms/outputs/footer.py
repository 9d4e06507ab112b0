"""What every page's footer says that comes from the content: when the content last changed.

Computed once per build by the core and handed to the theme by the engine adapter (MkDocs:
``config.extra.i4ms_footer``), so no template computes a date. The date is the latest last
commit of any content file (``ctx.content_dates``); outside a git checkout, the latest past
date written in the content (a call's opening, a project's start...), never the build's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from i4ms.content.models import COLLECTIONS
from i4ms.outputs.pictures.eu_emblem import eu_emblem_svg
from i4ms.views.context import BuildContext
from i4ms.views.dates import Lastmod, day_text

NOT_STATED = "not stated"


@dataclass(frozen=True)
class Footer:
    updated: date | None
    emblem: Markup

    @property
    def updated_text(self) -> str:
        return day_text(self.updated) if self.updated else NOT_STATED

    @property
    def updated_iso(self) -> str:
        return self.updated.isoformat() if self.updated else ""


def content_updated(ctx: BuildContext) -> date | None:
    """The day the content last changed: its latest commit, else its latest past date."""
    committed = [d for d in ctx.content_dates.values() if d <= ctx.now]
    if committed:
        return max(committed).date()
    found = Lastmod(ctx).collections(COLLECTIONS)
    return found.date() if found else None


def footer(ctx: BuildContext) -> Footer:
    return Footer(content_updated(ctx), Markup(eu_emblem_svg()))  # noqa: S704 - our own SVG, no input
