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
    country: CountryCode
    venue: str | None = Field(default=None, description="the building or venue, if known")


class Speaker(Strict):
    name: str = Field(min_length=1, description="the speaker's name, as the source gives it")
    organisation: ref("organisations") | None = None  # type: ignore[valid-type]
    role: str | None = Field(default=None, description="e.g. Moderator, Keynote speaker")


class AgendaItem(Strict):
    time: str | None = Field(
        default=None, pattern=r"^\d\d:\d\d(?:[–-]\d\d:\d\d)?$",
        description="local time (HH:MM, or HH:MM–HH:MM) in the event's time zone; leave it out "
                    "when the programme gives none")
    title: str = Field(min_length=1)
    speakers: list[str] = Field(default=[], description="names from the event's `speakers`")


class Event(Strict):
    """A webinar, info day, Q&A session, conference or award ceremony."""

    title: str = Field(min_length=1)
    kind: EventKind
    starts: DateOrDateTime
    summary: str = Field(min_length=1, max_length=300)
    ends: DateOrDateTime | None = None
    timezone: TimeZone = "Europe/Brussels"
    online: bool | None = Field(
        default=None, description="true when it takes place online; leave it out when no source says")
    place: Place | None = None
    organisers: list[ref("projects", "organisations")] = []  # type: ignore[valid-type]
    speakers: list[Speaker] = []
    agenda: list[AgendaItem] = []
    registration_url: HttpUrl | None = None
    recording_url: HttpUrl | None = None
    calls: list[ref("calls")] = []  # type: ignore[valid-type]
    projects: list[ref("projects")] = []  # type: ignore[valid-type]
    technologies: list[vocab("technologies")] = []  # type: ignore[valid-type]
    sources: list[Source] = []
    notes: MaintainerNotes = None


KIND_NAMES: dict[str, str] = {
    "webinar": "Webinar", "info-day": "Info day", "qa-session": "Q&A session",
    "conference": "Conference", "workshop": "Workshop", "award-ceremony": "Award ceremony",
    "other": "Event",
}
"""How each kind reads on a page; a test keeps it in step with ``EventKind``."""
