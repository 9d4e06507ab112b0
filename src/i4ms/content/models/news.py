from __future__ import annotations

from pydantic import Field

from i4ms.content.models.fields import Date, HttpUrl, MaintainerNotes, Source, Strict, ref

ANY_ITEM = ("experiments", "projects", "organisations", "calls", "offerings", "labels", "events")


class News(Strict):
    """An article or news item by a project, a DIH or the CSA."""

    title: str = Field(min_length=1)
    date: Date
    authors: list[ref("projects", "organisations")] = Field(min_length=1)  # type: ignore[valid-type]
    summary: str = Field(min_length=1, max_length=300)
    related: list[ref(*ANY_ITEM)] = []  # type: ignore[valid-type]
    image: HttpUrl | None = None
    sources: list[Source] = []
    notes: MaintainerNotes = None
