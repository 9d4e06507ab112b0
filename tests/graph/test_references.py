"""Every reference and vocabulary id is checked, read from the models' markers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i4ms.content.loader import load_content
from i4ms.content.models import COLLECTIONS
from i4ms.content.models.fields import Ref, Vocab
from i4ms.content.problems import ContentError
from i4ms.graph.build import build_graph, check, load_graph
from i4ms.graph.references import walk_references

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SITE, root)
    return root


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(root: Path) -> list[tuple[str, int, str, str]]:
    return [(Path(p.path).name, p.line, p.field, p.message) for p in check(load_content(root))]


def test_site_has_no_problems() -> None:
    assert check(load_content(SITE)) == []


def test_walk_finds_every_reference_of_an_experiment() -> None:
    front = load_content(SITE).items["experiments"]["smart-weld"].front.data
    found = {(loc, type(m).__name__, v) for loc, m, v in
             walk_references(COLLECTIONS["experiments"].model, front)}
    assert ((("project",), "Ref", "alpha-fab")) in found
    assert ((("call",), "Ref", "alpha-fab-open-call-1")) in found
    assert ((("partners", 2, "organisation"), "Ref", "lumen-dih")) in found
    assert ((("partners", 2, "role"), "Vocab", "dih")) in found
    assert ((("technologies", 1), "Vocab", "digital-twins")) in found
    assert ((("sectors", 0), "Vocab", "metals")) in found
    assert ((("grants", 0, "label"), "Ref", "i4ms-sae-label")) in found
    assert ((("quotes", 0, "organisation"), "Ref", "acme-robotics")) in found
    assert len(found) == 15


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_every_ref_field_targets_a_known_collection(collection: str) -> None:
    def markers(model):
        for info in model.model_fields.values():
            yield from (m for m in info.metadata if isinstance(m, (Ref, Vocab)))

    for marker in markers(COLLECTIONS[collection].model):
        if isinstance(marker, Ref):
            assert set(marker.collections) <= set(COLLECTIONS)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("experiments/smart-weld.md", "project: alpha-fab", "project: alpha-fba",
         (4, "project", "no project has id 'alpha-fba' (did you mean 'alpha-fab'?)")),
        ("experiments/smart-weld.md", "call: alpha-fab-open-call-1", "call: alpha-fab-call-1",
         (5, "call", "no call has id 'alpha-fab-call-1' (did you mean 'alpha-fab-open-call-1'?)")),
        ("experiments/smart-weld.md", "  - organisation: lumen-dih", "  - organisation: lumen",
         (12, "partners[2].organisation",
          "no organisation has id 'lumen' (did you mean 'lumen-dih'?)")),
        ("experiments/smart-weld.md", "role: dih", "role: hub",
         (13, "partners[2].role", "'hub' is not in taxonomy.yml roles")),
        ("experiments/smart-weld.md", "role: technology-provider", "role: tech-provider",
         (11, "partners[1].role", "'tech-provider' is not in taxonomy.yml roles "
          "(did you mean 'technology-provider'?)")),
        ("experiments/smart-weld.md", "sectors: [metals, machinery]", "sectors: [metals, metal]",
         (15, "sectors[1]", "'metal' is not in taxonomy.yml sectors (did you mean 'metals'?)")),
        ("experiments/smart-weld.md", "  - label: i4ms-sae-label", "  - label: sae-label",
         (17, "grants[0].label", "no label has id 'sae-label' (did you mean 'i4ms-sae-label'?)")),
        ("experiments/smart-weld.md", "    organisation: acme-robotics",
         "    organisation: acme-robots",
         (22, "quotes[0].organisation",
          "no organisation has id 'acme-robots' (did you mean 'acme-robotics'?)")),
        ("offerings/alpha-market.md", "provider: alpha-fab", "provider: nobody-at-all",
         (3, "provider", "no project or organisation has id 'nobody-at-all'")),
        ("offerings/alpha-market.md", "category: marketplace", "category: market-place",
         (4, "category", "'market-place' is not in taxonomy.yml offering_categories "
          "(did you mean 'marketplace'?)")),
        ("projects/alpha-fab.md", "dihs: [lumen-dih]", "dihs: [lumen-dih, lumen-dhi]",
         (12, "dihs[1]", "no organisation has id 'lumen-dhi' (did you mean 'lumen-dih'?)")),
        ("projects/alpha-fab.md", "coordinator: fjord-research", "coordinator: fjord",
         (7, "coordinator", "no organisation has id 'fjord' (did you mean 'fjord-research'?)")),
        ("projects/alpha-fab.md", "technology_areas: [smart-modelling, ai-cognitive]",
         "technology_areas: [smart-modeling, ai-cognitive]",
         (10, "technology_areas[0]", "(did you mean 'smart-modelling'?)")),
        ("calls/alpha-fab-open-call-2.md", "label: i4ms-sae-label", "label: i4ms-label",
         (13, "label", "(did you mean 'i4ms-sae-label'?)")),
        ("organisations/tessile-srl.md", "label: disruptors-award", "label: disruptor-award",
         (7, "grants[0].label", "(did you mean 'disruptors-award'?)")),
    ],
)
def test_bad_reference_with_suggestion(content: Path, file, old, new, expected) -> None:
    edit(content / file, old, new)
    (problem,) = messages(content)
    assert problem[0] == Path(file).name
    line, field, message = expected
    assert problem[1:3] == (line, field)
    assert message in problem[3]


def test_no_suggestion_when_nothing_is_close(content: Path) -> None:
    edit(content / "offerings/alpha-market.md", "provider: alpha-fab", "provider: zzzzzz")
    ((_, _, _, message),) = messages(content)
    assert message == "no project or organisation has id 'zzzzzz'"


def test_references_are_checked_in_a_file_with_other_problems(content: Path) -> None:
    edit(content / "experiments/smart-weld.md", "wave: 1", "wave: first")
    edit(content / "experiments/smart-weld.md", "project: alpha-fab", "project: alpha-fba")
    assert [(line, field) for _, line, field, _ in messages(content)] == [
        (4, "project"), (6, "wave")
    ]


def test_a_removed_item_breaks_every_reference_to_it(content: Path) -> None:
    (content / "organisations/lumen-dih.md").unlink()
    found = [(name, field) for name, _, field, _ in messages(content)]
    assert found == [  # sorted by path: events, experiments, offerings, projects
        ("alpha-fab-info-day.md", "organisers[1]"),
        ("alpha-fab-info-day.md", "speakers[0].organisation"),
        ("fjord-hpc.md", "partners[1].organisation"),
        ("smart-weld.md", "partners[2].organisation"),
        ("lumen-robot-training.md", "provider"),
        ("alpha-fab.md", "dihs[0]"),
        ("beta-csa.md", "coordinator"),
    ]


def test_build_graph_refuses_broken_content(content: Path) -> None:
    edit(content / "experiments/smart-weld.md", "project: alpha-fab", "project: alpha-fba")
    graph, problems = build_graph(load_content(content))
    assert graph is None
    assert len(problems) == 1
    with pytest.raises(ContentError) as exc:
        load_graph(content)
    assert "1 problem found" in str(exc.value)
    assert "smart-weld.md:4: project: no project has id 'alpha-fba'" in str(exc.value)
