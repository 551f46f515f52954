"""`data/markers.yml`: its content model, and `load_content`, which reads and checks it.

The model is one parsed framework that every page and download is made from. Each class is a
frozen dataclass whose field types say what the YAML may hold there (`macros.content.shape`
checks them; unknown fields are errors, so a misspelt one cannot vanish). `marker_checks` adds
the rules that span several items (unique ids, known stages); every problem becomes a plain
message with file, line, item and field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, Union

from macros.content.shape import OneOf, Rule, described
from macros.content.source import (
    ROOT, Items, Source, as_dict, as_list, display_name, first_use_checker, problem, read_source, validate,
)

# Ids appear in web addresses and key the answers saved in users' browsers.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https://\S+$"

Slug = Annotated[str, Rule(pattern=SLUG_PATTERN, max_length=60, mismatch=(
    "{value} is not a valid id: use lower-case letters, digits and single hyphens, like 'improvement-action'"))]
Text = Annotated[str, Rule(strip=True, min_length=1)]
# Titles and headings: one line in a menu, a heading and a document's properties. A line break
# would end a Markdown heading there and let the rest be read as Markdown.
Title = Annotated[str, Rule(strip=True, min_length=1, max_length=150, pattern=r"^[^\n]*$",
                            mismatch="must be one line: remove the line break from {value}")]
Url = Annotated[str, Rule(pattern=URL_PATTERN, max_length=500,
                          mismatch="must be a web address starting with https://, not {value}")]
Year = Annotated[int, Rule(minimum=1900, maximum=2100)]
Paragraphs = Annotated[list[Text], Rule(min_length=1)]
# Every content class: immutable, and fields named when made (so their order is free).
record = dataclass(frozen=True, kw_only=True)


@record
class Framework:
    title: Title
    publisher: Text
    year: Year
    citation: Text
    content_version: Text = described("Raise it whenever the guidance text changes; exports record it.")
    overview_urls: list[Url] = described("Pages about the whole framework.", default=[])


@record
class Stage:
    id: Slug
    title: Title


@record
class Citation:
    author: Text
    year: Year
    pages: Annotated[list[Annotated[int, Rule(minimum=1, maximum=9999)]], Rule(min_length=1, max_length=50)]

    @property
    def text(self) -> str:
        """The Harvard-style form used in the source, e.g. 'HM Government, 2015: 79, 80'."""
        return f"{self.author}, {self.year}: {', '.join(str(p) for p in self.pages)}"


@record
class StatutoryItem:
    text: Text
    citations: list[Citation] = described("Sources the text cites, each as it appears in it.", default=[])


@record
class Reference:
    """A current source that a note of ours rests on: an Act, statutory guidance, a body's page."""

    title: Title
    url: Url
    publisher: Text | None = None
    year: Year | None = None
    section: Text | None = described("The part that supports the note, e.g. 'chapter 5' or 'section 16F'.",
                                     default=None)


@record
class Today:
    """Our note on how the marker reads under today's rules. Not part of the published text."""

    text: Paragraphs = described("Two to four sentences in our own words: only what the citations support.")
    citations: Annotated[list[Reference], Rule(min_length=1)] = described(
        "The current law or guidance each fact rests on: at least one.")


@record
class Question:
    id: Slug = described("Stable id that saved answers are keyed to: never reuse one.")
    text: Text
    short: Title | None = described(
        "A few words of our own naming the question, for lists and meeting papers, such as "
        "'Time given to receive the report'. Never shown as the published text.", default=None)


@record
class MarkerBase:
    id: Slug = described("Used in the page address /markers/<id>/ and saved answers.")
    number: Annotated[int, Rule(minimum=1, maximum=9999)]
    stage: Slug = described("The id of one of the stages.")
    title: Title
    source_url: Url = described("The public page with the official text.")
    today: Today | None = described("'Reading this marker today': our note on today's rules, with citations.",
                                    default=None)

    @property
    def is_full(self) -> bool:
        return isinstance(self, FullMarker)


@record
class OutlineMarker(MarkerBase):
    """A marker we only summarise: the official text is not on this site."""

    summary: Text = described("One sentence in our own words; shown as a summary.")


@record
class FullMarker(MarkerBase):
    """A marker with the complete published guidance, word for word."""

    summary: Text | None = None
    quality_statement: Text
    rationale: Paragraphs
    questions: Annotated[list[Question], Rule(min_length=1)]
    knowledge_base: Paragraphs
    statutory_guidance: Annotated[list[StatutoryItem], Rule(min_length=1)]
    equality_and_diversity: list[Text] | None = None
    obstacles: Paragraphs
    wording_note: Text | None = described(
        "Our note on the published wording (e.g. a slip kept as published); shown apart from it.", default=None)


