from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    Date,
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
    ref,
    vocab,
)


class Marketplace(Strict):
    name: str = Field(min_length=1)
    url: HttpUrl | None = None


class Project(Strict):
    """An I4MS project: an Innovation Action or the Coordination and Support Action."""

    name: Annotated[str, NAME] = Field(min_length=1)
    acronym: Annotated[str, NAME] = Field(min_length=1)
    phase: int = Field(ge=1, le=4)
    kind: Literal["innovation-action", "csa"]
    website: HttpUrl
    coordinator: ref("organisations") | None = None  # type: ignore[valid-type]
    started: Date | None = None
    ended: Date | None = None
    technology_areas: list[vocab("technology_areas")] = []  # type: ignore[valid-type]
    technologies: list[vocab("technologies")] = []  # type: ignore[valid-type]
    dihs: list[ref("organisations")] = []  # type: ignore[valid-type]
    marketplace: Marketplace | None = None
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300)
    sources: list[Source] = []
    notes: MaintainerNotes = None
