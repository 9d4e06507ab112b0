from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    CountryCode,
    Grant,
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
)

OrganisationType = Literal[
    "sme", "midcap", "large", "company", "research", "university", "dih", "public", "other"
]


class Organisation(Strict):
    """A company, DIH, research centre or university; its experiments are derived, not typed."""

    name: Annotated[str, NAME] = Field(min_length=1)
    country: CountryCode
    type: OrganisationType
    short_name: Annotated[str | None, NAME] = None
    region: str | None = None
    website: HttpUrl | None = None
    grants: list[Grant] = []
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300)
    sources: list[Source] = []
    notes: MaintainerNotes = None