# A marker is full guidance as soon as it has any field that only full guidance has.
FULL_ONLY_FIELDS = frozenset(f.name for f in fields(FullMarker)) - frozenset(f.name for f in fields(OutlineMarker))


def marker_kind(value: Any) -> type:
    """The class a marker in the YAML is checked as."""
    return FullMarker if isinstance(value, dict) and FULL_ONLY_FIELDS & set(value) else OutlineMarker


Marker = Annotated[Union[FullMarker, OutlineMarker], OneOf(marker_kind)]


@record
class Content:
    """The whole of `data/markers.yml`."""

    framework: Framework
    stages: Annotated[list[Stage], Rule(min_length=1)]
    markers: Annotated[list[Marker], Rule(min_length=1)]

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)

    def markers_in(self, stage_id: str) -> list[MarkerBase]:
        return [m for m in self.markers if m.stage == stage_id]

    def ordered_markers(self) -> list[MarkerBase]:
        """Framework order: by stage, then as listed in the file."""
        return [m for s in self.stages for m in self.markers_in(s.id)]

    def marker(self, marker_id: str) -> MarkerBase:
        for m in self.markers:
            if m.id == marker_id:
                return m
        raise KeyError(f"no marker with id '{marker_id}' in data/markers.yml")

    def neighbours(self, marker_id: str) -> tuple[MarkerBase | None, MarkerBase | None]:
        """The previous and next markers in framework order."""
        order = self.ordered_markers()
        i = [m.id for m in order].index(marker_id)
        return (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)

    def full_markers(self) -> list[FullMarker]:
        return [m for m in self.ordered_markers() if isinstance(m, FullMarker)]


# Reading and checking the file.

MARKERS_FILE = ROOT / "data" / "markers.yml"
MARKER_ITEMS = Items(key="markers", noun="marker")


def load_content(path: Path = MARKERS_FILE, name: str | None = None) -> Content:
    """The validated framework, or DataError with every problem in the file.

    `name` is how messages refer to the file (by default its path from the project root).
    """
    source = read_source(path, name or display_name(path))
    return validate(source, Content, MARKER_ITEMS, marker_checks)



def marker_checks(source: Source, items: Items) -> list[tuple[int, str]]:
    """Rules that span several items; tolerant of the shape errors `macros.content.shape` reports."""
    found: list[tuple[int, str]] = []
    stages = as_list(source.data.get("stages"))
    markers = as_list(source.data.get("markers"))

    check_stage, dup_stages = first_use_checker(source, items, "stage id")
    stage_ids = []
    for i, stage in enumerate(stages):
        stage_id = as_dict(stage).get("id")
        check_stage(("stages", i, "id"), stage_id)
        stage_ids.append(stage_id)
    found += dup_stages

    check_id, dup_ids = first_use_checker(source, items, "id")
    check_number, dup_numbers = first_use_checker(source, items, "number")
    used_stages = set()
    for i, marker in enumerate(markers):
        marker = as_dict(marker)
        check_id(("markers", i, "id"), marker.get("id"))
        check_number(("markers", i, "number"), marker.get("number"))
        stage = marker.get("stage")
        if isinstance(stage, str):
            used_stages.add(stage)
            if stage_ids and stage not in stage_ids:
                known = ", ".join(s for s in stage_ids if isinstance(s, str))
                found.append(problem(source, items, ("markers", i, "stage"),
                                     f"unknown stage '{stage}' (the stages are: {known})"))
        check_question, dup_questions = first_use_checker(source, items, "id")
        for q, question in enumerate(as_list(marker.get("questions"))):
            check_question(("markers", i, "questions", q, "id"), as_dict(question).get("id"))
        found += dup_questions
        found += _citation_checks(source, items, i, marker)
    found += dup_ids + dup_numbers

    if markers:
        for i, stage_id in enumerate(stage_ids):
            if isinstance(stage_id, str) and stage_id not in used_stages:
                found.append(problem(source, items, ("stages", i, "id"),
                                     f"no marker is in stage '{stage_id}': add one, or remove the stage"))
    return found


def _citation_checks(source: Source, items: Items, i: int, marker: dict) -> list[tuple[int, str]]:
    """A structured citation must match the words it stands for, so the two cannot drift."""
    found = []
    for s, item in enumerate(as_list(marker.get("statutory_guidance"))):
        text = as_dict(item).get("text")
        for c, cite in enumerate(as_list(as_dict(item).get("citations"))):
            cite = as_dict(cite)
            pages = cite.get("pages")
            if not (isinstance(text, str) and isinstance(pages, list)):
                continue
            expected = f"{cite.get('author')}, {cite.get('year')}: {', '.join(str(p) for p in pages)}"
            if expected not in " ".join(text.split()):
                loc = ("markers", i, "statutory_guidance", s, "citations", c)
                found.append(problem(source, items, loc,
                                     f"the citation '{expected}' does not appear in the text it belongs to"))
    return found
