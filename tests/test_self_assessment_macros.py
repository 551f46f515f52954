"""The summary page's macro output, from the pure functions in macros/pages/self_assessment.py."""

import html
import json
from html.parser import HTMLParser

from macros.content.markers import load_content
from macros.pages.markers import marker_page, questions_list
from macros.pages.self_assessment import data_attribute, framework_data, framework_file, marker_url, summary_page

CONTENT = load_content()


def url(marker_id):
    return f"../markers/{marker_id}/"


def attributes(markup: str, element_id: str) -> dict:
    """The attributes of one element, as a browser's parser reads them."""
    found = {}

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if dict(attrs).get("id") == element_id:
                found.update(attrs)

    Parser().feed(markup)
    return found


def test_framework_data_lists_every_stage_marker_and_question():
    data = framework_data(CONTENT, url)
    assert data["contentVersion"] == CONTENT.framework.content_version
    assert [s["id"] for s in data["stages"]] == [s.id for s in CONTENT.stages]
    assert data["stages"][0]["label"] == "Stage 1 of 3: Review setup"
    markers = [m for s in data["stages"] for m in s["markers"]]
    assert [m["id"] for m in markers] == [m.id for m in CONTENT.ordered_markers()]
    full = next(m for m in markers if m["id"] == "improvement-action")
    assert full["url"] == "../markers/improvement-action/"
    assert [q["id"] for q in full["questions"]] == [
        "coherent-mechanism", "clear-leadership", "time-given", "linked-to-framework", "prioritised-response"]
    assert all(m["questions"] == [] for m in markers if m["id"] != "improvement-action")


def test_data_attribute_cannot_end_early_and_reads_back_unchanged():
    data = {"text": '"></div><script>alert(1)</script> <!-- & \u2028 ‘quotes’ \'single\''}
    value = data_attribute(data)
    assert not set(value) & set("<>\"'")
    assert json.loads(html.unescape(value)) == data
    assert json.loads(attributes(f'<div id="x" data-framework="{value}"></div>', "x")["data-framework"]) == data


def test_summary_page_has_the_data_and_a_note_without_javascript():
    markup = summary_page(CONTENT, url)
    root = attributes(markup, "scr-summary")
    assert json.loads(root["data-framework"]) == framework_data(CONTENT, url)
    assert "<script" not in markup, "Material's instant navigation would run it as JavaScript"
    assert '<div class="scr-nojs" markdown>' in markup
    assert "[15\\. Improvement action](markers/improvement-action.md)" in markup


def test_on_the_site_the_page_names_the_shared_framework_file_instead():
    markup = summary_page(CONTENT, url, from_site=("../assets/framework.json", "../"))
    root = attributes(markup, "scr-summary")
    assert "data-framework" not in root
    assert (root["data-framework-file"], root["data-site"]) == ("../assets/framework.json", "../")
    # The file's marker addresses are from the site's root; the page's way there goes in front.
    shared = json.loads(framework_file(CONTENT))
    assert shared == framework_data(CONTENT, lambda m: f"markers/{m}/")


def test_marker_urls_are_relative_to_the_page():
    assert marker_url("analysis", "self-assessment/") == "../markers/analysis/"
    assert marker_url("analysis", "self-assessment.html", use_directory_urls=False) == "markers/analysis.html"


def test_questions_list_carries_the_content_version_for_the_checklist():
    marker = CONTENT.marker("improvement-action")
    version = CONTENT.framework.content_version
    assert f'<ol class="scr-questions" data-marker="improvement-action" data-content-version="{version}" data-hint=' in \
        marker_page(CONTENT, "improvement-action")
    assert "data-content-version" not in questions_list(marker)
