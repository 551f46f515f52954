"""The content model of `data/markers.yml`: one parsed framework that every page and
download is made from.

Pydantic checks the shape of each field; `macros.validate` adds the rules that span
several items (unique ids, known stages) and turns every problem into a plain message.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

# Ids appear in web addresses and key the answers saved in users' browsers.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https://\S+$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
Paragraphs = Annotated[list[Text], Field(min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Framework(Strict):
    title: Text
    publisher: Text
    year: int
    citation: Text
    content_version: Text = Field(
        description="Raise it whenever the guidance text changes; exports record it."
    )
    overview_urls: list[Url] = []


class Stage(Strict):
    id: Slug
    title: Text


class Citation(Strict):
    author: Text
    year: int
    pages: Annotated[list[int], Field(min_length=1)]

    @property
    def text(self) -> str:
        """The Harvard-style form used in the source, e.g. 'HM Government, 2015: 79, 80'."""
        return f"{self.author}, {self.year}: {', '.join(str(p) for p in self.pages)}"


class StatutoryItem(Strict):
    text: Text
    citations: list[Citation] = []


class Question(Strict):
    id: Slug = Field(description="Stable id that saved answers are keyed to: never reuse one.")
    text: Text


class MarkerBase(Strict):
    id: Slug = Field(description="Used in the page address /markers/<id>/ and saved answers.")
    number: Annotated[int, Field(ge=1)]
    stage: Slug = Field(description="The id of one of the stages.")
    title: Text
    source_url: Url = Field(description="The public page with the official text.")

    @property
    def is_full(self) -> bool:
        return isinstance(self, FullMarker)


class OutlineMarker(MarkerBase):
    """A marker we only summarise: the official text is not on this site."""

    summary: Text = Field(description="One sentence in our own words; shown as a summary.")


class FullMarker(MarkerBase):
    """A marker with the complete published guidance, word for word."""

    summary: Text | None = None
    quality_statement: Text
    rationale: Paragraphs
    questions: Annotated[list[Question], Field(min_length=1)]
    knowledge_base: Paragraphs
    statutory_guidance: Annotated[list[StatutoryItem], Field(min_length=1)]
    equality_and_diversity: list[Text] | None = None
    obstacles: Paragraphs


# A marker is full guidance as soon as it has any field that only full guidance has.
FULL_ONLY_FIELDS = frozenset(FullMarker.model_fields) - frozenset(OutlineMarker.model_fields)


def marker_kind(value: Any) -> str:
    fields = value if isinstance(value, dict) else getattr(value, "__dict__", {})
    return "full" if FULL_ONLY_FIELDS & set(fields) else "outline"


Marker = Annotated[
    Union[Annotated[FullMarker, Tag("full")], Annotated[OutlineMarker, Tag("outline")]],
    Discriminator(marker_kind),
]


class Content(Strict):
    """The whole of `data/markers.yml`."""

    framework: Framework
    stages: Annotated[list[Stage], Field(min_length=1)]
    markers: Annotated[list[Marker], Field(min_length=1)]

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
