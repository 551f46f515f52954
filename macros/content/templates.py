"""`data/templates.yml`: the model of the meeting templates that the site shows and offers to
download as Word, OpenDocument and Markdown files, and `load_templates`, which reads and checks it.

`macros.content.shape` checks the shape of each field; `template_checks` adds the rules that span
several items or need the markers (known marker and question ids, unique ids). Problems are
reported like those in `data/markers.yml`: file, line, template, field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Literal

from macros.content.markers import Content, FullMarker, Slug, Text, Title, load_content, record
from macros.content.shape import Loc, Rule, described
from macros.content.source import (
    ROOT, Items, Source, as_dict, as_list, display_name, first_use_checker, problem, read_source, validate,
)

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

    heading: Title
    fields: Annotated[list[Title], Rule(min_length=1, max_length=30)] = described(
        "Field names without brackets: 'Date' becomes the fill-in field [Date].")


@record
class AgendaItem:
    id: Slug = described("Unique within the template; scripts that fill it in use it.")
    title: Title
    notes: Text | None = described("A sentence or two on what the item covers.", default=None)
    lead: Text = described("Who leads the item, e.g. Chair or Lead reviewer.")
    minutes: Annotated[int, Rule(minimum=1, maximum=240)]
    purpose: Literal["information", "discussion", "decision", "break"]
    serves: Slug | None = described("The id of the marker question this item helps to meet, if any.", default=None)
    findings: bool = described(
        "Meeting papers made on the site add one item for decision under this one for each of the "
        "review's findings. At most one item per template.", default=False)
    self_assessment: bool = described(
        "The item about how the partnership ran the review: meeting papers list the self-assessment's "
        "Partly and No answers in it, and leave it out unless the user asks for it. At most one item.",
        default=False)


@record
class Column:
    id: Slug = described("Unique within the table; rows name their cells by it.")
    title: Title
    hint: Text | None = described("How to fill in the column.", default=None)
    choices: list[Title] = described("The values to choose from, if there is a fixed list.", default=[])
    width: Literal["narrow", "normal", "wide"] = "normal"


@record
class Table:
    """A plan laid out as a table: a header row, any rows given here, then empty rows."""

    heading: Title
    columns: Annotated[list[Column], Rule(min_length=1, max_length=20)]
    rows: list[dict[str, Text]] = described("Rows filled in already: column id to text. Other cells stay empty.", default=[])
    empty_rows: Annotated[int, Rule(minimum=0, maximum=50)] = 0


@record
class Section:
    heading: Title
    paragraphs: Annotated[list[Text], Rule(min_length=1)]
    audience: Literal["everyone", "organiser"] = described(
        "'organiser' for notes meant only for whoever prepares the meeting: they are left out of the "
        "members' copy of meeting papers.", default="everyone")


@record
class Template:
    id: Slug = described("Used in the page address /templates/<id>/ and the file names.")
    title: Title
    purpose: Text = described("What the template is for and who uses it; shown on the site.")
    serves: Annotated[list[Serves], Rule(min_length=1)]
    orientation: Literal["portrait", "landscape"] = "portrait"
    introduction: list[Text] = described("Paragraphs at the top of the document.", default=[])
    details: Details | None = None
    items: list[AgendaItem] | None = described("The agenda: give items, a table, or neither (a briefing).", default=None)
    table: Table | None = described("The plan: give a table, items, or neither (a briefing).", default=None)
    notes: list[Section] = described(
        "Sections after the agenda or table; a briefing (no items, no table) is made of these alone.", default=[])

    def fill_ins(self) -> list[str]:
        """Every fill-in field, in document order, e.g. ['[Date]', '[Venue]']."""
        return fill_ins(asdict(self))

    def marker_of(self, question_id: str) -> str:
        """The marker whose question an agenda item serves: the first listed that has it."""
        return next(s.marker for s in self.serves if question_id in s.questions)

    def item_for(self, flag: str) -> AgendaItem | None:
        """The agenda item marked `findings` or `self_assessment`, if there is one."""
        return next((item for item in self.items or [] if getattr(item, flag)), None)


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


# Reading and checking the file.

TEMPLATES_FILE = ROOT / "data" / "templates.yml"
TEMPLATE_ITEMS = Items(key="templates", noun="template")
# `docs/templates/index.md` is the list of templates, so no template may be called that.
RESERVED_IDS = frozenset({"index"})


def load_templates(content: Content, path: Path = TEMPLATES_FILE) -> Templates:
    """The validated templates, or DataError with every problem in the file."""
    source = read_source(path, display_name(path))
    return validate(source, Templates, TEMPLATE_ITEMS, lambda s, items: template_checks(s, items, content))



def template_checks(source: Source, items: Items, content: Content) -> list[tuple[int, str]]:
    """Rules that span several items or need the markers; tolerant of shape errors."""
    found: list[tuple[int, str]] = []
    check_id, duplicates = first_use_checker(source, items, "template id")
    for i, template in enumerate(as_list(source.data.get("templates"))):
        template = as_dict(template)
        at = ("templates", i)
        check_id((*at, "id"), template.get("id"))
        if isinstance(template.get("id"), str) and template["id"] in RESERVED_IDS:
            found.append(problem(source, items, (*at, "id"),
                                 f"'{template['id']}' is reserved for the list of templates: choose another id"))
        found += _body_checks(source, items, at, template)
        found += _serves_checks(source, items, at, template, content)
        found += _bracket_checks(source, items, at, template)
    return found + duplicates


def _body_checks(source: Source, items: Items, at: tuple, template: dict) -> list[tuple[int, str]]:
    found = []
    has_items, has_table = template.get("items") is not None, template.get("table") is not None
    if has_items and has_table:
        found.append(problem(source, items, at, "give either items (for an agenda) or a table (for a plan), not both"))
    elif not has_items and not has_table and not as_list(template.get("notes")):
        found.append(problem(source, items, at, "the template has no body: give items (for an agenda), a table "
                                                "(for a plan) or notes (the sections of a briefing)"))
    for flag in ("findings", "self_assessment"):
        marked = [k for k, item in enumerate(as_list(template.get("items"))) if as_dict(item).get(flag) is True]
        found += [problem(source, items, (*at, "items", k, flag), f"only one item of a template can have {flag}: true")
                  for k in marked[1:]]

    check_item, dup_items = first_use_checker(source, items, "item id")
    for k, item in enumerate(as_list(template.get("items"))):
        check_item((*at, "items", k, "id"), as_dict(item).get("id"))

    table = as_dict(template.get("table"))
    check_column, dup_columns = first_use_checker(source, items, "column id")
    column_ids = []
    for c, column in enumerate(as_list(table.get("columns"))):
        column_ids.append(as_dict(column).get("id"))
        check_column((*at, "table", "columns", c, "id"), column_ids[-1])
    known = ", ".join(str(c) for c in column_ids)
    for r, row in enumerate(as_list(table.get("rows"))):
        for key in as_dict(row):
            if column_ids and key not in column_ids:
                found.append(problem(source, items, (*at, "table", "rows", r, key),
                                     f"unknown column '{key}' (the columns are: {known})"))
    if table and not as_list(table.get("rows")) and not table.get("empty_rows"):
        found.append(problem(source, items, (*at, "table"),
                             "the table has no rows: give rows, or empty_rows of 1 or more"))

    check_field, dup_fields = first_use_checker(source, items, "field")
    for f, name in enumerate(as_list(as_dict(template.get("details")).get("fields"))):
        check_field((*at, "details", "fields", f), name)
    return found + dup_items + dup_columns + dup_fields


def _serves_checks(source: Source, items: Items, at: tuple, template: dict, content: Content) -> list[tuple[int, str]]:
    """Every marker and question a template names must exist in data/markers.yml."""
    found = []
    markers = {m.id: m for m in content.markers}
    listed: dict[str, list[str]] = {}  # marker id -> the question ids the template lists for it
    check_marker, dup_markers = first_use_checker(source, items, "marker")
    for s, serves in enumerate(as_list(template.get("serves"))):
        serves = as_dict(serves)
        marker_id, here = serves.get("marker"), (*at, "serves", s)
        check_marker((*here, "marker"), marker_id)
        if not isinstance(marker_id, str):
            continue
        if marker_id not in markers:
            found.append(problem(source, items, (*here, "marker"), _unknown_marker(marker_id, markers)))
            continue
        marker = markers[marker_id]
        question_ids = [q.id for q in marker.questions] if isinstance(marker, FullMarker) else []
        check_question, dup_questions = first_use_checker(source, items, "question")
        for q, question_id in enumerate(as_list(serves.get("questions"))):
            check_question((*here, "questions", q), question_id)
            if not question_ids:
                found.append(problem(source, items, (*here, "questions", q),
                                     f"marker '{marker_id}' has no questions on this site (it is a summary): "
                                     "list the marker without questions"))
            elif isinstance(question_id, str) and question_id not in question_ids:
                found.append(problem(source, items, (*here, "questions", q),
                                     _unknown_question(question_id, [marker_id])))
        found += dup_questions
        listed.setdefault(marker_id, []).extend(q for q in as_list(serves.get("questions")) if q in question_ids)

    for k, item in enumerate(as_list(template.get("items"))):
        question_id = as_dict(item).get("serves")
        if isinstance(question_id, str) and listed:
            found += _item_serves_check(source, items, (*at, "items", k, "serves"), question_id, listed, markers)
    return found + dup_markers


def _item_serves_check(source, items, loc, question_id: str, listed: dict[str, list[str]], markers) -> list:
    """An agenda item serves one of the questions its template lists under `serves`."""
    if any(question_id in questions for questions in listed.values()):
        return []
    full = [m for m in listed if isinstance(markers[m], FullMarker)]
    for marker_id in full:
        if question_id in [q.id for q in markers[marker_id].questions]:
            return [problem(source, items, loc, f"question '{question_id}' of marker '{marker_id}' is not listed "
                                                "under this template's serves: add it there")]
    if not full:
        return [problem(source, items, loc, "the template serves no marker with questions: "
                                            "add one under serves, with its questions")]
    return [problem(source, items, loc, _unknown_question(question_id, full))]


def _unknown_marker(marker_id: str, markers: dict) -> str:
    close = difflib.get_close_matches(marker_id, list(markers), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else " (see the ids in data/markers.yml)"
    return f"unknown marker '{marker_id}'{hint}"


def _unknown_question(question_id: str, marker_ids: list[str]) -> str:
    names = ", ".join(f"'{m}'" for m in marker_ids)
    return f"unknown question '{question_id}' in marker{'s' if len(marker_ids) > 1 else ''} {names}"


def _bracket_checks(source: Source, items: Items, at: tuple, template: dict) -> list[tuple[int, str]]:
    """Square brackets mark fill-in fields, so they must be whole and only where they work."""
    found = []
    for loc, text, kind in texts(template):
        if not isinstance(text, str) or ("[" not in text and "]" not in text):
            continue
        if kind == FIELD_NAME:
            message = f"write the field name without brackets, e.g. '{text.strip('[] ')}': the brackets are added for you"
        elif kind == FILLABLE:
            rest = FILL_IN.sub("", text)
            if "[" not in rest and "]" not in rest:
                continue
            message = ("a '[' or ']' without its partner: write a fill-in field as [Name of the field], "
                       "with nothing in brackets inside it")
        else:
            message = "square brackets mark fill-in fields, which cannot go in a title, heading or choice"
        found.append(problem(source, items, (*at, *loc), message))
    return found
