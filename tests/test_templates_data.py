"""data/templates.yml: the real file loads, and every kind of mistake is reported like a
marker mistake (file, line, template, field) in words a content editor can act on."""

from __future__ import annotations

import pytest

from macros.content.markers import display_name, load_content
from macros.content.source import DataError
from macros.content.templates import TEMPLATES_FILE, load_templates
from tests.data_helpers import line_of

# A small valid file; each bad case below changes one line of it.
GOOD = """\
templates:
  - id: agenda
    title: A test agenda
    purpose: For the tests.
    serves:
      - marker: improvement-action
        questions: [time-given, clear-leadership]
    details:
      heading: Meeting details
      fields: [Date, Venue]
    items:
      - id: welcome
        title: Welcome
        lead: Chair
        minutes: 5
        purpose: information
        serves: time-given
      - id: challenge
        title: Challenge
        lead: Chair
        minutes: 20
        purpose: discussion
        serves: clear-leadership
  - id: plan
    title: A test plan
    purpose: For the tests.
    serves:
      - marker: board-written-response
    table:
      heading: Actions
      columns:
        - id: action
          title: Action
        - id: owner
          title: Owner
      rows:
        - action: Write the response
      empty_rows: 1
"""


@pytest.fixture(scope="module")
def content():
    return load_content()


def load(tmp_path, content, text: str):
    path = tmp_path / "templates.yml"
    path.write_text(text, encoding="utf-8")
    return load_templates(content, path), str(path)


def problems(tmp_path, content, text: str) -> tuple[list[str], str]:
    path = tmp_path / "templates.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_templates(content, path)
    return e.value.messages, str(path)


def test_the_real_file_loads_and_names_real_questions(content):
    templates = load_templates(content)
    ids = [t.id for t in templates.templates]
    assert ids == ["board-agenda", "subgroup-agenda", "action-plan", "engagement-plan", "seven-minute-briefing"]
    board = templates.template("board-agenda")
    assert {"time-given", "clear-leadership", "prioritised-response"} <= {i.serves for i in board.items}
    assert templates.template("action-plan").orientation == "landscape"


def test_messages_about_the_real_file_name_it_as_editors_see_it():
    assert display_name(TEMPLATES_FILE) == "data/templates.yml"


def test_the_small_file_is_valid(tmp_path, content):
    templates, _ = load(tmp_path, content, GOOD)
    assert [t.id for t in templates.templates] == ["agenda", "plan"]
    assert templates.template("agenda").fill_ins() == ["[Date]", "[Venue]"]


