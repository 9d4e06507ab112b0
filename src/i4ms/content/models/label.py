from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from i4ms.content.models.fields import (
    MULTILINE,
    NAME,
    NOTES,
    SOURCES,
    SUMMARY,
    HttpUrl,
    MaintainerNotes,
    Source,
    Strict,
)


class Criterion(Strict):
    text: str = Field(min_length=1, description="The criterion.")
    group: str | None = Field(default=None,
                              description="Heading under which the criterion is listed.")


def _criterion(value: Any) -> Any:
    """A bare string is a criterion with no group: the short form contributors expect."""
    return {"text": value} if isinstance(value, str) else value


class Label(Strict):
    """A label or award that can be granted, such as the I4MS-SAE label."""

    name: Annotated[str, NAME] = Field(min_length=1, description="Name of the label or award.")
    kind: Literal["label", "award"] = Field(
        description="`label` for a label, `award` for an award.")
    issuer: str | None = Field(default=None, description="Who grants it.")
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300, description=SUMMARY)
    website: HttpUrl | None = Field(default=None, description="The label's or award's page.")
    criteria: list[
        Annotated[Criterion, BeforeValidator(_criterion, json_schema_input_type=str | Criterion)]
    ] = Field(min_length=1, description="What it takes to be granted it. A plain line of text is "
              "a criterion without a group.")
    sources: list[Source] = Field(default=[], description=SOURCES)
    notes: MaintainerNotes = Field(default=None, description=NOTES)
