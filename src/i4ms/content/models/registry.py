"""Which folder holds which model: the one table the loader, schema export and scaffolder share."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from i4ms.content.models.call import Call
from i4ms.content.models.event import Event
from i4ms.content.models.experiment import Experiment
from i4ms.content.models.label import Label
from i4ms.content.models.news import News
from i4ms.content.models.offering import Offering
from i4ms.content.models.organisation import Organisation
from i4ms.content.models.project import Project


@dataclass(frozen=True)
class Collection:
    folder: str
    model: type[BaseModel]
    singular: str
    title: str


COLLECTIONS: dict[str, Collection] = {
    c.folder: c
    for c in (
        Collection("projects", Project, "project", "Projects"),
        Collection("experiments", Experiment, "experiment", "Experiments"),
        Collection("organisations", Organisation, "organisation", "Organisations"),
        Collection("calls", Call, "call", "Open calls"),
        Collection("offerings", Offering, "offering", "Marketplace offerings"),
        Collection("labels", Label, "label", "Labels and awards"),
        Collection("events", Event, "event", "Events"),
        Collection("news", News, "news", "News"),
    )
}
