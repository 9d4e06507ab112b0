from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from i4ms.content.models.fields import ID_PATTERN, MAX_ID_LENGTH, MULTILINE, Strict


class Term(Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)
    name: str = Field(min_length=1)
    description: Annotated[str | None, MULTILINE] = None


class Taxonomy(Strict):
    """The controlled vocabularies; every vocabulary id in content must be listed here."""

    technologies: list[Term] = Field(min_length=1)
    sectors: list[Term] = Field(min_length=1)
    roles: list[Term] = Field(min_length=1)
    offering_categories: list[Term] = Field(min_length=1)
    technology_areas: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Taxonomy:
        for name in type(self).model_fields:
            seen: set[str] = set()
            for term in getattr(self, name):
                if term.id in seen:
                    raise ValueError(f"{name}: id '{term.id}' is listed twice")
                seen.add(term.id)
        return self

    def terms(self, vocabulary: str) -> dict[str, Term]:
        return {t.id: t for t in getattr(self, vocabulary)}
