"""The self-assessment in Chromium: the checklist on a marker page, reviews, the summary page,
export and import, and what happens when storage is unavailable, full or damaged.

Every test uses the `page`/`context` fixtures of conftest.py, which fail the test if any
request leaves the site's own origin. The shared site is built for the address it is served
at, so Material's instant navigation works here (see `site_server` in conftest.py)."""

from __future__ import annotations

import csv
import io
import re
import json

import pytest
from playwright.sync_api import Page, expect

from tests.checklist_helpers import (
    KEY, MARKER, QUESTIONS, SUMMARY, answer, current_answers, download, everything_stored,
    export_json, open_marker, open_summary, question, saved,
)
from macros.content.markers import load_content
from tests.conftest import axe_violations


XSS = "<img src=x onerror=alert(1)>"
VERSION = load_content().framework.content_version
TRICKY = 'Agreed 3 May, "in principle"; see minutes\nitem 4, £200 – café ✓ ' + XSS


def focused(page: Page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement;
        return { tag: el.tagName, type: el.type || '', value: el.value || '', text: el.textContent,
                 outline: getComputedStyle(el).outlineStyle,
                 question: el.closest('li[data-question]')?.dataset.question || '' } }""")


def test_checklist_replaces_the_question_list_with_labelled_groups(page: Page, base_url):
    open_marker(page, base_url)
    groups = page.locator("li[data-question]").get_by_role("group")
    expect(groups).to_have_count(5)
    expect(page.get_by_role("group", name="How well did this review meet this marker?")).to_have_count(1)
    first = question(page, "coherent-mechanism")
    expect(first.locator("legend")).to_have_text(
        "Does the LSCB have a coherent mechanism for managing discussion about the actions needed to respond to the SCR?")
    for label in ["Yes", "Partly", "No", "Not applicable"]:
        expect(first.get_by_label(label, exact=True)).to_have_attribute("type", "radio")
    expect(first.get_by_label("Notes and evidence")).to_be_editable()
    expect(first.get_by_role("button", name="Clear response")).to_be_visible()
    expect(page.locator(".scr-progress")).to_have_text("0 of 5 questions answered. This marker is not judged yet.")
    expect(page.locator(".scr-checklist-head")).to_contain_text("never sent anywhere")
    expect(page.locator(".scr-checklist-head")).to_contain_text("identify a child or family")
    expect(page.locator(".scr-checklist [data-scr=name]")).to_have_text(re.compile(r"^Review started \d+ \w+ 20\d\d$"))
    # Targets are at least 24 by 24 CSS pixels.
    for target in [first.get_by_label("Yes", exact=True), first.get_by_role("button", name="Clear response")]:
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_answering_by_keyboard_only(page: Page, base_url):
    open_marker(page, base_url)
    page.locator(".scr-checklist-head a").focus()
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Print with your answers"
    page.keyboard.press("Tab")
    now = focused(page)
    assert (now["question"], now["value"]) == ("coherent-mechanism", "yes")
    assert now["outline"] == "solid", "the focus is visible"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # arrows move and select within the group
    expect(question(page, "coherent-mechanism").get_by_label("Partly")).to_be_checked()
    # One-key shortcuts of the theme (n = next page) do nothing on our controls.
    page.keyboard.press("n")
    page.wait_for_timeout(300)
    assert page.url.endswith(MARKER)
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Clear response"
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "TEXTAREA"
    page.keyboard.type("Discussed at the board, 3 May")
    page.keyboard.press("Tab")
    now = focused(page)
    assert (now["question"], now["value"]) == ("clear-leadership", "yes")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(question(page, "clear-leadership").get_by_label("No", exact=True)).to_be_checked()
    expect(page.locator(".scr-progress")).to_have_text("2 of 5 questions answered. This marker is not judged yet.")
    expect(question(page, "coherent-mechanism").get_by_role("status")).to_have_text("Saved")
    # Clearing a response by keyboard: back to the first question's button.
    question(page, "coherent-mechanism").get_by_label("Notes and evidence").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(question(page, "coherent-mechanism").get_by_label("Partly")).not_to_be_checked()
    expect(page.locator(".scr-progress")).to_have_text("1 of 5 questions answered. This marker is not judged yet.")
    answers = current_answers(page)
    assert answers["coherent-mechanism"]["response"] == ""
    assert answers["coherent-mechanism"]["notes"] == "Discussed at the board, 3 May"
    assert answers["clear-leadership"]["response"] == "no"


def test_answers_persist_across_reload_and_instant_navigation(page: Page, base_url):
    # Count saves, to prove listeners are bound once however often pages are shown.
    page.add_init_script("""
        window.__saves = 0;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.endsWith(':data')) window.__saves++; return setItem.call(this, k, v); };
    """)
    open_marker(page, base_url)
    answer(page, "time-given", "No", "Ten minutes at the end of the agenda")
    page.evaluate("window.__instant = true")
    for _ in range(2):
        page.locator('.md-sidebar a[href$="/about/"]').first.click()
        expect(page).to_have_url(base_url + "/about/")
        page.locator('.md-sidebar a[href$="/self-assessment/"]').first.click()
        expect(page).to_have_url(base_url + SUMMARY)
        expect(page.locator("#current-review")).to_be_visible()
        page.go_back()
        page.go_back()
        expect(page).to_have_url(base_url + MARKER)
        expect(page.locator("li[data-question] fieldset")).to_have_count(5)
    assert page.evaluate("window.__instant") is True, "the pages changed without a full reload"
    expect(page.locator(".scr-checklist-head")).to_have_count(1)
    q = question(page, "time-given")
    expect(q.get_by_label("No", exact=True)).to_be_checked()
    expect(q.get_by_label("Notes and evidence")).to_have_value("Ten minutes at the end of the agenda")
    before = page.evaluate("window.__saves")
    question(page, "clear-leadership").get_by_label("Yes").check()
    expect(page.locator(".scr-progress")).to_have_text("2 of 5 questions answered. This marker is not judged yet.")
    assert page.evaluate("window.__saves") == before + 1, "one change, one save"
    page.reload()
    expect(page.locator("li[data-question] fieldset")).to_have_count(5)
    expect(q.get_by_label("No", exact=True)).to_be_checked()
    expect(q.get_by_label("Notes and evidence")).to_have_value("Ten minutes at the end of the agenda")
    expect(question(page, "clear-leadership").get_by_label("Yes")).to_be_checked()


def name_review(page: Page, base_url: str, field: str, button: str, name: str) -> None:
    """Names a review on the summary page, and checks that the marker page then shows it."""
    open_summary(page, base_url)
    page.get_by_label(field).fill(name)
    page.get_by_role("button", name=button).click()
    expect(page.locator("[data-scr=name]")).to_have_text(name)
    open_marker(page, base_url)
    expect(page.locator(".scr-checklist [data-scr=name]")).to_have_text(name)


def test_two_reviews_are_kept_apart_and_can_be_renamed_and_deleted(page: Page, base_url):
    name_review(page, base_url, "New name for this review", "Rename", "Child G review, 2025")
    answer(page, "time-given", "Yes", "G's notes")

    name_review(page, base_url, "Name of a new review", "Start a new review", "Child H review, 2026")
    q = question(page, "time-given")
    expect(q.get_by_label("Yes")).not_to_be_checked()
    expect(q.get_by_label("Notes and evidence")).to_have_value("")
    answer(page, "time-given", "No", "H's notes")

    open_summary(page, base_url)
    page.get_by_role("button", name="Work on this review: Child G review, 2025").click()
    expect(page.locator("[data-scr=name]")).to_have_text("Child G review, 2025")
    open_marker(page, base_url)
    expect(q.get_by_label("Yes")).to_be_checked()
    expect(q.get_by_label("Notes and evidence")).to_have_value("G's notes")

    open_summary(page, base_url)
    delete_h = page.get_by_role("button", name="Delete the review Child H review, 2026")
    page.once("dialog", lambda d: d.dismiss())
    delete_h.click()
    expect(page.locator(".scr-reviews li")).to_have_count(2)
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    delete_h.click()
    expect(page.locator(".scr-reviews li")).to_have_count(1)
    assert "Child H review, 2026" in messages[0] and "cannot be undone" in messages[0]
    assert [r["name"] for r in saved(page)["reviews"]] == ["Child G review, 2025"]
    # Said next to the list of reviews, where the Delete button was.
    expect(page.locator("[data-scr-area]:has(.scr-reviews)").get_by_role("status")).to_contain_text("was deleted")


def test_summary_counts_and_discussion_list(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "coherent-mechanism", "Yes")
    answer(page, "clear-leadership", "Partly", "Chair keen; agencies less so")
    answer(page, "time-given", "No", "Ten minutes\nat the end")
    answer(page, "linked-to-framework", "Not applicable")
    answer(page, "prioritised-response", None, "Notes but no response yet")
    page.locator('.md-sidebar a[href$="/self-assessment/"]').first.click()
    expect(page.locator("#current-review")).to_be_visible()

    expect(page.locator("[data-scr=total]")).to_contain_text(
        "4 of 5 questions answered: 1 Yes, 1 Partly, 1 No, 1 Not applicable.")
    stage3 = page.locator("#stage-review-outputs + p")
    expect(stage3).to_have_text("4 of 5 questions answered in this stage: 1 Yes, 1 Partly, 1 No, 1 Not applicable.")
    row = page.get_by_role("row", name="15. Improvement action")
    expect(row.get_by_role("cell")).to_have_text(["Not judged", "4 of 5", "1 Yes, 1 Partly, 1 No, 1 Not applicable"])
    expect(page.get_by_role("row", name="1. Referral").get_by_role("cell")).to_have_text(["Not judged", "No questions on this site yet"])
    expect(page.locator("table")).to_have_count(3)

    items = page.locator(".scr-discuss > li")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("Marker 15, Improvement action: question 2")
    expect(items.nth(0)).to_contain_text("Response: Partly")
    expect(items.nth(0)).to_contain_text("Chair keen; agencies less so")
    expect(items.nth(1)).to_contain_text("Response: No")
    expect(items.nth(1).locator(".scr-notes")).to_have_text("Notes and evidence: Ten minutes\nat the end")
    items.nth(1).get_by_role("link").click()
    expect(page).to_have_url(base_url + MARKER + "#q-time-given")
    expect(question(page, "time-given").get_by_label("No", exact=True)).to_be_checked()


def test_json_export_then_import_round_trip(page: Page, base_url):
    open_summary(page, base_url)
    page.get_by_label("New name for this review").fill("Child H review, 2026")
    page.get_by_role("button", name="Rename").click()
    open_marker(page, base_url)
    answer(page, "coherent-mechanism", "Partly", TRICKY)
    answer(page, "time-given", "No", "")
    answer(page, "prioritised-response", None, "Only notes")
    open_summary(page, base_url)
    name, body = download(page, "Download as JSON (to import later)")
    assert name.startswith("self-assessment-child-h-review-2026-") and name.endswith(".json")
    first = json.loads(body)
    assert first["format"] == "scr-quality-markers-self-assessment" and first["version"] == 3 and first["findings"] == []
    assert first["contentVersion"] == VERSION
    assert first["review"]["name"] == "Child H review, 2026"
    assert {(a["questionId"], a["response"], a["notes"]) for a in first["answers"]} == {
        ("coherent-mechanism", "partly", TRICKY), ("time-given", "no", ""), ("prioritised-response", "", "Only notes")}
    assert all(a["questionText"] and a["updated"] and a["contentVersion"] == VERSION for a in first["answers"])

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Clear all data on this device").click()
    expect(page.locator("[data-scr=total]")).to_contain_text("0 of 5 questions answered")
    page.get_by_label("Import a review from a JSON file").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": body}])
    preview = page.locator(".scr-preview")
    expect(preview).to_contain_text("Child H review, 2026")
    expect(preview).to_contain_text("3: 0 Yes, 1 Partly, 1 No, 0 Not applicable, 1 with notes only")
    expect(page.locator("#scr-preview")).to_be_focused()
    page.get_by_role("button", name="Import as a new review").click()
    expect(page.locator("[data-scr=name]")).to_have_text("Child H review, 2026")
    expect(page.locator("#current-review")).to_be_focused()
    second = export_json(page)
    assert second.pop("exported") and first.pop("exported")
    assert second == first
    open_marker(page, base_url)
    expect(question(page, "coherent-mechanism").get_by_label("Notes and evidence")).to_have_value(TRICKY)


def test_csv_export_reads_back_with_pythons_csv_module(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "clear-leadership", "Partly", TRICKY)
    answer(page, "time-given", "Not applicable", "=HYPERLINK(\"http://example.org\")")
    open_summary(page, base_url)
    name, body = download(page, "Download as CSV (for Excel or LibreOffice)")
    assert name.endswith(".csv")
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    text = body.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    overall = [r for r in rows if r["Question number"] == "overall"]
    assert len(overall) == 18, "a judgement row for every marker"
    rows = [r for r in rows if r["Question number"] != "overall"]
    assert [r["Question id"] for r in rows] == QUESTIONS
    by_id = {r["Question id"]: r for r in rows}
    assert by_id["clear-leadership"]["Notes and evidence"] == TRICKY
    assert by_id["clear-leadership"]["Response"] == "Partly"
    assert by_id["clear-leadership"]["Marker"] == "Improvement action"
    assert by_id["clear-leadership"]["Stage"] == "Review outputs"
    assert by_id["clear-leadership"]["Question number"] == "2"
    assert by_id["clear-leadership"]["Question"].startswith("Is there clear leadership")
    assert by_id["time-given"]["Response"] == "Not applicable"
    # A formula is written as text, with a leading apostrophe.
    assert by_id["time-given"]["Notes and evidence"] == "'=HYPERLINK(\"http://example.org\")"
    assert by_id["coherent-mechanism"]["Response"] == "" and by_id["coherent-mechanism"]["Last changed"] == ""
    assert by_id["clear-leadership"]["Review"].startswith("Review started")


@pytest.fixture
def an_export(page: Page, base_url) -> bytes:
    """A real export of one answered question, for making bad files from."""
    open_marker(page, base_url)
    answer(page, "time-given", "No", "kept")
    open_summary(page, base_url)
    return download(page, "Download as JSON (to import later)")[1]


def test_bad_imports_get_a_plain_message_and_change_nothing(page: Page, base_url, an_export):
    doc = json.loads(an_export)
    newer = json.dumps({**doc, "version": 4}).encode()
    wrong_shape = json.dumps({**doc, "answers": {"time-given": "no"}}).encode()
    bad_files = {
        "notes.txt": (b"These are not the answers you are looking for", "not a self-assessment downloaded"),
        "spreadsheet.csv": ("\ufeff\"Review\",\"Response\"\r\n\"A\",\"Yes\"\r\n".encode(), "not a self-assessment downloaded"),
        "other.json": (b'{"reviews": [{"name": "x"}]}', "not a self-assessment downloaded"),
        "wrong-shape.json": (wrong_shape, "no list of answers"),
        "newer.json": (newer, "newer version of this site"),
        "truncated.json": (an_export[: len(an_export) // 2], "damaged or incomplete"),
        "huge.json": (b" " * (3 * 1024 * 1024) + an_export, "too large (3.0 MB)"),
        "empty.json": (b"", "not a self-assessment downloaded"),
        "binary.json": (bytes(range(256)) * 4, "not a self-assessment downloaded"),
    }
    before = everything_stored(page)
    error = page.locator("[data-scr=import-error]")
    for name, (body, message) in bad_files.items():
        page.get_by_label("Import a review from a JSON file").set_input_files(
            files=[{"name": name, "mimeType": "application/json", "buffer": body}])
        expect(error).to_contain_text(message)
        expect(error).to_contain_text("Nothing saved in this browser has changed.")
        expect(error).to_have_attribute("role", "alert")
        expect(page.locator(".scr-preview")).to_be_hidden()
        assert everything_stored(page) == before, name
    expect(page.locator(".scr-reviews li")).to_have_count(1)
    # A good file after bad ones still imports, and the message goes.
    page.get_by_label("Import a review from a JSON file").set_input_files(
        files=[{"name": "good.json", "mimeType": "application/json", "buffer": an_export}])
    expect(error).to_be_empty()
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator(".scr-preview")).to_be_hidden()
    expect(page.get_by_label("Import a review from a JSON file")).to_be_focused()
    assert everything_stored(page) == before


def test_damaged_storage_is_kept_aside_and_the_page_keeps_working(page: Page, base_url):
    open_marker(page, base_url)
    damaged = '{"version":1,"current":"r1","reviews":[{"id":"r1","name":"Child H review", "answers":'
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, damaged])
    page.reload()
    expect(page.locator(".scr-checklist .scr-problem")).to_contain_text("could not be read")
    expect(page.locator(".scr-checklist .scr-problem")).to_contain_text("Nothing was deleted")
    stored = everything_stored(page)
    aside = [k for k in stored if k.startswith("scr-qm:/:damaged:")]
    assert len(aside) == 1 and stored[aside[0]] == damaged
    answer(page, "time-given", "Partly", "new work")
    assert current_answers(page)["time-given"]["notes"] == "new work"

    open_summary(page, base_url)
    expect(page.get_by_role("heading", name="Damaged data kept aside")).to_be_visible()
    name, body = download(page, "Download the damaged data")
    assert json.loads(body)[0]["text"] == damaged
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Clear all data on this device").click()
    expect(page.get_by_role("heading", name="Damaged data kept aside")).to_have_count(0)
    assert list(everything_stored(page)) == [KEY]


def test_unavailable_storage_keeps_working_in_memory_and_says_so(page: Page, base_url):
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });""")
    open_marker(page, base_url)
    problem = page.locator(".scr-checklist .scr-problem")
    expect(problem).to_contain_text("not letting the site save your answers")
    q = question(page, "time-given")
    q.get_by_label("No", exact=True).check()
    q.get_by_label("Notes and evidence").fill("kept in memory")
    expect(q.get_by_role("status")).to_have_text("Not saved: see the warning above")
    # Instant navigation keeps the page's memory: the summary still has the answer.
    page.locator('.md-sidebar a[href$="/self-assessment/"]').first.click()
    expect(page.locator("[data-scr=total]")).to_contain_text("1 of 5 questions answered")
    expect(page.locator(".scr-discuss")).to_contain_text("kept in memory")
    export = export_json(page)
    assert export["answers"][0]["notes"] == "kept in memory"


