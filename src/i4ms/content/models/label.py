from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from i4ms.content.models.fields import MULTILINE, NAME, HttpUrl, MaintainerNotes, Source, Strict


class Criterion(Strict):
    text: str = Field(min_length=1)
    group: str | None = None


def _criterion(value: Any) -> Any:
    """A bare string is a criterion with no group: the short form contributors expect."""
    return {"text": value} if isinstance(value, str) else value


class Label(Strict):
    """A label or award that can be granted, such as the I4MS-SAE label."""

    name: Annotated[str, NAME] = Field(min_length=1)
    kind: Literal["label", "award"]
    criteria: list[
        Annotated[Criterion, BeforeValidator(_criterion, json_schema_input_type=str | Criterion)]
    ] = Field(min_length=1)
    issuer: str | None = None
    summary: Annotated[str | None, MULTILINE] = Field(default=None, max_length=300)
    website: HttpUrl | None = None
    sources: list[Source] = []
    notes: MaintainerNotes = None
