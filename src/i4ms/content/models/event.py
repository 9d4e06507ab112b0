from __future__ import annotations

from typing import Literal

from pydantic import Field

from i4ms.content.models.fields import (
    CountryCode,
    DateOrDateTime,
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
    TimeZone,
    ref,
    vocab,
)

EventKind = Literal[
    "webinar", "info-day", "qa-session", "conference", "workshop", "award-ceremony", "other"
]


class Place(Strict):
    city: str = Field(min_length=1, description="the city the event takes place in")
    country: CountryCode = Field(
        description="The country.")
    venue: str | None = Field(default=None, description="the building or venue, if known")


class Speaker(Strict):
    name: str = Field(min_length=1, description="the speaker's name, as the source gives it")
    organisation: ref("organisations") | None = Field(  # type: ignore[valid-type]
        default=None, description="The organisation the speaker speaks for.")
    role: str | None = Field(default=None, description="e.g. Moderator, Keynote speaker")


class AgendaItem(Strict):
    time: str | None = Field(
        default=None, pattern=r"^\d\d:\d\d(?:[–-]\d\d:\d\d)?$",
        description="local time (HH:MM, or HH:MM–HH:MM) in the event's time zone; leave it out "
                    "when the programme gives none")
    title: str = Field(
        min_length=1, description="What happens then.")
    speakers: list[str] = Field(default=[], description="names from the event's `speakers`")


class Event(Strict):
    """A webinar, info day, Q&A session, conference or award ceremony."""

    title: str = Field(
        min_length=1, description="Title of the event, as its organisers give it.")
    kind: EventKind = Field(
        description="What kind of event it is.")
    starts: DateOrDateTime = Field(
        description=(
            "When it starts: a date-time with offset (2021-03-25T10:00:00+01:00), or without one to be "
            "read in `timezone`; a date alone for a whole day."
        ))
    summary: str = Field(
        min_length=1, max_length=300, description=(
            "One or two sentences shown in listings, cards and search results."
        ))
    ends: DateOrDateTime | None = Field(
        default=None, description="When it ends, in the same form; leave it out when no source states it.")
    timezone: TimeZone = Field(
        default="Europe/Brussels", description=(
            "Time zone in which times without an offset and the agenda are read."
        ))
    online: bool | None = Field(
        default=None, description="true when it takes place online; leave it out when no source says")
    place: Place | None = Field(
        default=None, description="Where it takes place, for an event on site.")
    organisers: list[ref("projects", "organisations")] = Field(  # type: ignore[valid-type]
        default=[], description="The projects or organisations that organise it.")
    speakers: list[Speaker] = Field(
        default=[], description="Who speaks, as the programme names them.")
    agenda: list[AgendaItem] = Field(
        default=[], description="The programme, in order.")
    registration_url: HttpUrl | None = Field(
        default=None, description="Where to register.")
    recording_url: HttpUrl | None = Field(
        default=None, description="Where to watch the recording.")
    calls: list[ref("calls")] = Field(  # type: ignore[valid-type]
        default=[], description="Open calls the event presents.")
    projects: list[ref("projects")] = Field(  # type: ignore[valid-type]
        default=[], description="Projects the event is about (besides its organisers).")
    technologies: list[vocab("technologies")] = Field(  # type: ignore[valid-type]
        default=[], description="The technologies involved.")
    sources: list[Source] = Field(
        default=[], description=(
            "Where the facts come from: the published pages or documents you took them from."
        ))
    notes: MaintainerNotes = None


KIND_NAMES: dict[str, str] = {
    "webinar": "Webinar", "info-day": "Info day", "qa-session": "Q&A session",
    "conference": "Conference", "workshop": "Workshop", "award-ceremony": "Award ceremony",
    "other": "Event",
}
"""How each kind reads on a page; a test keeps it in step with ``EventKind``."""
