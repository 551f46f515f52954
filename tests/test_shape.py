"""The shape checker on small made-up records, without the real content files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

import pytest

from macros.content.shape import MAX_TEXT, OneOf, Problem, Rule, ShapeError, build, described, json_schema

Name = Annotated[str, Rule(strip=True, min_length=1)]
Slug = Annotated[str, Rule(pattern=r"^[a-z]+$")]


@dataclass(frozen=True, kw_only=True)
class Part:
    id: Slug
    count: Annotated[int, Rule(minimum=1)] = 1


@dataclass(frozen=True, kw_only=True)
class Other:
    """A part of another kind."""

    id: Slug
    colour: Literal["red", "blue"]


def part_or_other(value: Any) -> type:
    return Other if isinstance(value, dict) and "colour" in value else Part


@dataclass(frozen=True, kw_only=True)
class Box:
    """A box of parts."""

    name: Name = described("What the box is called.")
    parts: Annotated[list[Annotated[Union[Part, Other], OneOf(part_or_other)]], Rule(min_length=1)]
    labels: dict[str, Name] = described("Label text by language.", {})
    note: Name | None = None
    tags: list[Slug] = described("Words to find the box by.", [])


def problems(data: Any) -> set[tuple]:
    with pytest.raises(ShapeError) as caught:
        build(Box, data)
    return {(p.loc, p.kind) for p in caught.value.problems}


def test_builds_nested_records_and_picks_the_kind_of_each_part():
    box = build(Box, {"name": "  Spares \n", "parts": [{"id": "bolt", "count": 3}, {"id": "cap", "colour": "red"}],
                      "labels": {"cy": "Sbâr"}})
    assert box == Box(name="Spares", parts=[Part(id="bolt", count=3), Other(id="cap", colour="red")],
                      labels={"cy": "Sbâr"})
    assert box.note is None and box.tags == []


def test_list_defaults_are_not_shared_between_records():
    one, two = build(Box, {"name": "a", "parts": [{"id": "x"}]}), build(Box, {"name": "b", "parts": [{"id": "x"}]})
    one.tags.append("extra")
    assert two.tags == []


def test_every_problem_is_reported_with_its_place():
    assert problems({
        "name": " ", "parts": [{"id": "Bad", "count": 0, "size": 2}, {"id": "cap", "colour": "green"}, "bolt"],
        "labels": {"en": 5}, "note": True, "tags": "one", "extra": 1,
    }) == {
        (("name",), "empty"), (("parts", 0, "id"), "pattern"), (("parts", 0, "count"), "below_minimum"),
        (("parts", 0, "size"), "unknown_field"), (("parts", 1, "colour"), "not_allowed"),
        (("parts", 2), "not_mapping"), (("labels", "en"), "not_text"), (("note",), "not_text"),
        (("tags",), "not_list"), (("extra",), "unknown_field"),
    }


def test_missing_fields_empty_lists_and_wrong_kinds():
    assert problems({"parts": []}) == {(("name",), "missing"), (("parts",), "no_items")}
    assert problems({"name": "a", "parts": [{"id": "x", "count": "two"}, {"id": "y", "count": True}]}) == {
        (("parts", 0, "count"), "not_whole_number"), (("parts", 1, "count"), "not_whole_number")}
    assert problems(["not", "a", "box"]) == {((), "not_mapping")}


def test_a_problem_keeps_the_value_and_the_rule_it_broke():
    with pytest.raises(ShapeError) as caught:
        build(Box, {"name": "a", "parts": [{"id": "cap", "colour": "green"}]})
    assert caught.value.problems == [Problem(("parts", 0, "colour"), "not_allowed", "green", ("red", "blue"))]


def test_json_schema_says_what_the_checker_checks():
    schema = json_schema(Box)
    assert schema["required"] == ["name", "parts"] and schema["additionalProperties"] is False
    assert schema["description"] == "A box of parts."
    props = schema["properties"]
    assert props["name"] == {"title": "Name", "type": "string", "minLength": 1, "maxLength": MAX_TEXT,
                             "description": "What the box is called."}
    assert props["parts"]["minItems"] == 1
    assert props["parts"]["items"] == {"anyOf": [{"$ref": "#/$defs/Part"}, {"$ref": "#/$defs/Other"}]}
    assert props["labels"]["additionalProperties"] == {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
    assert props["note"]["anyOf"] == [{"type": "string", "minLength": 1, "maxLength": MAX_TEXT}, {"type": "null"}]
    assert props["note"]["default"] is None and props["tags"]["default"] == []
    assert sorted(schema["$defs"]) == ["Other", "Part"]
    assert schema["$defs"]["Part"]["properties"]["count"] == {"title": "Count", "type": "integer", "minimum": 1,
                                                            "default": 1}
    assert schema["$defs"]["Other"]["properties"]["colour"]["enum"] == ["red", "blue"]
    assert "description" not in schema["$defs"]["Part"]  # no docstring of its own


def test_a_model_the_checker_cannot_read_is_a_clear_programming_error():
    @dataclass(frozen=True, kw_only=True)
    class Either:
        part: Union[Part, Other]

    with pytest.raises(TypeError, match="needs OneOf"):
        build(Either, {"part": {"id": "x"}})


@dataclass(frozen=True, kw_only=True)
class Note:
    text: str


def test_text_that_documents_cannot_hold_or_that_hides_what_readers_see_is_refused():
    for char in ["\x00", "\x01", "\x1f", "\x7f", "\x85", "\ufffe", "\ud800", "\u202e", "\u2066", "\u200b", "\ufeff"]:
        with pytest.raises(ShapeError) as caught:
            build(Note, {"text": "ab" + char + "c"})
        assert caught.value.problems == [Problem(("text",), "bad_character", "ab" + char + "c", 2)], repr(char)
    # Tabs, line breaks, right-to-left scripts and the joiners that scripts and emoji use are text.
    for text in ["a\tb\nc", "مرحبا", "שלום", "क्‍ष", "👩‍👧"]:
        assert build(Note, {"text": text}).text == text


def test_every_text_and_every_number_that_drives_work_is_bounded():
    @dataclass(frozen=True, kw_only=True)
    class Bounded:
        rows: Annotated[int, Rule(minimum=0, maximum=50)]
        title: Annotated[str, Rule(max_length=5)] = "x"

    with pytest.raises(ShapeError) as caught:
        build(Bounded, {"rows": 200_000, "title": "too long"})
    assert [(p.loc, p.kind) for p in caught.value.problems] == [(("rows",), "above_maximum"), (("title",), "too_long")]
    with pytest.raises(ShapeError) as caught:
        build(Note, {"text": "x" * (MAX_TEXT + 1)})
    assert caught.value.problems[0].kind == "too_long"
    schema = json_schema(Bounded)["properties"]
    assert schema["rows"]["maximum"] == 50 and schema["title"]["maxLength"] == 5
