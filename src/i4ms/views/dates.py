"""Real dates of content: for feed entries, calendar stamps and the sitemap's ``lastmod``.

Never the build's time. A content file's date is its last commit (read by the adapter into
``ctx.content_dates``); without git, the content's own dates stand in, and a date after the
build moment is a plan, not a change, so it never counts as "last modified".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from i4ms.content.models import COLLECTIONS, Call
from i4ms.graph.call_status import closes_at, opens_at
from i4ms.views.context import BuildContext
from i4ms.views.urls import item_src


def content_key(collection: str, item_id: str) -> str:
    """The content file of an item, relative to the content folder, as ``ctx.content_dates`` keys it."""
    return f"{collection}/{item_id}.md"


def at_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


LOCALE = "en_GB"
"""Day before month, 24-hour clock: how EU institutions write dates in English."""


def day_text(day: date) -> str:
    """A calendar day, as every page, feed and calendar prints one: ``30 June 2021``."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def moment_text(moment: datetime, timezone: str) -> str:
    """An instant in ``timezone``, with the zone and its UTC offset, so nobody has to guess:
    ``30 June 2021, 17:00 Brussels time (UTC+02:00)``."""
    local = moment.astimezone(ZoneInfo(timezone))
    offset = f"{local:%z}"
    place = timezone.rpartition("/")[2].replace("_", " ")
    return (f"{format_datetime(local, 'd MMMM y, HH:mm', locale=LOCALE)} {place} time "
            f"(UTC{offset[:3]}:{offset[3:]})")


def span_text(start: datetime, end: datetime, timezone: str) -> str:
    """Two instants in ``timezone``: ``25 March 2021, 10:00 to 12:30 Brussels time
    (UTC+01:00)`` on one day, both in full otherwise."""
    zone = ZoneInfo(timezone)
    first, last = start.astimezone(zone), end.astimezone(zone)
    if first.date() != last.date():
        return f"{moment_text(first, timezone)} to {moment_text(last, timezone)}"
    full = moment_text(first, timezone)
    clock = format_datetime(first, "HH:mm", locale=LOCALE)
    return full.replace(clock, f"{clock} to {format_datetime(last, 'HH:mm', locale=LOCALE)}", 1)


def opening_text(call: Call) -> str:
    """When a call opens: a date-only opening is the start of that day in the call's zone."""
    if isinstance(call.opens, datetime):
        return moment_text(opens_at(call), call.timezone)
    return day_text(call.opens)


def deadline_text(call: Call) -> str:
    """The deadline in the call's own time zone, the one wording of every page, feed and
    calendar; a date-only deadline is the end of that day there."""
    if isinstance(call.closes, datetime):
        return moment_text(closes_at(call), call.timezone)
    place = call.timezone.rpartition("/")[2].replace("_", " ")
    return f"end of {day_text(call.closes)}, {place} time"


def git_date(ctx: BuildContext, collection: str, item_id: str) -> datetime | None:
    return ctx.content_dates.get(content_key(collection, item_id))


def story_date(ctx: BuildContext, exp_id: str) -> datetime | None:
    """A success story's date: ``ended``, else ``started``, else its file's last commit, else
    (a zip download or a shallow clone has no history) what the content says of when the
    experiment ran (:func:`ran_by`); else None, and the feed leaves it out (the API lists it)."""
    exp = ctx.graph.experiments[exp_id].model
    day = exp.ended or exp.started
    if day:
        return at_midnight(day)
    found = git_date(ctx, "experiments", exp_id)
    return found if found is not None else ran_by(ctx, exp_id)


def ran_by(ctx: BuildContext, exp_id: str) -> datetime | None:
    """A past date the content gives for an undated experiment: the close of the call it came
    from (it ran after that; a call still open means no date yet), else its project's
    ``ended``, else its ``started``. A date after the build moment is a plan, never a date."""
    g = ctx.graph
    exp = g.experiments[exp_id].model
    if exp.call:
        found: datetime | None = closes_at(g.calls[exp.call].model)
    else:
        project = g.projects[exp.project].model
        day = next((d for d in (project.ended, project.started) if d and at_midnight(d) <= ctx.now),
                   None)
        found = at_midnight(day) if day else None
    return found.astimezone(UTC) if found is not None and found <= ctx.now else None


def undated_stories(ctx: BuildContext) -> list[str]:
    """Success stories no date is known for: the build says so, since the feed leaves them out."""
    g = ctx.graph
    return sorted(e for e in g.experiments if g.is_success_story(e) and story_date(ctx, e) is None)


def latest_content_date(ctx: BuildContext) -> datetime | None:
    """The newest real date of any content: last commits, else each item's latest past date
    (a feed with no entries is dated by it, never by the build)."""
    if ctx.content_dates:
        return max(ctx.content_dates.values())
    return max((d for c in COLLECTIONS for i in ctx.graph.collection(c)
                if (d := item_modified(ctx, c, i)) is not None), default=None)