def test_full_storage_keeps_what_was_saved_and_what_was_typed(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "time-given", "No", "saved before")
    page.evaluate("""() => { window.__setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }""")
    notes = question(page, "time-given").get_by_label("Notes and evidence")
    notes.fill("saved before, and more")
    expect(question(page, "time-given").get_by_role("status")).to_have_text("Not saved: see the warning above")
    expect(page.locator(".scr-checklist .scr-problem")).to_contain_text("storage for the site is full")
    expect(page.locator(".scr-checklist .scr-problem")).to_contain_text("kept only until you close or reload this page")
    assert current_answers(page)["time-given"]["notes"] == "saved before"
    expect(notes).to_have_value("saved before, and more")
    page.evaluate("() => { Storage.prototype.setItem = window.__setItem; }")
    notes.press("End")
    notes.type("!")
    expect(question(page, "time-given").get_by_role("status")).to_have_text("Saved")
    expect(page.locator(".scr-checklist .scr-problem")).to_be_empty()
    assert current_answers(page)["time-given"]["notes"] == "saved before, and more!"


def test_what_users_type_or_import_stays_inert_text(page: Page, base_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_summary(page, base_url)
    page.get_by_label("New name for this review").fill("<b>bold</b> " + XSS)
    page.get_by_role("button", name="Rename").click()
    open_marker(page, base_url)
    answer(page, "time-given", "No", XSS)
    expect(page.locator(".scr-checklist [data-scr=name]")).to_have_text("<b>bold</b> " + XSS)
    open_summary(page, base_url)
    expect(page.locator(".scr-discuss .scr-notes")).to_have_text("Notes and evidence: " + XSS)
    assert page.locator("article img, article b, #scr-summary script, #scr-summary [onerror]").count() == 0
    expect(page.locator(".scr-reviews strong")).to_have_text("<b>bold</b> " + XSS)
    # An imported file with markup in every text field.
    doc = export_json(page)
    doc["review"]["name"] = XSS
    doc["answers"][0]["questionText"] = "<script>alert(2)</script>"
    page.get_by_label("Import a review from a JSON file").set_input_files(
        files=[{"name": "x.json", "mimeType": "application/json", "buffer": json.dumps(doc).encode()}])
    expect(page.locator(".scr-preview")).to_contain_text(XSS)
    page.get_by_role("button", name="Import as a new review").click()
    expect(page.locator("[data-scr=name]")).to_have_text(XSS)
    open_marker(page, base_url)
    expect(question(page, "time-given").locator(".scr-changed")).to_contain_text("<script>alert(2)</script>")
    page.wait_for_timeout(300)
    assert page.locator("article img, article b, .scr-checklist script, .scr-checklist [onerror]").count() == 0
    assert dialogs == []


def test_two_pages_in_one_context_stay_in_sync(context, page: Page, base_url):
    open_marker(page, base_url)
    other = context.new_page()
    open_marker(other, base_url)
    answer(page, "time-given", "Partly", "typed in the first tab")
    q = question(other, "time-given")
    expect(q.get_by_label("Partly")).to_be_checked()
    expect(q.get_by_label("Notes and evidence")).to_have_value("typed in the first tab")
    expect(other.locator(".scr-progress")).to_have_text("1 of 5 questions answered. This marker is not judged yet.")
    # A change in the second tab is applied to the latest data, not to a stale copy.
    answer(other, "clear-leadership", "Yes")
    expect(question(page, "clear-leadership").get_by_label("Yes")).to_be_checked()
    assert set(current_answers(page)) == {"time-given", "clear-leadership"}
    open_summary(other, base_url)
    other.get_by_label("New name for this review").fill("Child J review")
    other.get_by_role("button", name="Rename").click()
    expect(page.locator(".scr-checklist [data-scr=name]")).to_have_text("Child J review")
    answer(page, "coherent-mechanism", "No", "third")
    expect(other.locator("[data-scr=total]")).to_contain_text("3 of 5 questions answered")
    expect(other.locator(".scr-discuss > li")).to_have_count(2)


def test_print_shows_answers_and_notes_without_buttons(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "time-given", "Partly", "printed notes\nline two")
    page.emulate_media(media="print")
    q = question(page, "time-given")
    expect(q.get_by_text("Response: Partly")).to_be_visible()
    expect(q.locator(".scr-notes")).to_have_text("printed notes\nline two")
    expect(q.locator(".scr-notes")).to_be_visible()
    expect(q.get_by_label("Notes and evidence")).to_be_hidden()
    expect(q.get_by_text("Notes and evidence")).to_be_visible()
    # A question without notes prints no empty "Notes and evidence" heading.
    expect(question(page, "clear-leadership").get_by_text("Notes and evidence")).to_be_hidden()
    for name in ["Clear response", "Print with your answers"]:
        assert all(not b.is_visible() for b in page.get_by_role("button", name=name).all()), name
    expect(page.get_by_role("radio")).to_have_count(0)  # hidden radios leave the accessibility tree
    page.emulate_media(media="screen")
    open_summary(page, base_url)
    page.emulate_media(media="print")
    expect(page.locator(".scr-discuss")).to_contain_text("printed notes")
    expect(page.locator("table").first).to_be_visible()
    assert all(not b.is_visible() for b in page.locator("#scr-summary button, #scr-summary input").all())


def test_checklist_and_summary_are_accessible_when_filled(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "coherent-mechanism", "Yes", "Yes, the SCR sub-group")
    answer(page, "clear-leadership", "Partly", "Chair yes, agencies mixed")
    answer(page, "time-given", "No", "Ten minutes")
    assert axe_violations(page) == []
    open_summary(page, base_url)
    page.get_by_label("Import a review from a JSON file").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"nope"}])
    expect(page.locator("[data-scr=import-error]")).not_to_be_empty()
    assert axe_violations(page) == []


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_pages_still_read_well(page: Page, base_url):
    page.goto(base_url + MARKER)
    expect(page.locator("ol.scr-questions > li")).to_have_count(5)
    expect(page.locator("ol.scr-questions > li").first).to_contain_text("coherent mechanism")
    page.goto(base_url + SUMMARY)
    expect(page.locator(".scr-nojs")).to_contain_text("It needs JavaScript")
    expect(page.locator(".scr-nojs a")).to_have_text("15. Improvement action")


