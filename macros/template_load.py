"""Load and check `data/templates.yml` against the markers it refers to.

Problems are reported like those in `data/markers.yml`: file, line, template, field.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from macros.load import ROOT, display_name, load_content
from macros.model import Content, FullMarker
from macros.source import (
    Items, Source, as_dict, as_list, first_use_checker, problem, read_source, validate,
)
from macros.template_model import FIELD_NAME, FILL_IN, FILLABLE, Templates, texts

TEMPLATES_FILE = ROOT / "data" / "templates.yml"
TEMPLATE_ITEMS = Items(key="templates", noun="template")
# `docs/templates/index.md` is the list of templates, so no template may be called that.
RESERVED_IDS = frozenset({"index"})


def load_templates(content: Content, path: Path = TEMPLATES_FILE) -> Templates:
    """The validated templates, or DataError with every problem in the file."""
    source = read_source(path, display_name(path))
    return validate(source, Templates, TEMPLATE_ITEMS, lambda s, items: template_checks(s, items, content))


def load_all() -> tuple[Content, Templates]:
    """Both content files, checked; DataError names the problems of the first that has any
    (the templates cannot be checked against markers that do not load)."""
    content = load_content()
    return content, load_templates(content)


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
    if has_items == has_table:
        found.append(problem(source, items, at, (
            "give either items (for an agenda) or a table (for a plan), not both"
            if has_items else "the template has no body: give items (for an agenda) or a table (for a plan)")))

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
