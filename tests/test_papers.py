"""Findings and meeting papers (docs/assets/js/findings.mjs, papers.mjs, papers-page.mjs): a
board manager lists the review's findings, fills in the meeting's details and makes the agenda
and the action plan, as members' and organiser's copies, in .docx and .odt. The papers are
read back with python-docx and odfpy, and laid out by LibreOffice."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from macros.documents.layout import MARKERS_HEADING
from tests.checklist_helpers import KEY, answer, open_marker, saved
from tests.conftest import ROOT, axe_violations, requests_elsewhere
from tests.pdf_layout import layout_problems, marked, pages, to_pdf
from tests.readback import read_docx, read_odt
from tests.test_js_units import node_test

PAPERS = "/meeting-papers/"
NOTES = 'Chair opened discussion but health partners were absent & "late"'
FINDINGS = [("F1", "Help for the family came late", "Agencies saw the signs <early> but waited."),
            ("F2", "Information was not shared", ""),
            ("R1", "Supervision of cases like this", "")]
DETAILS = {"Partnership": "North & South <Safeguarding>", "Date": "14 May 2026", "Start time": "14:00", "End time": "16:00",
           "Venue": "Room 'B', Town Hall", "Chair": 'Dr "Chair" Smith', "Papers": "Report; agency responses",
           "Plan owner": "Board manager", "Agreed by the board on": "14 May 2026", "Next review by the board": "September 2026"}
FIELDS = {"agenda": ["Partnership", "Date", "Start time", "End time", "Venue", "Chair", "Papers"],
          "plan": ["Partnership", "Plan owner", "Agreed by the board on", "Next review by the board"]}
BUTTONS = {("agenda", "docx"): "Agenda (Word, .docx)", ("agenda", "odt"): "Agenda (OpenDocument, .odt)",
           ("plan", "docx"): "Action plan (Word, .docx)", ("plan", "odt"): "Action plan (OpenDocument, .odt)"}
NAMES = {"agenda": "agenda-extraordinary-board-meeting", "plan": "improvement-action-plan"}
READ = {"docx": read_docx, "odt": read_odt}


def open_papers(page: Page, base_url: str) -> None:
    page.goto(base_url + PAPERS)
    expect(page.get_by_role("heading", name="The review's findings")).to_be_visible()


def add_finding(page: Page, ref: str, title: str, text: str = "") -> None:
    page.get_by_role("button", name="Add a finding").click()
    finding = page.locator("[data-finding]").last
    expect(finding.get_by_label("Short title")).to_be_focused()
    finding.get_by_label("Reference").fill(ref)
    finding.get_by_label("Short title").fill(title)
    if text:
        finding.get_by_label("What the report says (optional)").fill(text)


def fill_details(page: Page, details: dict[str, str]) -> None:
    for name, value in details.items():
        page.get_by_label(name, exact=True).fill(value)


def download_all(page: Page, folder: Path, tag: str) -> dict[tuple[str, str], Path]:
    out = {}
    for key, label in BUTTONS.items():
        status = page.locator('[data-papers="make-status"]')
        try:
            with page.expect_download() as info:
                page.get_by_role("button", name=label).click()
        except PlaywrightTimeoutError:
            raise AssertionError(f"{label}: no download came; the page said {status.inner_text()!r}") from None
        expect(status).to_have_text(re.compile(" made: see your downloads"))
        assert info.value.suggested_filename == f"{NAMES[key[0]]}.{key[1]}"
        out[key] = folder / f"{tag}-{key[0]}.{key[1]}"
        info.value.save_as(out[key])
    return out


@pytest.fixture(scope="module")
def papers(browser, base_url, tmp_path_factory):
    """A review answered Partly and No on marker 15 with notes, three findings, every detail
    filled in: the members' copies without the notes, then with them, then the organiser's."""
    context = browser.new_context(accept_downloads=True)
    seen, errors = [], []
    context.on("request", lambda r: seen.append(r.url))
    context.on("weberror", lambda e: errors.append(str(e.error)))
    page = context.new_page()
    open_marker(page, base_url)
    answer(page, "time-given", "No", NOTES)
    answer(page, "coherent-mechanism", "Partly", "")
    answer(page, "clear-leadership", "Yes", "Fine")
    open_papers(page, base_url)
    for finding in FINDINGS:
        add_finding(page, *finding)
    page.locator("[data-finding]").nth(1).get_by_label("Accepted in part").check()
    fill_details(page, DETAILS)
    page.get_by_label("Include an item on how the partnership ran this review").check()
    folder = tmp_path_factory.mktemp("papers")
    files = {"members": download_all(page, folder, "members")}
    overrun = page.locator('[data-papers="overrun"]').inner_text()
    # Each copy is made on a later visit to the page, as a user coming back for it would: Chromium
    # (156) drops a page's eleventh download in a couple of seconds, and a test clicks that fast.
    for copy, option in (("notes", "Include my notes and evidence with those answers"), ("organiser", "For the organiser")):
        page.close()
        page = context.new_page()
        open_papers(page, base_url)
        page.get_by_label(option).check()
        files[copy] = download_all(page, folder, copy)
    data = saved(page)
    context.close()
    return {"files": files, "data": data, "seen": seen, "errors": errors, "overrun": overrun}


def test_nothing_is_sent_and_nothing_fails(papers, base_url):
    assert requests_elsewhere(papers["seen"], base_url + "/") == []
    assert papers["errors"] == []


def test_findings_and_details_are_saved_with_the_review(papers):
    data = papers["data"]
    review = next(r for r in data["reviews"] if r["id"] == data["current"])
    assert [(f["ref"], f["title"], f["text"]) for f in review["findings"]] == FINDINGS
    assert [f["decision"] for f in review["findings"]] == ["", "accepted-in-part", ""]
    assert {k: v for k, v in review["meeting"].items() if ":" not in k} == DETAILS


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_the_agenda_has_one_item_for_decision_per_finding(papers, ext):
    doc = READ[ext](papers["files"]["members"][("agenda", ext)].read_bytes())
    rows = doc.rows("agenda")
    decide = next(i for i, row in enumerate(rows) if row[1].startswith("Decision on each finding"))
    number = rows[decide][0]
    items = rows[decide + 1:decide + 4]
    assert [row[0] for row in items] == [f"{number}.{k}" for k in (1, 2, 3)]
    assert [row[1].split("\n")[0] for row in items] == [f"{ref}: {title}" for ref, title, _ in FINDINGS]
    assert all(row[4] == "Decision" and row[3] == "10" for row in items)
    assert "Agencies saw the signs <early> but waited." in items[0][1]
    assert "Decision: Accepted in part" in items[1][1] and "For decision" in items[2][1]
    assert not rows[decide + 4][0].startswith(number + ".")


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_notes_go_in_only_when_included_and_answers_read_as_plain_words(papers, ext):
    without = READ[ext](papers["files"]["members"][("agenda", ext)].read_bytes())
    item = next(row for row in without.rows("agenda") if row[1].startswith("How the partnership ran this review"))
    assert "Time given to receive the report: No" in item[1]
    assert "A clear way to agree the response: Partly" in item[1]
    assert "Fine" not in item[1] and "Yes" not in item[1]  # only Partly and No
    for paper in ("agenda", "plan"):
        assert "health partners" not in READ[ext](papers["files"]["members"][(paper, ext)].read_bytes()).text
    included = READ[ext](papers["files"]["notes"][("agenda", ext)].read_bytes())
    assert NOTES in included.text
    assert NOTES not in READ[ext](papers["files"]["notes"][("plan", ext)].read_bytes()).text


@pytest.mark.parametrize("ext", ["docx", "odt"])
@pytest.mark.parametrize("copy", ["members", "organiser"])
def test_no_fill_in_field_is_left_when_every_detail_is_filled_in(papers, copy, ext):
    for paper in ("agenda", "plan"):
        doc = READ[ext](papers["files"][copy][(paper, ext)].read_bytes())
        assert doc.fill_ins == []
        assert not re.search(r"\[[^\]]*\]", doc.text)
        for name in FIELDS[paper]:
            assert DETAILS[name] in doc.text


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_an_agenda_that_runs_past_the_end_time_says_so(papers, ext):
    assert "This is 1 hour 30 minutes longer than the meeting, which is planned to end at 16:00" in papers["overrun"]
    doc = READ[ext](papers["files"]["members"][("agenda", ext)].read_bytes())
    assert "Planned time: 3 hours 30 minutes, 14:00 to 17:30. This is 1 hour 30 minutes longer than the meeting" in doc.text


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_the_plan_has_a_row_per_finding_and_room_for_more(papers, ext):
    doc = READ[ext](papers["files"]["members"][("plan", ext)].read_bytes())
    rows = doc.rows("plan")
    assert rows[0][:2] == ["Finding", "Action"]
    assert [r[0] for r in rows[1:4]] == [f"{ref}: {title}" for ref, title, _ in FINDINGS]
    assert all(not cell for r in rows[1:4] for cell in r[1:])  # the actions are for the meeting
    assert len(rows) - 4 >= 3 and all(not any(r) for r in rows[4:])


def test_the_plan_is_landscape_with_its_header_row_repeated(papers):
    with zipfile.ZipFile(papers["files"]["members"][("plan", "docx")]) as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:orient="landscape"' in xml
    assert re.search(r'<w:tblCaption w:val="plan"/>.*?<w:tr>\s*<w:trPr>(?:(?!</w:trPr>).)*<w:tblHeader/>', xml, re.S)
    with zipfile.ZipFile(papers["files"]["members"][("plan", "odt")]) as z:
        styles, content = z.read("styles.xml").decode(), z.read("content.xml").decode()
    assert 'style:print-orientation="landscape"' in styles
    assert re.search(r'<table:table table:name="plan"[^>]*>.*?<table:table-header-rows>', content, re.S)


def test_the_members_copy_leaves_out_what_is_for_the_organiser(papers):
    for ext in ("docx", "odt"):
        members = READ[ext](papers["files"]["members"][("agenda", ext)].read_bytes())
        organiser = READ[ext](papers["files"]["organiser"][("agenda", ext)].read_bytes())
        assert "Marker question" not in members.rows("agenda")[0] and "Marker question" in organiser.rows("agenda")[0]
        assert MARKERS_HEADING not in [h for _, h in members.headings] and MARKERS_HEADING in [h for _, h in organiser.headings]
        assert "Before the meeting" not in [h for _, h in members.headings] and "Before the meeting" in [h for _, h in organiser.headings]
    for copy in ("members", "organiser"):
        with zipfile.ZipFile(papers["files"][copy][("agenda", "docx")]) as z:
            footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        assert ("/templates/board-agenda/" in footers) == (copy == "organiser")


def test_the_papers_lay_out_in_libreoffice(papers, tmp_path):
    """Through LibreOffice to PDF: the members' plan with three findings on at most two landscape
    pages, its table starting on page 1; no paper with a nearly empty first page or a row
    taller than a page."""
    inputs, rows = [], {}
    for copy, files in papers["files"].items():
        for (paper, ext), path in files.items():
            data, rows[f"{copy}-{paper}-{ext}"] = marked(path.read_bytes(), ext)
            inputs.append(tmp_path / f"{copy}-{paper}-{ext}.{ext}")
            inputs[-1].write_bytes(data)
            inputs.append(tmp_path / f"plain-{copy}-{paper}-{ext}.{ext}")
            inputs[-1].write_bytes(path.read_bytes())
    pdfs = to_pdf(inputs, tmp_path / "pdf")
    for path, pdf in pdfs.items():
        if not path.stem.startswith("plain-"):
            assert layout_problems(pages(pdf), rows[path.stem]) == [], path.name
    for ext in ("docx", "odt"):
        plan = pages(pdfs[tmp_path / f"plain-members-plan-{ext}.{ext}"])
        assert len(plan) <= 2, ext
        assert "F1: Help for the family came late" in " ".join(plan[0].split())
        info = subprocess.run(["pdfinfo", str(pdfs[tmp_path / f"plain-members-plan-{ext}.{ext}"])], capture_output=True, text=True).stdout
        width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert width > height
        agenda = " ".join(pages(pdfs[tmp_path / f"plain-members-agenda-{ext}.{ext}"])[0].split())
        assert "North & South <Safeguarding>" in agenda


def test_typing_is_saved_after_a_pause_and_at_once_when_the_page_is_left(page: Page, base_url):
    """Each save writes every review, so a burst of typing is saved once; nothing typed is lost."""
    open_papers(page, base_url)
    stored = "key => localStorage.getItem(key) ?? ''"
    venue = page.get_by_label("Venue", exact=True)
    venue.press_sequentially("Town Hall", delay=30)
    assert "Town Hall" not in page.evaluate(stored, KEY), "not written at every key"
    page.wait_for_function(f"key => ({stored})(key).includes('Town Hall')", arg=KEY)
    venue.press_sequentially(", Room B")
    page.goto(base_url + "/about/")  # at once, before the pause is over
    assert "Town Hall, Room B" in saved(page)["reviews"][0]["meeting"].values()


def test_findings_are_added_reordered_and_removed_with_the_keyboard_and_kept_on_reload(page: Page, base_url):
    open_papers(page, base_url)
    for ref, title in (("F1", "First"), ("F2", "Second"), ("F3", "Third")):
        page.get_by_role("button", name="Add a finding").focus()
        page.keyboard.press("Enter")
        expect(page.locator("[data-finding]").last.get_by_label("Short title")).to_be_focused()
        page.keyboard.type(title)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Control+a")
        page.keyboard.type(ref)
    move_up = page.get_by_role("button", name="Move up: F3: Third")
    move_up.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Move up: F3: Third")).to_be_focused()
    expect(page.locator('[data-papers="findings-status"]')).to_have_text("F3: Third moved to place 2 of 3.")
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Remove: F1: First").focus()
    page.keyboard.press("Enter")
    expect(page.locator('[data-papers="findings-status"]')).to_have_text("F1: First removed.")
    page.locator("[data-finding]").first.get_by_label("Not accepted").focus()
    page.keyboard.press("Space")
    page.reload()
    titles = page.locator("[data-finding] [data-finding-field=title]")
    expect(titles).to_have_count(2)
    assert [titles.nth(i).input_value() for i in range(2)] == ["Third", "Second"]
    expect(page.locator("[data-finding]").first.get_by_label("Not accepted")).to_be_checked()
    expect(page.locator("legend").filter(has_text="Finding 1")).to_be_visible()


def test_the_page_is_accessible_with_findings_filled_in(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "time-given", "No", NOTES)
    open_papers(page, base_url)
    add_finding(page, *FINDINGS[0])
    add_finding(page, *FINDINGS[1])
    fill_details(page, {"Start time": "14:00", "End time": "15:00", "Venue": "Hall"})
    expect(page.locator('[data-papers="overrun"]')).to_be_visible()
    assert axe_violations(page) == []


def test_findings_go_into_the_json_and_csv_downloads(page: Page, base_url, tmp_path):
    open_papers(page, base_url)
    add_finding(page, "F1", "Late help", "Text, with a comma")
    page.goto(base_url + "/self-assessment/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as JSON (to import later)").click()
    doc = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert doc["version"] == 3 and [(f["ref"], f["title"]) for f in doc["findings"]] == [("F1", "Late help")]
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as CSV (for Excel or LibreOffice)").click()
    assert '"Findings of the review","","","","F1"' in Path(info.value.path()).read_text(encoding="utf-8-sig")


def test_print_view_shows_both_papers_with_the_plan_on_landscape_pages(page: Page, base_url, tmp_path):
    open_papers(page, base_url)
    add_finding(page, *FINDINGS[0])
    fill_details(page, {"Venue": DETAILS["Venue"]})
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print the papers").click()
    view = page.locator(".scr-papers-print")
    expect(view.locator("article")).to_have_count(2)
    expect(view.locator("h1").first).to_contain_text("Agenda: extraordinary board meeting")
    expect(view).to_contain_text("F1: Help for the family came late")
    expect(view).to_contain_text(DETAILS["Venue"])
    expect(view.locator(".scr-paper-plan thead th").first).to_have_text("Finding")
    page.emulate_media(media="print")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True).stdout)
    assert float(sizes[0][0]) < float(sizes[0][1]) and float(sizes[-1][0]) > float(sizes[-1][1])


def test_only_the_papers_page_loads_the_papers_code(page: Page, base_url, requests_seen):
    # papers.mjs, findings.mjs and zip.mjs are served inside papers-page.mjs (hooks/module_bundles.py).
    papers_code = ("/assets/js/papers-page.mjs", "/assets/papers.css")
    open_marker(page, base_url)
    page.wait_for_load_state("networkidle")
    page.goto(base_url + "/self-assessment/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests_seen if u.endswith(papers_code)]
    open_papers(page, base_url)
    expect(page.get_by_label("Chair", exact=True)).to_be_visible()
    assert all(any(u.endswith(name) for u in requests_seen) for name in papers_code)


def test_papers_that_cannot_load_keep_the_note_for_readers_without_javascript(page: Page, base_url):
    page.route("**/assets/js/papers-page.mjs", lambda route: route.abort())
    page.goto(base_url + PAPERS)
    expect(page.get_by_text("It needs JavaScript")).to_be_visible()
    expect(page.get_by_label("Chair", exact=True)).to_be_hidden()


def test_fill_logic_on_the_real_templates(tmp_path):
    """papers.mjs in Node on the files the build makes, with the page's own data: read back
    with python-docx and odfpy."""
    subprocess.run([".venv/bin/python", "-m", "macros.documents", "--out", str(tmp_path)], cwd=ROOT, check=True,
                   capture_output=True)
    from macros.content.markers import load_content
    from macros.content.templates import load_templates
    from macros.pages.papers import agenda_data, paper_fields

    templates = load_templates(load_content())
    (tmp_path / "page-data.json").write_text(json.dumps({"items": agenda_data(templates), "fields": paper_fields(templates)}))
    result = node_test("tests/js/papers.test.mjs", env={"PAPERS_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
    for copy in ("", "-members"):
        for ext in ("docx", "odt"):
            plan = READ[ext]((tmp_path / f"plan{copy}.{ext}").read_bytes())
            assert [r[0] for r in plan.rows("plan")[1:4]] == ["F1: Help for the family came late",
                                                              "F2: Agencies did not share what they knew", "R1: Supervision $& $1"]
            agenda = READ[ext]((tmp_path / f"agenda{copy}.{ext}").read_bytes())
            assert agenda.fill_ins == [] and 'The report found <delays> & "gaps"\nover two years.' in agenda.text
            assert "Marker 7, Involving the family: Partly" in agenda.text


def test_layout_problems_are_found():
    """The layout check itself: a nearly empty first page and a row over a page break."""
    full = "word " * 100
    assert layout_problems([full + "zzs1zz zze1zz", full], 1) == []
    assert layout_problems(["Title", full + "zzs1zz zze1zz"], 1) == ["page 1 of 2 holds only 1 words"]
    assert layout_problems([full + "zzs1zz", full + "zze1zz zzs2zz zze2zz"], 2) == [
        "table row 1 runs over pages [1, 2]: it is taller than a page"]
    assert layout_problems([full], 1) == ["table row 1 is not in the PDF"]
