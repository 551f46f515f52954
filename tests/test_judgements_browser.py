"""Every marker assessable, in Chromium: the overall judgement on each marker page, the
framework at a glance on the summary page, the complete record in CSV and JSON, comparing
reviews, and reviews that do not pile up."""

from __future__ import annotations

import csv
import re
import io
import json

from playwright.sync_api import Page, expect

from tests.checklist_helpers import (
    KEY, SUMMARY, answer, download, everything_stored, export_json, open_summary, question, saved,
)
from tests.conftest import axe_violations
from macros.content import load_all

CONTENT, _ = load_all()
MARKER_IDS = [m.id for m in CONTENT.markers]
JUDGED = {"referral": ("Partly", "Referred after three weeks"), "governance": ("No", "No independent chair"),
          "publication": ("Not applicable", "Not yet published"), "improvement-action": ("Yes", "Plan agreed")}


def judgement(page: Page):
    return page.locator("[data-judgement]")


def judge(page: Page, base_url: str, marker_id: str, response: str, notes: str) -> None:
    page.goto(f"{base_url}/markers/{marker_id}/")
    group = judgement(page)
    group.get_by_label(response, exact=True).check()
    group.get_by_label("Notes and evidence").fill(notes)
    expect(group.get_by_role("status")).to_have_text("Saved")


def test_every_marker_page_asks_for_a_judgement_and_is_accessible_when_filled(page: Page, base_url):
    answer_done = False
    for marker_id in MARKER_IDS:
        page.goto(f"{base_url}/markers/{marker_id}/")
        group = judgement(page)
        expect(group.get_by_role("group", name="How well did this review meet this marker?")).to_be_visible()
        expect(page.locator(".scr-checklist-head")).to_be_visible()
        group.get_by_label("Partly", exact=True).check()
        group.get_by_label("Notes and evidence").fill(f"Notes on {marker_id}")
        expect(group.get_by_role("status")).to_have_text("Saved")
        if marker_id == "improvement-action" and not answer_done:
            answer(page, "time-given", "No", "ten minutes")
            answer_done = True
            expect(group.locator("[data-scr=tally]")).to_have_text(
                "Your answers to this marker's 5 questions: 0 Yes, 0 Partly, 1 No, 0 Not applicable.")
        # An outline marker and the full one: the other pages hold the same judgement group, and
        # every page is checked with axe in test_site_quality.py.
        if marker_id in ("referral", "improvement-action"):
            assert axe_violations(page) == [], marker_id
    open_summary(page, base_url)
    expect(page.locator("[data-scr=total]")).to_contain_text("18 of 18 markers judged: 0 Yes, 18 Partly")
    assert axe_violations(page) == []


def test_judgements_reach_the_overview_the_record_and_the_files_and_come_back(page: Page, base_url):
    for marker_id, (response, notes) in JUDGED.items():
        judge(page, base_url, marker_id, response, notes)
    answer(page, "coherent-mechanism", "Yes", "a question too")
    page.reload()
    expect(judgement(page).get_by_label("Yes", exact=True)).to_be_checked()
    expect(judgement(page).get_by_label("Notes and evidence")).to_have_value("Plan agreed")
    open_summary(page, base_url)
    expect(page.locator("[data-scr=total]")).to_contain_text("4 of 18 markers judged: 1 Yes, 1 Partly, 1 No, 1 Not applicable")
    cell = page.locator(".scr-grid li", has_text="Referral")
    expect(cell).to_contain_text("◐ Partly")
    expect(cell.get_by_role("link")).to_have_attribute("href", "../markers/referral/#judgement")
    expect(page.locator(".scr-grid li", has_text="Analysis")).to_contain_text("Not judged")
    expect(page.locator("#overview-review-setup")).to_have_text("Stage 1 of 3: Review setup: 1 of 5 markers judged")
    # Points for the board: markers judged Partly or No, and questions answered so.
    discuss = page.locator(".scr-discuss > li")
    expect(discuss).to_have_count(2)
    expect(discuss.first).to_contain_text("Marker 1, Referral: your judgement on the marker")
    expect(discuss.first).to_contain_text("Referred after three weeks")
    # The complete record has Yes and Not applicable too, with their notes.
    record = page.locator("[data-scr=record]")
    for _, (response, notes) in JUDGED.items():
        expect(record).to_contain_text(notes)
    expect(record).to_contain_text("a question too")

    doc = export_json(page)
    assert doc["version"] == 3
    assert {j["markerId"]: (j["response"], j["notes"]) for j in doc["judgements"]} == {
        "referral": ("partly", "Referred after three weeks"), "governance": ("no", "No independent chair"),
        "publication": ("not-applicable", "Not yet published"), "improvement-action": ("yes", "Plan agreed")}
    name, body = download(page, "Download as CSV (for Excel or LibreOffice)")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    overall = {r["Marker id"]: r for r in rows if r["Question number"] == "overall"}
    assert set(overall) == set(MARKER_IDS), "every marker has its judgement row, judged or not"
    assert overall["publication"]["Response"] == "Not applicable"
    assert overall["publication"]["Notes and evidence"] == "Not yet published"
    assert overall["analysis"]["Response"] == ""

    # Back through import, into a new review, with every judgement.
    page.get_by_label("Import a review from a JSON file").set_input_files(
        files=[{"name": "back.json", "mimeType": "application/json", "buffer": json.dumps(doc).encode()}])
    page.get_by_role("button", name="Import as a new review").click()
    expect(page.locator("[data-scr=total]")).to_contain_text("4 of 18 markers judged")
    imported = saved(page)["reviews"][-1]
    assert imported["judgements"]["governance"]["notes"] == "No independent chair"


