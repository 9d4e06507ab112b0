"""Pydantic models of what contributors write: the single source of truth for the content model."""

from i4ms.models.call import Call
from i4ms.models.experiment import Experiment
from i4ms.models.label import Label
from i4ms.models.offering import Offering
from i4ms.models.organisation import Organisation
from i4ms.models.project import Project
from i4ms.models.registry import COLLECTIONS, Collection
from i4ms.models.taxonomy import Taxonomy

__all__ = [
    "COLLECTIONS",
    "Call",
    "Collection",
    "Experiment",
    "Label",
    "Offering",
    "Organisation",
    "Project",
    "Taxonomy",
]
