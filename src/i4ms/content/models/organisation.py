from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    NOTES,
    SOURCES,
    SUMMARY,
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

    name: Annotated[str, NAME] = Field(min_length=1, description="Full name of the organisation.")
    short_name: Annotated[str | None, NAME] = Field(
        default=None, description="Short name or acronym, shown where space is short.")
    country: CountryCode = Field(description="Country of the organisation's seat.")
    type: OrganisationType = Field(
        description="What kind of organisation it is; `company` for a company whose size "
        "(SME, mid-cap, large) no source states.")
    region: str | None = Field(default=None, description="Region within the country.")
    website: HttpUrl | None = Field(default=None, description="The organisation's website.")
    grants: list[Grant] = Field(
        default=[], description="Labels and awards granted to the organisation directly, not "
        "through an experiment (those are derived).")
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300, description=SUMMARY)
    sources: list[Source] = Field(default=[], description=SOURCES)
    notes: MaintainerNotes = Field(default=None, description=NOTES)
