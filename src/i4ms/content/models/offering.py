from __future__ import annotations

from typing import Annotated

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
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

    title: Annotated[str, NAME] = Field(min_length=1)
    provider: ref("projects", "organisations")  # type: ignore[valid-type]
    category: vocab("offering_categories")  # type: ignore[valid-type]
    url: HttpUrl | None = None
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300)
    technologies: list[vocab("technologies")] = []  # type: ignore[valid-type]
    countries: list[CountryCode] = []
    sources: list[Source] = []
    notes: MaintainerNotes = None
