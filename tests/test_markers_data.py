"""data/markers.yml: the real file loads, and each kind of mistake an editor can make gives
one exact, plain message naming the file, the line, the marker and the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content.markers import MARKERS_FILE, load_content
from tests.data_helpers import errors_for as data_errors, line_of

NAME = "data/markers.yml"
REAL = MARKERS_FILE.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"fixture edit is ambiguous: {old!r}"
    return text.replace(old, new)


def errors_for(tmp_path: Path, text: str) -> list[str]:
    return data_errors(tmp_path, text, load_content, NAME)


def test_real_file_loads():
    content = load_content()
    assert [s.title for s in content.stages] == ["Review setup", "Running the review", "Review outputs"]
    assert len(content.markers) == 18
    assert sorted(m.number for m in content.markers) == list(range(1, 19))
    assert [m.id for m in content.full_markers()] == ["improvement-action"]
    marker = content.marker("improvement-action")
    assert [q.id for q in marker.questions] == [
        "coherent-mechanism", "clear-leadership", "time-given", "linked-to-framework", "prioritised-response"]
    cite = marker.statutory_guidance[0].citations[0]
    assert (cite.author, cite.year, cite.pages, cite.text) == ("HM Government", 2015, [79, 80], "HM Government, 2015: 79, 80")
    assert content.framework.citation == "NSPCC/SCIE (2016) Serious case review quality markers. London: NSPCC/SCIE."


def test_outlines_are_summaries_without_questions():
    for marker in load_content().markers:
        if not marker.is_full:
            assert marker.summary and not hasattr(marker, "questions")


EMPTY_TITLE = 'title: ""'
BLANK_SUMMARY = "summary: '   '"
QUOTED_SEVEN = "number: '7'"
OPEN_QUOTE = 'title: "Referral'
OPEN_QUOTE_LAST = 'summary: "The board builds'
NEVER_CLOSED = "not valid YAML: a quote opened on this line is never closed: add the closing quote, or remove this one"

# Each case: (edit of the real file, expected messages given the edited text).
CASES = {
    "duplicate question id": (
        lambda t: replace_once(t, "id: linked-to-framework", "id: time-given"),
        lambda t: [f"{NAME}:{line_of(t, 'id: time-given', 2)}: marker 'improvement-action', questions[3].id: "
                   f"duplicate id 'time-given' (first used at line {line_of(t, 'id: time-given')})"],
    ),
    "unknown field, with a suggestion": (
        lambda t: replace_once(t, "    knowledge_base:", "    knowlege_base:"),
        lambda t: [f"{NAME}:{line_of(t, '- id: improvement-action')}: marker 'improvement-action', knowledge_base: "
                   "required field is missing",
                   f"{NAME}:{line_of(t, 'knowlege_base:')}: marker 'improvement-action', knowlege_base: "
                   "unknown field 'knowlege_base' (did you mean 'knowledge_base'?)"],
    ),
    "missing title": (
        lambda t: replace_once(t, "    title: Referral\n", ""),
        lambda t: [f"{NAME}:{line_of(t, '- id: referral')}: marker 'referral', title: required field is missing"],
    ),
    "empty title": (
        lambda t: replace_once(t, "title: Referral", EMPTY_TITLE),
        lambda t: [f"{NAME}:{line_of(t, EMPTY_TITLE)}: marker 'referral', title: must not be empty"],
    ),
    "blank summary": (
        lambda t: replace_once(t, "summary: Every board member is told openly about review decisions and their outcome.",
                               BLANK_SUMMARY),
        lambda t: [f"{NAME}:{line_of(t, BLANK_SUMMARY)}: marker 'advising-board-members', summary: must not be empty"],
    ),
    "number is not a number": (
        lambda t: replace_once(t, "number: 7\n", "number: seven\n"),
        lambda t: [f"{NAME}:{line_of(t, 'number: seven')}: marker 'governance', number: "
                   "must be a whole number, not text ('seven')"],
    ),
    "title is not text": (
        lambda t: replace_once(t, "title: Analysis", "title: 13"),
        lambda t: [f"{NAME}:{line_of(t, 'title: 13')}: marker 'analysis', title: "
                   "must be text, not a whole number (13); put it in quotes"],
    ),
    "rationale is not a list": (
        lambda t: re.sub(r"    rationale:\n(      - >-\n(        .*\n)+)+", "    rationale: One paragraph.\n", t),
        lambda t: [f"{NAME}:{line_of(t, 'rationale: One paragraph.')}: marker 'improvement-action', rationale: "
                   "must be a list (lines starting with '- '), not text"],
    ),
    "duplicate marker id": (
        lambda t: replace_once(t, "id: decision-making", "id: referral"),
        lambda t: [f"{NAME}:{line_of(t, '- id: referral', 2)}: marker 'referral', id: "
                   f"duplicate id 'referral' (first used at line {line_of(t, '- id: referral')})"],
    ),
    "duplicate marker number": (
        lambda t: replace_once(t, "number: 2\n", "number: 1\n"),
        lambda t: [f"{NAME}:{line_of(t, 'number: 1', 2)}: marker 'decision-making', number: "
                   f"duplicate number '1' (first used at line {line_of(t, 'number: 1')})"],
    ),
    "unknown stage": (
        lambda t: replace_once(t, "number: 1\n    stage: review-setup", "number: 1\n    stage: review-set-up"),
        lambda t: [f"{NAME}:{line_of(t, 'stage: review-set-up')}: marker 'referral', stage: unknown stage "
                   "'review-set-up' (the stages are: review-setup, running-the-review, review-outputs)"],
    ),
    "stage with no markers": (
        lambda t: replace_once(t, "  - id: review-outputs\n    title: Review outputs\n",
                               "  - id: review-outputs\n    title: Review outputs\n  - id: afterwards\n    title: Afterwards\n"),
        lambda t: [f"{NAME}:{line_of(t, 'id: afterwards')}: stages[3].id: no marker is in stage 'afterwards': "
                   "add one, or remove the stage"],
    ),
    "full marker without questions": (
        lambda t: re.sub(r"    questions:\n(      - id: .*\n(        .*\n)+)+", "", t),
        lambda t: [f"{NAME}:{line_of(t, '- id: improvement-action')}: marker 'improvement-action', questions: "
                   "required field is missing: full guidance needs its questions"],
    ),
    "full marker with an empty list of questions": (
        lambda t: re.sub(r"    questions:\n(      - id: .*\n(        .*\n)+)+", "    questions: []\n", t),
        lambda t: [f"{NAME}:{line_of(t, 'questions: []')}: marker 'improvement-action', questions: "
                   "must have at least one item"],
    ),
    "id that is not a readable slug": (
        lambda t: replace_once(t, "id: clarity-of-purpose", "id: Clarity of purpose"),
        lambda t: [f"{NAME}:{line_of(t, 'id: Clarity of purpose')}: marker 'Clarity of purpose', id: "
                   "'Clarity of purpose' is not a valid id: use lower-case letters, digits and single hyphens, "
                   "like 'improvement-action'"],
    ),
    "address that is not https": (
        lambda t: replace_once(t, "source_url: https://www.scie.org.uk/safeguarding/children/case-reviews/quality-markers/running/governance/",
                               "source_url: www.scie.org.uk/governance"),
        lambda t: [f"{NAME}:{line_of(t, 'source_url: www.scie')}: marker 'governance', source_url: "
                   "must be a web address starting with https://, not 'www.scie.org.uk/governance'"],
    ),
    "field given twice": (
        lambda t: replace_once(t, "    title: Governance\n", "    title: Governance\n    title: Governance again\n"),
        lambda t: [f"{NAME}:{line_of(t, 'title: Governance again')}: markers[6]: the field 'title' is given twice "
                   f"(first at line {line_of(t, 'title: Governance')}); keep one"],
    ),
    "question without text": (
        lambda t: re.sub(r"(      - id: clear-leadership\n        short: .*\n)(        text: >-\n(          .*\n)+)", r"\1", t),
        lambda t: [f"{NAME}:{line_of(t, 'id: clear-leadership')}: marker 'improvement-action', questions[1].text: "
                   "required field is missing"],
    ),
    "outline without its summary": (
        lambda t: replace_once(t, "    summary: The review is well organised, runs smoothly, and finishes on time and within budget.\n", ""),
        lambda t: [f"{NAME}:{line_of(t, '- id: scr-management')}: marker 'scr-management', summary: "
                   "required field is missing"],
    ),
    "citation that no longer matches its text": (
        lambda t: replace_once(t, "pages: [79, 80]", "pages: [79, 81]"),
        lambda t: [f"{NAME}:{line_of(t, '- author: HM Government')}: marker 'improvement-action', "
                   "statutory_guidance[0].citations[0]: the citation 'HM Government, 2015: 79, 81' does not appear "
                   "in the text it belongs to"],
    ),
    "framework without its content version": (
        lambda t: replace_once(t, '  content_version: "1.1.0"\n', ""),
        lambda t: [f"{NAME}:{line_of(t, 'framework:')}: framework.content_version: required field is missing"],
    ),
    "marker with no id": (
        lambda t: replace_once(t, "  - id: publication\n    number: 17", "  - number: 17"),
        lambda t: [f"{NAME}:{line_of(t, '- number: 17')}: marker 17 in the list (it has no id), id: "
                   "required field is missing"],
    ),
    "not valid YAML": (
        lambda t: replace_once(t, "    title: Report\n", "    title: [Report\n"),
        lambda t: [f"{NAME}:{line_of(t, 'source_url: https://www.scie.org.uk/safeguarding/children/case-reviews/quality-markers/outputs/the-report/')}: "
                   "not valid YAML: expected ',' or ']', but got ':'"],
    ),
    "quote left open, running on to a later quote": (
        lambda t: replace_once(t, "title: Referral", OPEN_QUOTE),
        lambda t: [f"{NAME}:{line_of(t, OPEN_QUOTE)}: {NEVER_CLOSED}"],
    ),
    "quote left open in the last value": (
        lambda t: replace_once(t, "summary: The board builds", OPEN_QUOTE_LAST),
        lambda t: [f"{NAME}:{line_of(t, OPEN_QUOTE_LAST)}: {NEVER_CLOSED}"],
    ),
    "yes for a number, with no duplicate reported": (
        lambda t: replace_once(t, "number: 1\n", "number: yes\n"),
        lambda t: [f"{NAME}:{line_of(t, 'number: yes')}: marker 'referral', number: "
                   "must be a whole number, not yes/no (True)"],
    ),
    "title of two lines": (
        lambda t: replace_once(t, "title: Referral", 'title: "Referral\\n==="'),
        lambda t: [f"{NAME}:{line_of(t, OPEN_QUOTE)}: marker 'referral', title: "
                   "must be one line: remove the line break from 'Referral\\n==='"],
    ),
    "empty file": (
        lambda t: "# nothing yet\n",
        lambda t: [f"{NAME}:1: the file is empty"],
    ),
    "id that ends in a line break": (
        lambda t: replace_once(t, "  - id: referral\n", "  - id: |\n      referral\n"),
        lambda t: [f"{NAME}:{line_of(t, '- id: |')}: marker 'referral\\n', id: 'referral\\n' is not a valid id: use "
                   "lower-case letters, digits and single hyphens, like 'improvement-action'"],
    ),
    "year as a decimal number": (
        lambda t: replace_once(t, "  year: 2016\n", "  year: 2016.0\n"),
        lambda t: [f"{NAME}:{line_of(t, 'year: 2016.0')}: framework.year: must be a whole number, "
                   "not a decimal number (2016.0)"],
    ),
    "number in quotes": (
        lambda t: replace_once(t, "number: 7\n", QUOTED_SEVEN + "\n"),
        lambda t: [f"{NAME}:{line_of(t, QUOTED_SEVEN)}: marker 'governance', number: must be a whole "
                   "number, not text ('7'); remove the quotes"],
    ),
    "a list as a field name": (
        lambda t: replace_once(t, "  - id: referral\n", "  - id: referral\n    ? [a, b]\n    : x\n"),
        lambda t: [f"{NAME}:{line_of(t, '? [a, b]')}: markers[0]: a field name must be a plain word, "
                   "not a list or a set of fields"],
    ),
    "a YAML merge": (
        lambda t: replace_once(t, "  - id: referral\n", "  - id: referral\n    <<: {stage: x}\n"),
        lambda t: [f"{NAME}:{line_of(t, '<<:')}: these files do not use YAML's 'merge' feature: "
                   "write the value out in full"],
    ),
    "a list instead of the whole file": (
        lambda t: "- id: referral\n",
        lambda t: [f"{NAME}:1: top level: must be a set of fields (name: value), not a list"],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_file_gives_exact_message(tmp_path, case):
    edit, expected = CASES[case]
    text = edit(REAL)
    assert text != REAL
    assert errors_for(tmp_path, text) == expected(text)


def test_every_problem_is_reported_at_once_in_line_order(tmp_path):
    text = replace_once(REAL, "number: 7\n", "number: seven\n")
    text = replace_once(text, "id: linked-to-framework", "id: time-given")
    text = replace_once(text, "title: Referral", 'title: ""')
    messages = errors_for(tmp_path, text)
    assert len(messages) == 3
    lines = [int(m.split(":")[1]) for m in messages]
    assert lines == sorted(lines)
