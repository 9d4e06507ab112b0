from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from i4ms.content.models.fields import CountryCode, Grant, HttpUrl, MaintainerNotes, Source, Strict

OrganisationType = Literal[
    "sme", "midcap", "large", "company", "research", "university", "dih", "public", "other"
]

ORGANISATION_TYPES: dict[str, str] = {
    "sme": "SME", "midcap": "Mid-cap", "large": "Large company", "research": "Research centre",
    "university": "University", "dih": "Digital Innovation Hub", "public": "Public body",
    "company": "Company (size not stated)",
    "other": "Other",
}
"""What a visitor reads for each :data:`OrganisationType`: the vocabulary next to its ids."""
if set(ORGANISATION_TYPES) != set(get_args(OrganisationType)):  # pragma: no cover - import-time check
    raise RuntimeError("ORGANISATION_TYPES must name every OrganisationType, and only those")


class Organisation(Strict):
    """A company, DIH, research centre or university; its experiments are derived, not typed."""

    name: str = Field(min_length=1)
    country: CountryCode
    type: OrganisationType
    short_name: str | None = None
    region: str | None = None
    website: HttpUrl | None = None
    grants: list[Grant] = []
    summary: str | None = Field(default=None, max_length=300)
    sources: list[Source] = []
    notes: MaintainerNotes = None
