"""The front matter reader: YAML 1.2 core schema, source lines, duplicate keys, hostile input."""

from __future__ import annotations

import math
import time

import pytest

from i4ms.content.yaml12 import MAX_NODES, YamlProblem, load_mapping, plain_scalar


def load(text: str, first_line: int = 1) -> dict:
    return load_mapping(text, first_line).data


def problem(text: str, first_line: int = 1) -> YamlProblem:
    with pytest.raises(YamlProblem) as exc:
        load_mapping(text, first_line)
    return exc.value


# -- YAML 1.2 core schema, not 1.1 ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    # YAML 1.1 booleans: Norway, Yes/No answers, On/Off switches
    ["NO", "No", "no", "YES", "Yes", "yes", "y", "n", "Y", "N", "on", "On", "ON", "off", "Off",
     # YAML 1.1 sexagesimal numbers and other look-alikes
     "10:00", "1:30:00", "190:20:30", "1_000", "0b101", "+.5e", "2024-01-01",
     "2024-01-01T10:00:00Z", "=", "<<", "0x", "1.2.3", "5G", "tRue", "nULL"],
)
def test_yaml_1_1_surprises_stay_text(text: str) -> None:
    assert plain_scalar(text) == text
    assert load(f"value: {text}\n") == {"value": text}


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False),
     ("null", None), ("~", None), ("Null", None), ("", None),
     ("0", 0), ("-17", -17), ("+12", 12), ("017", 17), ("0o17", 15), ("0x1F", 31),
     ("1.5", 1.5), ("-.5", -0.5), ("1e3", 1000.0), ("2.", 2.0)],
)
def test_core_schema_values(text: str, value: object) -> None:
    got = plain_scalar(text)
    assert got == value
    assert type(got) is type(value)


def test_core_schema_special_floats() -> None:
    assert plain_scalar(".inf") == math.inf
    assert plain_scalar("-.Inf") == -math.inf
    assert math.isnan(plain_scalar(".NaN"))


def test_quoted_scalars_are_always_text() -> None:
    assert load("a: 'true'\nb: \"10\"\nc: 'null'\n") == {"a": "true", "b": "10", "c": "null"}


def test_keys_are_text_too() -> None:
    assert load("on: 1\nNO: 2\n3: 4\n") == {"on": 1, "NO": 2, "3": 4}


def test_allowed_explicit_tags() -> None:
    assert load("a: !!str 5\nb: !!int '7'\nc: !!null ''\n") == {"a": "5", "b": 7, "c": None}


@pytest.mark.parametrize("tag", ["!!float 4", "!!binary aGk=", "!!timestamp 2024-01-01",
                                 "!custom x", "!!bool yes"])
def test_other_tags_are_refused(tag: str) -> None:
    err = problem(f"name: x\nvalue: {tag}\n")
    assert err.line == 2
    assert "is not allowed here" in err.message


# -- lines ----------------------------------------------------------------------------------


def test_every_path_keeps_its_line() -> None:
    parsed = load_mapping(
        "title: x\npartners:\n  - organisation: a\n    role: b\n  - organisation: c\n"
        "technologies: [a, b]\n",
        first_line=2,
    )
    assert parsed.lines[("title",)] == 2
    assert parsed.lines[("partners",)] == 3
    assert parsed.lines[("partners", 0, "organisation")] == 4
    assert parsed.lines[("partners", 0, "role")] == 5
    assert parsed.lines[("partners", 1, "organisation")] == 6
    assert parsed.lines[("technologies", 1)] == 7


def test_line_of_falls_back_to_the_deepest_known_parent() -> None:
    parsed = load_mapping("a: 1\npartners:\n  - organisation: x\n", 1)
    assert parsed.line_of(("partners", 0, "role"), 99) == 3
    assert parsed.line_of(("missing",), 99) == 99


# -- what is an error -----------------------------------------------------------------------


def test_syntax_error_has_the_line_and_reason() -> None:
    err = problem("a: 1\nb: [unclosed\nc: 3\n", first_line=2)
    assert err.line == 4  # libyaml notices at the next key
    assert err.message.startswith("YAML does not parse: ")


def test_tab_indentation() -> None:
    err = problem("a: 1\nb:\n\t- x\n", first_line=2)
    assert (err.line, err.message) == (4, "tab character in indentation; YAML needs spaces")


def test_tab_inside_a_value_is_fine() -> None:
    assert load("title: Fast\tand cheap\n") == {"title": "Fast\tand cheap"}


def test_tab_inside_a_list_item_value_is_fine() -> None:
    assert load("criteria:\n  - Fast\tand cheap\n") == {"criteria": ["Fast\tand cheap"]}


def test_duplicate_key() -> None:
    err = problem("name: a\ncountry: NO\nname: b\n", first_line=2)
    assert (err.line, err.message) == (4, "duplicate key 'name' (first set on line 2)")


def test_duplicate_key_in_a_nested_mapping() -> None:
    err = problem("partners:\n  - organisation: a\n    role: x\n    role: y\n")
    assert (err.line, err.message) == (4, "duplicate key 'role' (first set on line 3)")


def test_same_key_in_sibling_mappings_is_fine() -> None:
    data = load("partners:\n  - role: x\n  - role: y\n")
    assert data == {"partners": [{"role": "x"}, {"role": "y"}]}


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n"])
def test_empty(text: str) -> None:
    assert problem(text).message == "front matter is empty"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_not_a_mapping(text: str) -> None:
    assert problem(text).message == "front matter must be a mapping of field: value"


def test_complex_key() -> None:
    assert problem("[a, b]: 1\n").message == "a key must be a plain name"


def test_undefined_alias() -> None:
    assert "undefined alias" in problem("a: *nothing\n").message


def test_second_document() -> None:
    assert "YAML does not parse" in problem("a: 1\n---\nb: 2\n").message


def test_small_aliases_are_expanded() -> None:
    assert load("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_merge_key_is_refused() -> None:
    err = problem("base: &b\n  country: NO\n<<: *b\n")
    assert (err.line, err.message) == (3, "merge keys (<<) are not supported")


# -- hostile input --------------------------------------------------------------------------

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
    for i in range(8)
)


def test_alias_bomb_is_an_error_not_a_hang() -> None:
    started = time.perf_counter()
    err = problem(BILLION_LAUGHS)
    assert f"expands to more than {MAX_NODES} values" in err.message
    assert time.perf_counter() - started < 10  # generous: it takes milliseconds


def test_many_values_is_an_error() -> None:
    text = "sources:\n" + "".join(f"  - {i}\n" for i in range(MAX_NODES + 1))
    assert "expands to more than" in problem(text).message


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 1000 + "]" * 1000 + "\n",
        "x: " + "{a: " * 1000 + "1" + "}" * 1000 + "\n",
        "x:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(200)) + "  " * 201 + "e\n",
        "x:\n" + "- " * 1000 + "a\n",
    ],
    ids=["flow-sequences", "flow-mappings", "block-mappings", "compact-sequences"],
)
def test_deep_nesting_is_an_error(text: str) -> None:
    err = problem(text)
    assert "nest" in err.message
    assert 1 <= err.line <= 202


def test_moderate_nesting_is_fine() -> None:
    expected: object = 1
    for _ in range(20):
        expected = [expected]
    assert load("x: " + "[" * 20 + "1" + "]" * 20 + "\n") == {"x": expected}


def test_brackets_inside_a_quoted_string_are_not_nesting() -> None:
    assert load('summary: "' + "[" * 70 + '"\n') == {"summary": "[" * 70}
