from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    NOTES,
    SOURCES,
    SUMMARY,
    TECHNOLOGIES,
    TECHNOLOGY_AREAS,
    Date,
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
    ref,
    vocab,
)


class Marketplace(Strict):
    name: Annotated[str, NAME] = Field(min_length=1, description="Name of the marketplace.")
    url: HttpUrl | None = Field(default=None, description="Address of the marketplace.")


class Project(Strict):
    """An I4MS project: an Innovation Action or the Coordination and Support Action."""

    name: str = Field(min_length=1, description="Full name of the project.")
    acronym: Annotated[str, NAME] = Field(min_length=1, description="Short name, as the project writes it.")
    phase: int = Field(ge=1, le=4, description="I4MS phase the project belongs to.")
    kind: Literal["innovation-action", "csa"] = Field(
        description="`innovation-action` for an Innovation Action (IA), `csa` for the "
        "Coordination and Support Action.")
    website: HttpUrl = Field(description="The project's own website.")
    coordinator: ref("organisations") | None = Field(  # type: ignore[valid-type]
        default=None, description="The organisation that coordinates the project.")
    started: Date | None = Field(default=None, description="First day of the project.")
    ended: Date | None = Field(default=None,
                               description="Last day of the project; on or after `started`.")
    technology_areas: list[vocab("technology_areas")] = Field(  # type: ignore[valid-type]
        default=[], description=TECHNOLOGY_AREAS)
    technologies: list[vocab("technologies")] = Field(  # type: ignore[valid-type]
        default=[], description=TECHNOLOGIES)
    dihs: list[ref("organisations")] = Field(  # type: ignore[valid-type]
        default=[], description="Digital Innovation Hubs in the project.")
    marketplace: Marketplace | None = Field(
        default=None, description="The project's marketplace (for example emGORA).")
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300, description=SUMMARY)
    sources: list[Source] = Field(default=[], description=SOURCES)
    notes: MaintainerNotes = Field(default=None, description=NOTES)
