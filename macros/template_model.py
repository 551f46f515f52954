"""The content model of `data/templates.yml`: the meeting templates that the site shows and
offers to download as Word, OpenDocument and Markdown files.

`macros.shape` checks the shape of each field; `macros.template_load` adds the rules that span
several items or need the markers (known marker and question ids, unique ids).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated, Literal

from macros.model import Slug, Text, record
from macros.shape import Loc, Rule, described
from macros.source import as_dict, as_list

# A fill-in field is written in square brackets, [like this], anywhere in a template's text.
FILL_IN = re.compile(r"\[([^\[\]]+)\]")


@record
class Serves:
    """A marker the template helps to meet, and which of its questions."""

    marker: Slug = described("The id of a marker in data/markers.yml.")
    questions: list[Slug] = described("Ids of that marker's questions; leave out for a summary-only marker.", default=[])


@record
class Details:
    """Fill-in fields at the top of the document, such as the date and venue of a meeting."""

    heading: Text
    fields: Annotated[list[Text], Rule(min_length=1)] = described(
        "Field names without brackets: 'Date' becomes the fill-in field [Date].")


@record
class AgendaItem:
    id: Slug = described("Unique within the template; scripts that fill it in use it.")
    title: Text
    notes: Text | None = described("A sentence or two on what the item covers.", default=None)
    lead: Text = described("Who leads the item, e.g. Chair or Lead reviewer.")
    minutes: Annotated[int, Rule(minimum=1)]
    purpose: Literal["information", "discussion", "decision"]
    serves: Slug = described("The id of the marker question this item helps to meet.")


@record
class Column:
    id: Slug = described("Unique within the table; rows name their cells by it.")
    title: Text
    hint: Text | None = described("How to fill in the column.", default=None)
    choices: list[Text] = described("The values to choose from, if there is a fixed list.", default=[])
    width: Literal["narrow", "normal", "wide"] = "normal"


@record
class Table:
    """A plan laid out as a table: a header row, any rows given here, then empty rows."""

    heading: Text
    columns: Annotated[list[Column], Rule(min_length=1)]
    rows: list[dict[str, Text]] = described("Rows filled in already: column id to text. Other cells stay empty.", default=[])
    empty_rows: Annotated[int, Rule(minimum=0)] = 0


@record
class Section:
    heading: Text
    paragraphs: Annotated[list[Text], Rule(min_length=1)]


@record
class Template:
    id: Slug = described("Used in the page address /templates/<id>/ and the file names.")
    title: Text
    purpose: Text = described("What the template is for and who uses it; shown on the site.")
    serves: Annotated[list[Serves], Rule(min_length=1)]
    orientation: Literal["portrait", "landscape"] = "portrait"
    introduction: list[Text] = described("Paragraphs at the top of the document.", default=[])
    details: Details | None = None
    items: list[AgendaItem] | None = described("The agenda: give items or a table.", default=None)
    table: Table | None = described("The plan: give a table or items.", default=None)
    notes: list[Section] = described("Sections of guidance after the agenda or table.", default=[])

    def fill_ins(self) -> list[str]:
        """Every fill-in field, in document order, e.g. ['[Date]', '[Venue]']."""
        return fill_ins(asdict(self))

    def marker_of(self, question_id: str) -> str:
        """The marker whose question an agenda item serves: the first listed that has it."""
        return next(s.marker for s in self.serves if question_id in s.questions)


@record
class Templates:
    """The whole of `data/templates.yml`."""

    templates: Annotated[list[Template], Rule(min_length=1)]

    def template(self, template_id: str) -> Template:
        for t in self.templates:
            if t.id == template_id:
                return t
        raise KeyError(f"no template with id '{template_id}' in data/templates.yml")

    def serving(self, marker_id: str) -> list[tuple[Template, Serves]]:
        """The templates that help to meet a marker, each with what it says it serves."""
        return [(t, s) for t in self.templates for s in t.serves if s.marker == marker_id]


# How a text may use square brackets: not at all (titles, headings, choices), as fill-in
# fields (paragraphs and cells), or as the bare name of a detail field.
PLAIN, FILLABLE, FIELD_NAME = "plain", "fillable", "field name"


def texts(template: dict) -> Iterator[tuple[Loc, str, str]]:
    """Every text of one template as (place, text, kind), in the order the documents show them.

    Works on raw YAML as well as on `asdict(template)`, so the checks can point at the line of a
    problem even when other parts of the file are malformed.
    """
    yield ("title",), template.get("title"), PLAIN
    for i, text in enumerate(as_list(template.get("introduction"))):
        yield ("introduction", i), text, FILLABLE
    details = as_dict(template.get("details"))
    yield ("details", "heading"), details.get("heading"), PLAIN
    for i, name in enumerate(as_list(details.get("fields"))):
        yield ("details", "fields", i), name, FIELD_NAME
    for i, item in enumerate(as_list(template.get("items"))):
        for key in ("title", "notes", "lead"):
            yield ("items", i, key), as_dict(item).get(key), FILLABLE
    table = as_dict(template.get("table"))
    columns = [as_dict(c) for c in as_list(table.get("columns"))]
    yield ("table", "heading"), table.get("heading"), PLAIN
    for i, column in enumerate(columns):
        yield ("table", "columns", i, "title"), column.get("title"), PLAIN
    for r, row in enumerate(as_list(table.get("rows"))):
        for column in columns:
            if isinstance(column.get("id"), str) and column["id"] in as_dict(row):
                yield ("table", "rows", r, column["id"]), row[column["id"]], FILLABLE
    for i, column in enumerate(columns):
        yield ("table", "columns", i, "hint"), column.get("hint"), FILLABLE
        for k, choice in enumerate(as_list(column.get("choices"))):
            yield ("table", "columns", i, "choices", k), choice, PLAIN
    for s, section in enumerate(as_list(template.get("notes"))):
        yield ("notes", s, "heading"), as_dict(section).get("heading"), PLAIN
        for p, text in enumerate(as_list(as_dict(section).get("paragraphs"))):
            yield ("notes", s, "paragraphs", p), text, FILLABLE


def fill_ins(template: dict) -> list[str]:
    """The fill-in fields of a template (raw YAML, or `asdict` of a Template), in document order."""
    found = []
    for _, text, kind in texts(template):
        if isinstance(text, str) and kind == FIELD_NAME:
            found.append(f"[{text.strip()}]")
        elif isinstance(text, str) and kind == FILLABLE:
            found += [f"[{name}]" for name in FILL_IN.findall(text)]
    return found


def split_fill_ins(text: str) -> list[tuple[str, bool]]:
    """'Next review: [Date]' -> [('Next review: ', False), ('[Date]', True)]."""
    parts, at = [], 0
    for match in FILL_IN.finditer(text):
        if match.start() > at:
            parts.append((text[at:match.start()], False))
        parts.append((match.group(0), True))
        at = match.end()
    if at < len(text):
        parts.append((text[at:], False))
    return parts