def calendar_stamp(ctx: BuildContext, call_id: str) -> datetime:
    """DTSTAMP of a call's event: its file's last commit, else when it opens (UTC)."""
    found = git_date(ctx, "calls", call_id)
    return (found or opens_at(ctx.graph.calls[call_id].model)).astimezone(UTC)


def _written_dates(ctx: BuildContext, collection: str, item_id: str) -> Iterator[datetime]:
    model = ctx.graph.collection(collection)[item_id].model
    if collection == "calls":
        yield opens_at(model)
    for name in ("started", "ended"):
        value = getattr(model, name, None)
        if isinstance(value, date):
            yield at_midnight(value)


def item_modified(ctx: BuildContext, collection: str, item_id: str) -> datetime | None:
    """When an item's file last changed: its last commit, else its latest past date."""
    found = git_date(ctx, collection, item_id)
    if found is not None:
        return found
    past = [d for d in _written_dates(ctx, collection, item_id) if d <= ctx.now]
    return max(past, default=None)


def _related(ctx: BuildContext, collection: str, item_id: str) -> Iterator[tuple[str, str]]:
    """The items whose text an item's page shows: a change to them changes the page."""
    g = ctx.graph
    yield collection, item_id
    if collection == "experiments":
        exp = g.experiments[item_id].model
        yield "projects", exp.project
        if exp.call:
            yield "calls", exp.call
        yield from (("organisations", p.organisation) for p in exp.partners)
        yield from (("labels", gr.label) for gr in exp.grants)
    elif collection == "organisations":
        yield from (("experiments", p.experiment) for p in g.org_experiments.get(item_id, []))
        yield from (("labels", h.label) for h in g.org_holdings.get(item_id, []))
    elif collection == "projects":
        proj = g.projects[item_id].model
        yield from (("organisations", o) for o in [proj.coordinator, *proj.dihs] if o)
        yield from (("experiments", e) for e in g.project_experiments.get(item_id, []))
        yield from (("calls", c) for c in g.project_calls.get(item_id, []))
        yield from (("offerings", o) for o in g.project_offerings.get(item_id, []))
    elif collection == "calls":
        call = g.calls[item_id].model
        yield "projects", call.project
        if call.label:
            yield "labels", call.label
        yield from (("experiments", e) for e in g.call_experiments.get(item_id, []))
    elif collection == "offerings":
        provider = g.offerings[item_id].model.provider
        yield ("projects" if provider in g.projects else "organisations"), provider
    elif collection == "labels":
        yield from (("experiments", h.experiment) for h in g.label_experiments.get(item_id, [])
                    if h.experiment)
        yield from (("organisations", o) for o, _ in g.label_organisations.get(item_id, []))


LISTINGS: dict[str, tuple[str, ...]] = {
    "calls": ("calls", "projects"),
    "projects": ("projects", "offerings", "organisations"),
    "best-practices": ("experiments", "projects", "organisations", "labels"),
    "organisations": ("organisations", "experiments", "labels"),
    "labels": ("labels", "experiments", "organisations"),
    "technologies": ("experiments", "projects", "organisations", "labels"),
    "sectors": ("experiments", "projects", "organisations", "labels"),
    "countries": ("experiments", "projects", "organisations", "labels"),
}
"""Which collections a listing page (by its first folder) shows; other pages show any."""


class Lastmod:
    """``lastmod`` of every generated page, computed once per build (the sitemap asks 10,000 times)."""

    def __init__(self, ctx: BuildContext):
        self.ctx = ctx
        self._items: dict[tuple[str, str], datetime | None] = {}
        for collection in COLLECTIONS:
            for item_id in ctx.graph.collection(collection):
                self._items[collection, item_id] = item_modified(ctx, collection, item_id)
        self._pages = {item_src(c, i): (c, i) for c, i in self._items}
        self._collections = {
            c: max((d for (cc, _), d in self._items.items() if cc == c and d), default=None)
            for c in COLLECTIONS
        }

    def _latest(self, dates: Iterable[datetime | None]) -> datetime | None:
        return max((d for d in dates if d is not None), default=None)

    def item(self, collection: str, item_id: str) -> datetime | None:
        return self._latest(self._items.get(pair) for pair in _related(self.ctx, collection,
                                                                       item_id))

    def collections(self, names: Iterable[str]) -> datetime | None:
        return self._latest(self._collections.get(c) for c in names)

    def page(self, src_uri: str) -> date | None:
        """The day a generated page's content last changed, or None when nothing says."""
        if src_uri in self._pages:
            found = self.item(*self._pages[src_uri])
        else:
            folder = src_uri.split("/", 1)[0] if "/" in src_uri else ""
            found = self.collections(LISTINGS.get(folder, tuple(COLLECTIONS)))
        return found.date() if found else None
