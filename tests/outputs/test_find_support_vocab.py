"""Find support's taxonomy ids come from data checked against the taxonomy, not from its script."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from i4ms.graph import load_graph
from i4ms.outputs.pages import find_support_vocab as vocab

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "overrides" / "assets" / "i4ms-find-support.js"


@pytest.fixture(scope="module")
def graph():
    return load_graph(REPO / "tests" / "fixtures" / "site")


def test_the_vocab_names_only_existing_terms(graph):
    data = json.loads(vocab.vocab_json(graph))
    roles = graph.taxonomy.terms("roles")
    categories = graph.taxonomy.terms("offering_categories")
    assert data["providerRoles"] and all(r in roles for r in data["providerRoles"])
    assert all(c in categories for cs in data["offerNeeds"].values() for c in cs)
    assert data["hub"] == {"type": "dih", "role": "dih"}


def test_a_term_the_taxonomy_lacks_fails_the_build(graph):
    taxonomy = graph.taxonomy.model_copy(update={
        "roles": [t for t in graph.taxonomy.roles if t.id != "hpc-provider"]})
    with pytest.raises(vocab.VocabularyError, match="roles: hpc-provider"):
        vocab.find_support_vocab(replace(graph, taxonomy=taxonomy))


def test_the_script_names_no_taxonomy_id(graph):
    script = SCRIPT.read_text(encoding="utf-8")
    ids = {t.id for name in ("roles", "offering_categories") for t in graph.taxonomy.terms(name).values()}
    ids -= set(dict(vocab.NEEDS))  # the questionnaire's own answers ("funding", "training")
    named = {s for s in re.findall(r'"([a-z][a-z0-9-]*)"', script) if s in ids}
    assert named == set()