@pytest.mark.parametrize("why", ["the module does not load", "the browser is too old"])
def test_when_the_checklist_cannot_run_the_page_keeps_its_plain_content(page: Page, base_url, why):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if why == "the module does not load":
        page.route("**/assets/js/self-assessment.mjs", lambda route: route.abort())
    else:  # as before Chrome 93, Firefox 92 and Safari 15.4
        page.add_init_script("delete Object.hasOwn")
    page.goto(base_url + MARKER)
    page.wait_for_load_state("networkidle")
    questions = page.locator("ol.scr-questions > li")
    expect(questions).to_have_count(5)
    expect(questions.first).to_contain_text("coherent mechanism")
    expect(page.locator("fieldset")).to_have_count(0)
    for part in (".scr-checklist-head", ".scr-next"):
        expect(page.locator(part)).to_be_hidden()
    expect(page.locator(".scr-nojs-note")).to_be_visible()
    expect(page.locator(".scr-nojs-note")).to_contain_text("see the accessibility statement")
    page.goto(base_url + SUMMARY)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".scr-nojs")).to_contain_text("It needs JavaScript")
    expect(page.locator("#scr-summary")).to_be_hidden()
    assert errors == [] and page.evaluate("localStorage.length") == 0


CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'")


def test_works_under_a_strict_content_security_policy(page: Page, base_url):
    """The policy a later feature adds: our code needs no inline script, eval or inline style.
    (Material's own inline scripts are blocked too; they are that feature's concern.)"""
    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    page.route(base_url + "/**", with_csp)
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(
            { source: e.sourceFile, directive: e.effectiveDirective, blocked: e.blockedURI }));""")
    open_marker(page, base_url)
    answer(page, "time-given", "No", "under a policy")
    open_summary(page, base_url)
    expect(page.locator(".scr-discuss")).to_contain_text("under a policy")
    assert download(page, "Download as JSON (to import later)")[0].endswith(".json")
    ours = [v for v in page.evaluate("window.__violations") if "/assets/js/" in (v["source"] or "")]
    assert ours == []
    # The policy is in force, and violations are seen: an inline script is refused.
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), {textContent: 'window.__ran = 1'}))")
    page.wait_for_function("window.__violations.some(v => v.directive.startsWith('script-src'))")
    assert page.evaluate("window.__ran") is None
