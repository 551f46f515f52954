"""The Findings and meeting papers page's HTML (macros/pages/papers.py), without MkDocs."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

from macros.content.markers import load_content
from macros.content.templates import load_templates
from macros.pages.papers import TIME_FIELDS, agenda_data, paper_fields, papers_page

URLS = {"board-agenda": "../templates/board-agenda/", "action-plan": "../templates/action-plan/"}


@pytest.fixture(scope="module")
def content_and_templates():
    content = load_content()
    return content, load_templates(content)


def render(content, templates) -> str:
    return papers_page(content, templates, lambda m: f"../markers/{m}/", "../self-assessment/", URLS)


def test_every_fill_in_field_of_both_papers_has_a_labelled_input(content_and_templates):
    content, templates = content_and_templates
    page = render(content, templates)
    wanted = {f.strip("[]") for t in ("board-agenda", "action-plan") for f in templates.template(t).fill_ins()}
    assert set(paper_fields(templates)) == wanted
    for name in wanted:
        match = re.search(rf'<label for="([^"]+)">{re.escape(html.escape(name))}</label><input id="\1" type="(\w+)" '
                          rf'data-papers-detail="{re.escape(html.escape(name))}"', page)
        assert match, name
        assert match.group(2) == ("time" if name in TIME_FIELDS else "text")
    assert {"Start time", "End time"} <= wanted, "the overrun warning needs both"


def test_the_page_data_is_the_agenda_of_the_template(content_and_templates):
    content, templates = content_and_templates
    page = render(content, templates)
    data = json.loads(html.unescape(re.search(r'data-agenda="([^"]+)"', page).group(1)))
    assert data["items"] == agenda_data(templates)
    assert [i["id"] for i in data["items"] if i["findings"]] == ["decisions-on-findings"]
    assert [i["id"] for i in data["items"] if i["selfAssessment"]] == ["how-the-review-ran"]
    for number, item in enumerate(data["items"], start=1):
        assert f'data-papers-minutes="{item["id"]}" value="{item["minutes"]}"' in page
        assert f">{number}. {html.escape(item['title'])}</label>" in page


def test_text_from_the_data_is_escaped_everywhere(content_and_templates):
    content, templates = content_and_templates
    agenda = templates.template("board-agenda")
    hostile = replace(agenda, details=replace(agenda.details, fields=[*agenda.details.fields, '<img src=x onerror=alert(1)> "q"']),
                      items=[replace(agenda.items[0], title="<script>alert(1)</script> {{ 7*191 }}"), *agenda.items[1:]])
    templates = replace(templates, templates=[hostile if t.id == agenda.id else t for t in templates.templates])
    page = render(content, templates)
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*191 }}" in page
    assert 'data-papers-detail="&lt;img src=x onerror=alert(1)&gt; &quot;q&quot;"' in page
