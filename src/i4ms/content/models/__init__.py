"""Pydantic models of what contributors write: the single source of truth for the content model."""

from i4ms.content.models.call import Call
from i4ms.content.models.event import Event
from i4ms.content.models.experiment import Experiment
from i4ms.content.models.label import Label
from i4ms.content.models.news import News
from i4ms.content.models.offering import Offering
from i4ms.content.models.organisation import Organisation
from i4ms.content.models.project import Project
from i4ms.content.models.registry import COLLECTIONS, Collection
from i4ms.content.models.taxonomy import Taxonomy

__all__ = [
    "COLLECTIONS",
    "Call",
    "Collection",
    "Event",
    "Experiment",
    "Label",
    "News",
    "Offering",
    "Organisation",
    "Project",
    "Taxonomy",
]
