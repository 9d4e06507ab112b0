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
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
    ref,
    vocab,
)


class Offering(Strict):
    """A marketplace offering: a service, platform or training of an IA or DIH."""

    title: Annotated[str, NAME] = Field(
        min_length=1, description="Name of the service, platform or training.")
    provider: ref("projects", "organisations") = Field(  # type: ignore[valid-type]
        description="Who offers it: a project or an organisation.")
    category: vocab("offering_categories") = Field(  # type: ignore[valid-type]
        description="What kind of offering it is.")
    url: HttpUrl | None = Field(default=None, description="Where to find or order it.")
    technologies: list[vocab("technologies")] = Field(  # type: ignore[valid-type]
        default=[], description=TECHNOLOGIES)
    countries: list[CountryCode] = Field(
        default=[], description="Countries where it is offered, when it is not Europe-wide.")
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300, description=SUMMARY)
    sources: list[Source] = Field(default=[], description=SOURCES)
    notes: MaintainerNotes = Field(default=None, description=NOTES)