def test_judging_with_the_keyboard_only(page: Page, base_url):
    page.goto(f"{base_url}/markers/analysis/")
    group = judgement(page)
    group.get_by_label("Yes", exact=True).focus()
    page.keyboard.press("ArrowRight")  # radios in a group move with the arrow keys
    expect(group.get_by_label("Partly", exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    expect(group.get_by_role("button", name="Clear response")).to_be_focused()
    page.keyboard.press("Tab")
    expect(group.get_by_label("Notes and evidence")).to_be_focused()
    page.keyboard.type("typed with the keyboard")
    expect(group.get_by_role("status")).to_have_text("Saved")
    page.reload()
    expect(judgement(page).get_by_label("Partly", exact=True)).to_be_checked()
    expect(judgement(page).get_by_label("Notes and evidence")).to_have_value("typed with the keyboard")


def test_visits_leave_no_empty_review_and_names_stay_unique(page: Page, base_url):
    for path in ("/markers/referral/", "/markers/improvement-action/", SUMMARY, "/compare/"):
        page.goto(base_url + path)
        page.wait_for_timeout(200)
    assert KEY not in everything_stored(page), "looking is not answering"
    judge(page, base_url, "referral", "No", "first")
    open_summary(page, base_url)
    page.get_by_label("Name of a new review").fill("Child K")
    page.get_by_role("button", name="Start a new review").click()
    first = saved(page)["reviews"][0]["name"]
    page.get_by_label("New name for this review").fill(first)
    page.get_by_role("button", name="Rename").click()
    # Said next to the form, not at the top of the page.
    expect(page.locator("[data-scr-form=rename] [role=status]")).to_have_text(
        f"There is already a review called “{first}”. Choose another name.")
    assert [r["name"] for r in saved(page)["reviews"]] == [first, "Child K"]
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Delete the review " + first).click()
    assert messages and f"“{first}” and its 1 answer" in messages[0]
    assert len(saved(page)["reviews"]) == 2


def export_of(name: str, judgements: dict[str, str], answers: dict[str, str]) -> bytes:
    time = "2026-05-01T10:00:00.000Z"
    return json.dumps({
        "format": "scr-quality-markers-self-assessment", "version": 2, "contentVersion": "1.1.0", "exported": time,
        "review": {"name": name, "created": time, "updated": time},
        "answers": [{"markerId": "improvement-action", "questionId": q, "questionText": "Q?", "response": r, "notes": "",
                     "contentVersion": "1.1.0", "updated": time} for q, r in answers.items()],
        "judgements": [{"markerId": m, "response": r, "notes": f"{name}: {m}", "contentVersion": "1.1.0", "updated": time}
                       for m, r in judgements.items()],
    }).encode()


def test_comparing_one_saved_and_two_imported_reviews(page: Page, base_url):
    judge(page, base_url, "referral", "No", "saved review")
    page.goto(base_url + "/markers/improvement-action/")
    answer(page, "time-given", "No")
    before = everything_stored(page)
    page.goto(base_url + "/compare/")
    files = [{"name": "colleague.json", "mimeType": "application/json",
              "buffer": export_of("Colleague's view", {"referral": "partly", "governance": "no"}, {"time-given": "no"})},
             {"name": "last-year.json", "mimeType": "application/json",
              "buffer": export_of("Last year", {"referral": "no", "governance": "yes"}, {"time-given": "yes"})},
             {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not an export"}]
    page.get_by_label("Add reviews from JSON files").set_input_files(files=files)
    expect(page.locator("[data-scr=status]")).to_contain_text("2 reviews added from files, shown here only.")
    expect(page.locator("[data-scr=file-errors]")).to_contain_text("notes.txt: This file is not a self-assessment")
    table = page.locator("table.scr-comparison")
    expect(table.locator("thead th")).to_have_count(6)  # the row, 3 reviews, the count, agreement
    referral = table.locator("tbody tr", has_text="Marker 1, Referral")
    expect(referral.locator("td").nth(3)).to_have_text("3 of 3 answered")
    expect(referral).to_contain_text("⚠ Differ")  # No, Partly, No
    governance = table.locator("tbody tr", has_text="Marker 7, Governance")
    expect(governance.locator("td").nth(3)).to_have_text("1 of 2 answered")
    time_given = table.locator("tbody tr", has_text="15.3")
    expect(time_given.locator("td").nth(3)).to_have_text("2 of 3 answered")
    expect(page.locator("[data-scr=short] li").first).to_contain_text("Marker 1, Referral")
    expect(page.locator("[data-scr=short] li").first).to_contain_text("Partly or No in 3 of 3 reviews")
    assert axe_violations(page) == []

    name, body = download(page, "Download the comparison as CSV")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    head, referral_row = rows[0], next(r for r in rows if r[1] == "1" and r[3] == "overall")
    assert head[5:7] == [f"{saved(page)['reviews'][0]['name']}: response", f"{saved(page)['reviews'][0]['name']}: notes"]
    assert head[7] == "Colleague's view: response"
    assert referral_row[5] == "No" and referral_row[7] == "Partly" and referral_row[9] == "No"
    assert referral_row[-3:] == ["3", "3", "Yes"]
    assert everything_stored(page) == before, "comparing saves nothing"

    # Leaving a saved review out, and keeping an imported one when asked.
    page.get_by_label(saved(page)["reviews"][0]["name"]).uncheck()
    expect(table.locator("thead th")).to_have_count(5)
    page.get_by_role("button", name="Save in this browser: Last year").click()
    expect(page.locator("[data-scr=status]")).to_have_text("“Last year” is now saved in this browser.")
    assert [r["name"] for r in saved(page)["reviews"]][-1] == "Last year"
    page.goto(base_url + "/markers/referral/")
    expect(judgement(page).get_by_label("No", exact=True)).to_be_checked()  # still working on the first review


def test_the_summary_prints_the_review_and_date_on_every_page_and_nothing_for_the_screen(page: Page, base_url):
    judge(page, base_url, "referral", "Partly", "printed note")
    open_summary(page, base_url)
    page.emulate_media(media="print")
    header = page.locator(".scr-print-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text(saved(page)["reviews"][0]["name"])
    expect(header).to_contain_text("Printed ")
    assert header.evaluate("el => getComputedStyle(el).position") == "fixed", "repeated on every printed page"
    for screen_only in ("Rename", "Download as JSON (to import later)", "Start a new review"):
        expect(page.get_by_role("button", name=screen_only)).to_be_hidden()
    expect(page.locator("[data-scr=record]")).to_contain_text("printed note")


def test_the_comparison_prints_landscape(page: Page, base_url):
    judge(page, base_url, "referral", "No", "for the comparison")
    page.goto(base_url + "/compare/")
    expect(page.locator("table.scr-comparison")).to_be_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = (float(n) for n in re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf).groups())
    assert width > height, (width, height)
