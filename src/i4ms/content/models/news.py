from __future__ import annotations

from pydantic import Field

from i4ms.content.models.fields import Date, HttpUrl, MaintainerNotes, Source, Strict, ref

ANY_ITEM = ("experiments", "projects", "organisations", "calls", "offerings", "labels", "events")


class News(Strict):
    """An article or news item by a project, a DIH or the CSA."""

    title: str = Field(
        min_length=1, description="Headline of the article.")
    date: Date = Field(
        description="Date of publication.")
    authors: list[ref("projects", "organisations")] = Field(  # type: ignore[valid-type]
        min_length=1, description="The projects or organisations that published it.")
    summary: str = Field(
        min_length=1, max_length=300,
        description="One or two sentences shown in listings, cards and search results.")
    related: list[ref(*ANY_ITEM)] = Field(  # type: ignore[valid-type]
        default=[], description="Items the article is about: experiments, projects, calls, events...")
    image: HttpUrl | None = Field(
        default=None, description="Address of an image for the article.")
    sources: list[Source] = Field(
        default=[], description=(
            "Where the facts come from: the published pages or documents you took them from."
        ))
    notes: MaintainerNotes = None
