from __future__ import annotations

from typing import Annotated

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
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


class Budget(Strict):
    amount: float = Field(gt=0)
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")


class Call(Strict):
    """An open call for experiments (cascade funding) or for an award."""

    title: Annotated[str, NAME] = Field(min_length=1)
    project: ref("projects")  # type: ignore[valid-type]
    opens: DateOrDateTime
    closes: DateOrDateTime
    url: HttpUrl
    identifier: str | None = None
    budget: Budget | None = None
    max_per_experiment: float | None = Field(default=None, gt=0)
    eligible_countries: list[CountryCode] = []
    technology_areas: list[vocab("technology_areas")] = []  # type: ignore[valid-type]
    technologies: list[vocab("technologies")] = []  # type: ignore[valid-type]
    timezone: TimeZone = "Europe/Brussels"
    label: ref("labels") | None = None  # type: ignore[valid-type]
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300)
    sources: list[Source] = []
    notes: MaintainerNotes = None
