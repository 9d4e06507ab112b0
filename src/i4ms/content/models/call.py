from __future__ import annotations

from typing import Annotated

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    NOTES,
    SOURCES,
    SUMMARY,
    TECHNOLOGIES,
    TECHNOLOGY_AREAS,
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
    amount: float = Field(gt=0, description="The amount.")
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$",
                          description="Currency code (ISO 4217).")


class Call(Strict):
    """An open call for experiments (cascade funding) or for an award."""

    title: Annotated[str, NAME] = Field(min_length=1, description="Title of the open call, as published.")
    project: ref("projects") = Field(  # type: ignore[valid-type]
        description="The project that runs the call.")
    opens: DateOrDateTime = Field(
        description="When submissions open. A time without an offset is read in `timezone`.")
    closes: DateOrDateTime = Field(
        description="The deadline; must be after `opens`. Its status (upcoming, open, closed) "
        "is computed from these dates, never typed.")
    url: HttpUrl = Field(description="The call's page, where applicants find the full text.")
    identifier: str | None = Field(default=None,
                                   description="The call's official identifier, if it has one.")
    budget: Budget | None = Field(default=None, description="Total budget of the call.")
    max_per_experiment: float | None = Field(
        default=None, gt=0, description="Most funding one experiment can receive, in the "
        "budget's currency.")
    eligible_countries: list[CountryCode] = Field(
        default=[], description="Countries whose organisations may apply, when the call "
        "restricts them.")
    technology_areas: list[vocab("technology_areas")] = Field(  # type: ignore[valid-type]
        default=[], description=TECHNOLOGY_AREAS)
    technologies: list[vocab("technologies")] = Field(  # type: ignore[valid-type]
        default=[], description=TECHNOLOGIES)
    timezone: TimeZone = Field(
        default="Europe/Brussels",
        description="Time zone in which dates and times without an offset are read.")
    label: ref("labels") | None = Field(  # type: ignore[valid-type]
        default=None, description="The label or award the call leads to, for a call for an "
        "award.")
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300, description=SUMMARY)
    sources: list[Source] = Field(default=[], description=SOURCES)
    notes: MaintainerNotes = Field(default=None, description=NOTES)
