from __future__ import annotations

from pydantic import Field

from i4ms.content.models.fields import CountryCode, HttpUrl, MaintainerNotes, Source, Strict, ref, vocab


class Offering(Strict):
    """A marketplace offering: a service, platform or training of an IA or DIH."""

    title: str = Field(min_length=1)
    provider: ref("projects", "organisations")  # type: ignore[valid-type]
    category: vocab("offering_categories")  # type: ignore[valid-type]
    url: HttpUrl | None = None
    summary: str | None = Field(default=None, max_length=300)
    technologies: list[vocab("technologies")] = []  # type: ignore[valid-type]
    countries: list[CountryCode] = []
    sources: list[Source] = []
    notes: MaintainerNotes = None
