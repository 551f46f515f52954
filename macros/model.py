"""The content model of `data/markers.yml`: one parsed framework that every page and
download is made from.

Each class is a frozen dataclass whose field types say what the YAML may hold there
(`macros.shape` checks them; unknown fields are errors, so a misspelt one cannot vanish).
`macros.load` adds the rules that span several items (unique ids, known stages) and turns
every problem into a plain message.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Annotated, Any, Union

from macros.shape import OneOf, Rule, described

# Ids appear in web addresses and key the answers saved in users' browsers.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https://\S+$"

Slug = Annotated[str, Rule(pattern=SLUG_PATTERN, mismatch=(
    "{value} is not a valid id: use lower-case letters, digits and single hyphens, like 'improvement-action'"))]
Text = Annotated[str, Rule(strip=True, min_length=1)]
Url = Annotated[str, Rule(pattern=URL_PATTERN, mismatch="must be a web address starting with https://, not {value}")]
Paragraphs = Annotated[list[Text], Rule(min_length=1)]
# Every content class: immutable, and fields named when made (so their order is free).
record = dataclass(frozen=True, kw_only=True)


@record
class Framework:
    title: Text
    publisher: Text
    year: int
    citation: Text
    content_version: Text = described("Raise it whenever the guidance text changes; exports record it.")
    overview_urls: list[Url] = described("Pages about the whole framework.", default=[])


@record
class Stage:
    id: Slug
    title: Text


@record
class Citation:
    author: Text
    year: int
    pages: Annotated[list[int], Rule(min_length=1)]

    @property
    def text(self) -> str:
        """The Harvard-style form used in the source, e.g. 'HM Government, 2015: 79, 80'."""
        return f"{self.author}, {self.year}: {', '.join(str(p) for p in self.pages)}"


@record
class StatutoryItem:
    text: Text
    citations: list[Citation] = described("Sources the text cites, each as it appears in it.", default=[])


@record
class Question:
    id: Slug = described("Stable id that saved answers are keyed to: never reuse one.")
    text: Text


@record
class MarkerBase:
    id: Slug = described("Used in the page address /markers/<id>/ and saved answers.")
    number: Annotated[int, Rule(minimum=1)]
    stage: Slug = described("The id of one of the stages.")
    title: Text
    source_url: Url = described("The public page with the official text.")

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
