from __future__ import annotations

from typing import Annotated

from pydantic import Field, PrivateAttr, model_validator

from i4ms.content.models.fields import ID_PATTERN, MULTILINE, Strict


class Term(Strict):
    id: str = Field(pattern=ID_PATTERN, description="The id that content uses.")
    name: str = Field(min_length=1, description="Name shown on the site.")
    description: Annotated[str | None, MULTILINE] = Field(
        default=None, description="One sentence shown with the name.")


class Taxonomy(Strict):
    """The controlled vocabularies; every vocabulary id in content must be listed here."""

    technologies: list[Term] = Field(
        min_length=1, description="Technologies that experiments, calls, offerings and projects "
        "name in `technologies`.")
    sectors: list[Term] = Field(min_length=1,
                                description="Industrial sectors, for experiments' `sectors`.")
    roles: list[Term] = Field(min_length=1,
                              description="Partner roles, for `partners[].role` in experiments.")
    offering_categories: list[Term] = Field(
        min_length=1, description="Kinds of offering, for offerings' `category`.")
    technology_areas: list[Term] = Field(
        min_length=1, description="The I4MS technology areas, for `technology_areas`.")

    @model_validator(mode="after")
    def _unique_ids(self) -> Taxonomy:
        for name in type(self).model_fields:
            seen: set[str] = set()
            for term in getattr(self, name):
                if term.id in seen:
                    raise ValueError(f"{name}: id '{term.id}' is listed twice")
                seen.add(term.id)
        return self

    _terms: dict[str, tuple[list[Term], dict[str, Term]]] = PrivateAttr(default_factory=dict)
    """Each vocabulary by id, made on first use from the list it was made of: every reference
    check and term link asks (5,800 times per build at 700 experiments). A copy with another
    list (``model_copy(update=...)`` copies this too) makes its own."""

    def terms(self, vocabulary: str) -> dict[str, Term]:
        """Do not change the dict returned: it is shared."""
        listed = getattr(self, vocabulary)
        made = self._terms.get(vocabulary)
        if made is None or made[0] is not listed:
            made = self._terms[vocabulary] = (listed, {t.id: t for t in listed})
        return made[1]
