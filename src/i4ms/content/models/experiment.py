from __future__ import annotations

from typing import Annotated

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    CountryCode,
    Date,
    Grant,
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
    ref,
    vocab,
)


class Partner(Strict):
    organisation: ref("organisations")  # type: ignore[valid-type]
    role: vocab("roles")  # type: ignore[valid-type]


class Quote(Strict):
    text: Annotated[str, MULTILINE] = Field(min_length=1)
    person: str = Field(min_length=1)
    organisation: ref("organisations") | None = None  # type: ignore[valid-type]


class Experiment(Strict):
    """An Application Experiment, told as a success story when its body has the four sections."""

    title: Annotated[str, NAME] = Field(min_length=1)
    project: ref("projects")  # type: ignore[valid-type]
    partners: list[Partner] = Field(min_length=1)
    technologies: list[vocab("technologies")] = Field(min_length=1)  # type: ignore[valid-type]
    summary: Annotated[str, MULTILINE] = Field(min_length=1, max_length=300)
    acronym: Annotated[str | None, NAME] = None
    call: ref("calls") | None = None  # type: ignore[valid-type]
    wave: int | None = Field(default=None, ge=1)
    sectors: list[vocab("sectors")] = []  # type: ignore[valid-type]
    countries: list[CountryCode] = []
    grants: list[Grant] = []
    quotes: list[Quote] = []
    website: HttpUrl | None = None
    started: Date | None = None
    ended: Date | None = None
    image: str | None = None
    sources: list[Source] = []
    notes: MaintainerNotes = None
