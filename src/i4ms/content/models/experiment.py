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
    organisation: ref("organisations") = Field(  # type: ignore[valid-type]
        description="The partner organisation.")
    role: vocab("roles") = Field(  # type: ignore[valid-type]
        description="What the partner did in the experiment.")


class Quote(Strict):
    text: Annotated[str, MULTILINE] = Field(
        min_length=1, description="The quoted words, exactly as published.")
    person: str = Field(min_length=1, description="Who said it: name and position.")
    organisation: ref("organisations") | None = Field(  # type: ignore[valid-type]
        default=None, description="The organisation the person speaks for.")


class Experiment(Strict):
    """An Application Experiment, told as a success story when its body has the four sections."""

    title: Annotated[str, NAME] = Field(min_length=1, description="Title of the Application Experiment (AE).")
    acronym: Annotated[str | None, NAME] = Field(default=None,
                                description="Short name of the experiment, if it has one.")
    project: ref("projects") = Field(  # type: ignore[valid-type]
        description="The I4MS project that funded and ran the experiment.")
    call: ref("calls") | None = Field(  # type: ignore[valid-type]
        default=None, description="The open call through which the experiment was selected.")
    wave: int | None = Field(default=None, ge=1,
                             description="Which wave (cut-off) of the call selected it.")
    partners: list[Partner] = Field(
        min_length=1, description="The organisations in the experiment, each with its role; the "
        "experiment shows on each organisation's page.")
    technologies: list[vocab("technologies")] = Field(  # type: ignore[valid-type]
        min_length=1, description=TECHNOLOGIES)
    sectors: list[vocab("sectors")] = Field(  # type: ignore[valid-type]
        default=[], description="Industrial sectors of the experiment.")
    countries: list[CountryCode] = Field(
        default=[], description="Countries of the experiment; when absent, derived from the "
        "partners' countries.")
    summary: Annotated[str, MULTILINE] = Field(min_length=1, max_length=300, description=SUMMARY)
    grants: list[Grant] = Field(
        default=[], description="Labels and awards granted to the experiment (I4MS-SAE label, "
        "Disruptors Award); every partner holds them too.")
    quotes: list[Quote] = Field(default=[],
                                description="Quotes from people in the experiment, as published.")
    website: HttpUrl | None = Field(default=None, description="The experiment's own page.")
    started: Date | None = Field(default=None, description="First day of the experiment.")
    ended: Date | None = Field(default=None,
                               description="Last day of the experiment; on or after `started`.")
    image: str | None = Field(default=None,
                              description="Path or address of an image for the experiment's page.")
    sources: list[Source] = Field(default=[], description=SOURCES)
    notes: MaintainerNotes = Field(default=None, description=NOTES)