# (what to replace, with what, the line to report (a needle, and which hit), the message after
# "file:line: "; {first} stands for the line of the needle's first hit, for "first used at").
BAD_CASES = {
    "unknown question in an agenda item": (
        "        serves: clear-leadership", "        serves: foo", ("serves: foo", 1),
        "template 'agenda', items[1].serves: unknown question 'foo' in marker 'improvement-action'"),
    "unknown marker": (
        "      - marker: board-written-response", "      - marker: board-writen-response",
        ("board-writen-response", 1),
        "template 'plan', serves[0].marker: unknown marker 'board-writen-response' "
        "(did you mean 'board-written-response'?)"),
    "unknown question listed under serves": (
        "questions: [time-given, clear-leadership]", "questions: [time-given, clear-leadership, nope]",
        ("questions:", 1),
        "template 'agenda', serves[0].questions[2]: unknown question 'nope' in marker 'improvement-action'"),
    "item serves a question the template does not list": (
        "questions: [time-given, clear-leadership]", "questions: [time-given]", ("serves: clear-leadership", 1),
        "template 'agenda', items[1].serves: question 'clear-leadership' of marker 'improvement-action' "
        "is not listed under this template's serves: add it there"),
    "questions for a summary-only marker": (
        "      - marker: board-written-response",
        "      - marker: board-written-response\n        questions: [time-given]", ("questions: [time-given]", 1),
        "template 'plan', serves[0].questions[0]: marker 'board-written-response' has no questions on this "
        "site (it is a summary): list the marker without questions"),
    "duplicate template id": (
        "  - id: plan", "  - id: agenda", ("  - id: agenda", 2),
        "template 'agenda', id: duplicate template id 'agenda' (first used at line {first})"),
    "duplicate item id": (
        "      - id: challenge", "      - id: welcome", ("- id: welcome", 2),
        "template 'agenda', items[1].id: duplicate item id 'welcome' (first used at line {first})"),
    "duplicate column id": (
        "        - id: owner", "        - id: action", ("- id: action", 2),
        "template 'plan', table.columns[1].id: duplicate column id 'action' (first used at line {first})"),
    "purpose not one of the three": (
        "        purpose: discussion", "        purpose: chat", ("purpose: chat", 1),
        "template 'agenda', items[1].purpose: must be one of 'information', 'discussion', 'decision' "
        "or 'break', not 'chat'"),
    "minutes not a number": (
        "        minutes: 20", "        minutes: twenty", ("minutes: twenty", 1),
        "template 'agenda', items[1].minutes: must be a whole number, not text ('twenty')"),
    "missing lead": (
        "        lead: Chair\n        minutes: 5", "        minutes: 5", ("- id: welcome", 1),
        "template 'agenda', items[0].lead: required field is missing"),
    "row names an unknown column": (
        "        - action: Write the response", "        - actoin: Write the response", ("actoin", 1),
        "template 'plan', table.rows[0].actoin: unknown column 'actoin' (the columns are: action, owner)"),
    "a bracket without its partner": (
        "        title: Welcome", "        title: Welcome [Chair", ("Welcome [Chair", 1),
        "template 'agenda', items[0].title: a '[' or ']' without its partner: write a fill-in field as "
        "[Name of the field], with nothing in brackets inside it"),
    "brackets around a detail field": (
        "fields: [Date, Venue]", 'fields: ["[Date]", Venue]', ("fields:", 1),
        "template 'agenda', details.fields[0]: write the field name without brackets, e.g. 'Date': "
        "the brackets are added for you"),
    "a fill-in field in a heading": (
        "      heading: Actions", "      heading: Actions for [Partnership]", ("heading: Actions", 1),
        "template 'plan', table.heading: square brackets mark fill-in fields, which cannot go in a title, "
        "heading or choice"),
    "a heading of two lines": (
        "      heading: Actions", '      heading: "Actions\\n---"', ("heading: \"Actions", 1),
        "template 'plan', table.heading: must be one line: remove the line break from 'Actions\\n---'"),
    "duplicate detail field": (
        "fields: [Date, Venue]", "fields: [Date, Date]", ("fields:", 1),
        "template 'agenda', details.fields[1]: duplicate field 'Date' (first used at line {first})"),
    "both items and a table": (
        "    items:",
        "    table: {heading: Extra, columns: [{id: a, title: A}], empty_rows: 1}\n    items:",
        ("  - id: agenda", 1),
        "template 'agenda': give either items (for an agenda) or a table (for a plan), not both"),
    "the reserved id index": (
        "  - id: plan", "  - id: index", ("  - id: index", 1),
        "template 'index', id: 'index' is reserved for the list of templates: choose another id"),
    "an id that is a list": (
        "  - id: plan", "  - id: [plan]", ("  - id: [plan]", 1),
        "template 2 in the list (it has no id), id: must be text, not a list"),
    "a column id that is a list": (
        "        - id: owner", "        - id: [owner]", ("        - id: [owner]", 1),
        "template 'plan', table.columns[1].id: must be text, not a list"),
    "a misspelt field name": (
        "    purpose: For the tests.\n    serves:\n      - marker: board",
        "    purpos: For the tests.\n    serves:\n      - marker: board", ("purpos:", 1),
        "template 'plan', purpos: unknown field 'purpos' (did you mean 'purpose'?)"),
}


@pytest.mark.parametrize("case", BAD_CASES, ids=list(BAD_CASES))
def test_each_mistake_is_reported_with_file_line_template_and_field(tmp_path, content, case):
    old, new, (needle, nth), expected = BAD_CASES[case]
    assert GOOD.count(old) == 1, f"the fixture must contain {old!r} once"
    text = GOOD.replace(old, new)
    messages, path = problems(tmp_path, content, text)
    expected = expected.replace("{first}", str(line_of(text, needle)))
    assert f"{path}:{line_of(text, needle, nth)}: {expected}" in messages, "\n".join(messages)


def test_every_problem_is_reported_at_once_in_line_order(tmp_path, content):
    text = GOOD.replace("        serves: clear-leadership", "        serves: foo").replace(
        "      - marker: board-written-response", "      - marker: nowhere")
    messages, path = problems(tmp_path, content, text)
    assert [m.split(":")[1] for m in messages] == sorted((m.split(":")[1] for m in messages), key=int)
    assert any("unknown question 'foo'" in m for m in messages)
    assert any("unknown marker 'nowhere'" in m for m in messages)


def test_a_template_without_items_or_table_is_explained(tmp_path, content):
    text = GOOD.split("  - id: plan")[0] + "  - id: plan\n    title: Plan\n    purpose: For tests.\n" \
        "    serves:\n      - marker: improvement-action\n"
    messages, path = problems(tmp_path, content, text)
    assert messages == [f"{path}:{line_of(text, '  - id: plan')}: template 'plan': the template has no body: "
                        "give items (for an agenda), a table (for a plan) or notes (the sections of a briefing)"]


def test_broken_yaml_names_the_line(tmp_path, content):
    text = GOOD.replace("        title: Challenge", "        title: [Challenge")
    messages, path = problems(tmp_path, content, text)
    assert len(messages) == 1 and messages[0].startswith(f"{path}:")
    assert "not valid YAML" in messages[0]
