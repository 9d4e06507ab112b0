"""Reading files and `content/`: front matter blocks, encodings, sizes, names, every problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i4ms.content.document import MAX_BYTES, parse_document, read_text
from i4ms.content.loader import load_content
from i4ms.content.models import COLLECTIONS
from i4ms.content.yaml12 import YamlProblem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SITE = FIXTURES / "site"

ORG = "---\nname: Acme Robotics GmbH\ncountry: DE\ntype: sme\n---\nSynthetic test fixture.\n"


def doc_problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as exc:
        parse_document(text, "x.md")
    return exc.value


# -- one document ---------------------------------------------------------------------------


def test_front_matter_and_body_keep_their_lines() -> None:
    doc = parse_document("---\ntitle: x\nwave: 2\n---\n\nFirst line.\n", "x.md")
    assert doc.front.data == {"title": "x", "wave": 2}
    assert doc.front.line_of(("title",), 0) == 2
    assert doc.front.line_of(("wave",), 0) == 3
    assert doc.body == "First line.\n"  # one blank line after the fence is eaten
    assert doc.body_line == 6
    assert doc.path == "x.md"


def test_blank_line_after_opening_fence_shifts_lines() -> None:
    doc = parse_document("---\n\ntitle: x\n---\nBody\n", "x.md")
    assert doc.front.line_of(("title",), 0) == 3
    assert (doc.body, doc.body_line) == ("Body\n", 5)


def test_a_horizontal_rule_in_the_body_is_body() -> None:
    doc = parse_document("---\ntitle: x\n---\nA\n\n---\n\nB\n", "x.md")
    assert doc.body == "A\n\n---\n\nB\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: x\n", "missing front matter"),
        ("\n---\ntitle: x\n---\n", "missing front matter"),
        ("# Title\n\n---\ntitle: x\n---\n", "missing front matter"),
        ("---\ntitle: x\n", "front matter is not closed"),
        ("---\n---\nBody\n", "front matter is empty"),
        ("---\n   \n---\nBody\n", "front matter is empty"),
    ],
)
def test_front_matter_block_problems(text: str, message: str) -> None:
    err = doc_problem(text)
    assert err.line == 1
    assert message in err.message


def test_yaml_problem_lines_are_file_lines() -> None:
    err = doc_problem("---\ntitle: x\ntitle: y\n---\n")
    assert (err.line, err.message) == (3, "duplicate key 'title' (first set on line 2)")


# -- reading files --------------------------------------------------------------------------


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    file = tmp_path / "x.md"
    file.write_bytes("\ufeff---\nname: Zürich\n---\n".encode())
    assert parse_document(read_text(file, "x.md"), "x.md").front.data == {"name": "Zürich"}


def test_non_utf8_is_a_problem(tmp_path: Path) -> None:
    file = tmp_path / "x.md"
    file.write_bytes("---\nname: Zürich\n---\n".encode("latin-1"))
    with pytest.raises(YamlProblem) as exc:
        read_text(file, "x.md")
    assert exc.value.line == 1
    assert exc.value.message.startswith("file is not UTF-8 text")


def test_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    file = tmp_path / "x.md"
    file.write_bytes(b"---\nname: x\n---\n" + b"a" * MAX_BYTES)
    with pytest.raises(YamlProblem) as exc:
        read_text(file, "x.md")
    assert exc.value.message.endswith(f"the limit is {MAX_BYTES:,}")


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    file = tmp_path / "x.md"
    head = b"---\nname: x\n---\n"
    file.write_bytes(head + b"a" * (MAX_BYTES - len(head)))
    assert len(read_text(file, "x.md")) == MAX_BYTES


# -- the whole tree -------------------------------------------------------------------------


def test_valid_site_loads_every_item() -> None:
    loaded = load_content(SITE)
    assert loaded.problems == []
    assert loaded.taxonomy is not None
    counts = {name: len(items) for name, items in loaded.items.items()}
    assert counts == {"projects": 2, "experiments": 3, "organisations": 4, "calls": 2,
                      "offerings": 2, "labels": 2, "events": 2, "news": 1}
    weld = loaded.items["experiments"]["smart-weld"]
    assert weld.path.endswith("experiments/smart-weld.md")
    assert weld.line("partners", 1, "organisation") == 10
    assert weld.body.startswith("Synthetic test fixture, not published.")
    assert weld.body_line == 30


def test_every_fixture_file_is_marked_synthetic() -> None:
    for folder in COLLECTIONS:
        for file in (SITE / folder).glob("*.md"):
            assert "Synthetic test fixture, not published." in file.read_text(), file


def test_yaml_1_2_values_reach_the_models() -> None:
    loaded = load_content(FIXTURES / "yaml12")
    assert loaded.problems == []
    org = loaded.items["organisations"]["nordlys"].model
    assert org.country == "NO"  # Norway, not False
    assert (org.short_name, org.region, org.summary) == ("on", "yes", "10:00")
    assert loaded.items["projects"]["yes-project"].model.acronym == "YES"
    call = loaded.items["calls"]["ten-oclock"].model
    assert call.identifier == "10:00"  # not 600
    assert call.title == "Off"
    assert call.eligible_countries == ["NO", "SE", "FI"]


def _copy_site(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SITE, root)
    return root


def test_a_broken_file_keeps_its_id(tmp_path: Path) -> None:
    """One broken organisation must not turn every reference to it into a second problem."""
    root = _copy_site(tmp_path)
    (root / "organisations" / "fjord-research.md").write_text("no front matter\n")
    loaded = load_content(root)
    assert "fjord-research" in loaded.ids["organisations"]
    assert "fjord-research" not in loaded.items["organisations"]
    assert [(p.field, p.message[:20]) for p in loaded.problems] == [
        ("front matter", "missing front matter")
    ]


def test_an_unsafe_but_well_typed_file_is_not_an_item(tmp_path: Path) -> None:
    root = _copy_site(tmp_path)
    file = root / "organisations" / "acme-robotics.md"
    file.write_text(file.read_text() + "\n<script>alert(1)</script>\n")
    loaded = load_content(root)
    assert "acme-robotics" not in loaded.items["organisations"]
    assert [p.field for p in loaded.problems] == ["body"]


def test_invalid_file_name_and_its_content_are_both_reported(tmp_path: Path) -> None:
    root = _copy_site(tmp_path)
    (root / "organisations" / "Bad_Name.md").write_text(ORG.replace("DE", "XX"))
    fields = sorted(p.field for p in load_content(root).problems)
    assert fields == ["country", "id"]


def test_hidden_files_are_ignored_and_stray_files_are_not(tmp_path: Path) -> None:
    root = _copy_site(tmp_path)
    (root / ".DS_Store").write_bytes(b"\0\1")
    (root / "organisations" / ".draft.md").write_text("junk")
    (root / "organisations" / "notes.txt").write_text("junk")
    (root / "README.md").write_text("junk")
    (root / "experiment").mkdir()
    problems = load_content(root).problems
    found = {Path(p.path).name: p for p in problems}
    assert sorted(found) == ["README.md", "experiment", "notes.txt"]
    assert found["notes.txt"].field == "file"
    assert found["README.md"].field == "file"
    assert found["experiment"].field == "folder"
    assert "did you mean 'experiments'?" in found["experiment"].message


def test_missing_taxonomy(tmp_path: Path) -> None:
    root = _copy_site(tmp_path)
    (root / "taxonomy.yml").unlink()
    loaded = load_content(root)
    assert loaded.taxonomy is None
    assert [(p.field, p.message) for p in loaded.problems] == [
        ("taxonomy", "taxonomy.yml is missing")
    ]


def test_taxonomy_problems_have_lines(tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "taxonomy.yml").write_text(
        "technologies:\n  - id: ai\n    name: AI\n  - id: ai\n    name: Again\n"
        "sectors:\n  - {id: food, name: Food}\n"
        "roles:\n  - {id: end-user, name: End user, descripton: typo}\n"
        "offering_categories:\n  - {id: training, name: Training}\n"
        "technology_areas:\n  - {id: Bad_Id, name: Bad}\n"
    )
    problems = {(p.line, p.field): p.message for p in load_content(root).problems}
    assert set(problems) == {(9, "roles[0].descripton"), (13, "technology_areas[0].id")}
    assert "did you mean 'description'?" in problems[(9, "roles[0].descripton")]
    assert "not an id" in problems[(13, "technology_areas[0].id")]


def test_taxonomy_duplicate_id(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(SITE, root)
    taxonomy = root / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text() + "  - id: widening-dihs\n    name: Again\n")
    loaded = load_content(root)
    assert loaded.taxonomy is None
    assert [(p.line, p.message) for p in loaded.problems] == [
        (1, "technology_areas: id 'widening-dihs' is listed twice")
    ]


# -- paths: links and names (issue 15, class 6) ---------------------------------------------


def _site_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo" / "content"
    shutil.copytree(SITE, root)
    return root


def test_a_symlinked_markdown_file_is_refused_and_not_read(tmp_path: Path) -> None:
    root = _site_copy(tmp_path)
    outside = tmp_path / "secret.md"
    outside.write_text(ORG.replace("Synthetic test fixture.", "SECRET-OUTSIDE-THE-REPO"),
                       encoding="utf-8")
    (root / "organisations" / "leak.md").symlink_to(outside)
    loaded = load_content(root)
    assert [(p.path.endswith("organisations/leak.md"), p.line, p.field) for p in loaded.problems] \
        == [(True, 1, "file")]
    assert "symbolic link" in loaded.problems[0].message
    assert "leak" not in loaded.items["organisations"]
    assert all("SECRET" not in d.body for d in loaded.documents["organisations"])


def test_a_symlinked_collection_folder_is_refused_without_listing_it(tmp_path: Path) -> None:
    root = _site_copy(tmp_path)
    target = tmp_path / "etc-like"
    target.mkdir()
    for name in ("passwd", "shadow.md", "hosts"):
        (target / name).write_text("x", encoding="utf-8")
    shutil.rmtree(root / "offerings")
    (root / "offerings").symlink_to(target, target_is_directory=True)
    problems = load_content(root).problems
    assert [(p.path.endswith("content/offerings"), p.field) for p in problems] == [(True, "folder")]
    assert "symbolic link" in problems[0].message
    text = "\n".join(p.text() for p in problems)
    assert not any(name in text for name in ("passwd", "shadow", "hosts", "etc-like"))


def test_a_symlinked_taxonomy_or_folder_inside_a_collection_is_refused(tmp_path: Path) -> None:
    root = _site_copy(tmp_path)
    real = tmp_path / "taxonomy.yml"
    shutil.move(root / "taxonomy.yml", real)
    (root / "taxonomy.yml").symlink_to(real)
    (root / "labels" / "more.md").symlink_to(root / "labels", target_is_directory=True)
    problems = load_content(root).problems
    found = {(Path(p.path).name, p.field) for p in problems}
    assert {("taxonomy.yml", "taxonomy"), ("more.md", "folder")} <= found
    assert all("symbolic link" in p.message for p in problems
               if Path(p.path).name in ("taxonomy.yml", "more.md"))


def test_read_text_never_follows_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text(ORG, encoding="utf-8")
    (tmp_path / "link.md").symlink_to(real)
    with pytest.raises(YamlProblem, match="symbolic link"):
        read_text(tmp_path / "link.md", "link.md")


@pytest.mark.parametrize("name", ["acme-robotics\n.md", "acme\n-robotics.md", "acme-robotics .md",
                                  "acme-robotics\t.md"])
def test_an_id_must_match_whole_not_up_to_a_newline(tmp_path: Path, name: str) -> None:
    root = _site_copy(tmp_path)
    (root / "organisations" / "acme-robotics.md").rename(root / "organisations" / name)
    problems = [p for p in load_content(root).problems if p.field == "id"]
    assert len(problems) == 1 and "is not a valid id" in problems[0].message
    assert "\n" not in problems[0].message  # the name is shown quoted, its newline escaped


def test_an_id_of_100_characters_is_fine_and_101_is_not(tmp_path: Path) -> None:
    root = _site_copy(tmp_path)
    for length in (100, 101):
        src = root / "organisations" / "tessile-srl.md"
        dst = root / "organisations" / ("t" * length + ".md")
        shutil.copy(src, dst)
    problems = [p for p in load_content(root).problems if p.field == "id"]
    assert [Path(p.path).name for p in problems] == ["t" * 101 + ".md"]
