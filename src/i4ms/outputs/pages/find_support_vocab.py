"""The taxonomy ids Find support matches on, handed to ``i4ms-find-support.js`` as data.

The script names no vocabulary id: which roles make an organisation a technology provider,
which offering categories answer each need, and which organisation type and role make a
hub come from here, checked against ``content/taxonomy.yml`` and the models when the page
is planned, so a renamed or removed term fails the build instead of silently matching nothing.
"""

from __future__ import annotations

import json
from typing import get_args

from i4ms.content.models.organisation import OrganisationType
from i4ms.graph import Graph

NEEDS = [
    ("funding", "Funding for an experiment"),
    ("provider", "A technology provider"),
    ("facility", "A test facility or Digital Innovation Hub"),
    ("training", "Training"),
]
"""What a visitor can be looking for: the checkboxes of the questionnaire."""

PROVIDER_ROLES = ("technology-provider", "software-vendor", "hpc-provider", "research-partner")
"""Partner roles (taxonomy ``roles``) that make an organisation a technology provider."""

OFFER_NEEDS = {
    "funding": ("funding",),
    "provider": ("technology-service", "platform", "marketplace", "business-service"),
    "facility": ("test-facility",),
    "training": ("training",),
}
"""Need -> the offering categories (taxonomy ``offering_categories``) that answer it."""

HUB = {"type": "dih", "role": "dih"}
"""An organisation is a Digital Innovation Hub by its type (models) or its partner role."""


class VocabularyError(ValueError):
    """Find support names a term the taxonomy or the models do not have."""


def find_support_vocab(graph: Graph) -> dict[str, object]:
    """The ids the script needs, after checking each against the taxonomy and the models."""
    roles = graph.taxonomy.terms("roles")
    categories = graph.taxonomy.terms("offering_categories")
    unknown = [f"roles: {r}" for r in (*PROVIDER_ROLES, HUB["role"]) if r not in roles]
    unknown += [f"offering_categories: {c}" for cs in OFFER_NEEDS.values() for c in cs
                if c not in categories]
    if HUB["type"] not in get_args(OrganisationType):
        unknown.append(f"organisation type: {HUB['type']}")
    unknown += [f"need: {n}" for n in OFFER_NEEDS if n not in dict(NEEDS)]
    if unknown:
        raise VocabularyError("Find support names terms that do not exist: " + ", ".join(unknown))
    return {"providerRoles": list(PROVIDER_ROLES),
            "offerNeeds": {n: list(cs) for n, cs in OFFER_NEEDS.items()}, "hub": HUB}


def vocab_json(graph: Graph) -> str:
    """:func:`find_support_vocab` as compact JSON, for a ``data-vocab`` attribute (escaped there)."""
    return json.dumps(find_support_vocab(graph), separators=(",", ":"), sort_keys=True)
