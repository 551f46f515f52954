"""Meeting papers made in the browser from the answers (docs/assets/js/papers.mjs, papers-ui.mjs):
the agenda and the action plan as .docx and .odt, read back with python-docx and odfpy, opened
by LibreOffice, and printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.checklist_helpers import answer, open_marker, open_summary, saved
from tests.conftest import ROOT, axe_violations, require_tool, requests_elsewhere
from tests.readback import read_docx, read_odt
from tests.test_js_units import node_test

NOTES = 'Tom & Jerry <b>not bold</b> said "yes" & \'no\'\nA second line'
DETAILS = {"Partnership": "North & South <Safeguarding>", "Date": "14 May 2026", "Time": "10:00 to 13:15",
           "Venue": "Room 'B', Town Hall", "Chair": 'Dr "Chair" Smith'}
ANSWERS = [("coherent-mechanism", "Partly", NOTES), ("time-given", "Partly", "Some time & <some> effort"),
           ("prioritised-response", "No", ""), ("clear-leadership", "Yes", "Fine")]
CARRIED = ["15.1", "15.3", "15.5"]
FILES = {(paper, ext): f"{name}.{ext}" for paper, name in
         (("agenda", "agenda-extraordinary-board-meeting"), ("plan", "improvement-action-plan")) for ext in ("docx", "odt")}
BUTTONS = {("agenda", "docx"): "Agenda (Word, .docx)", ("agenda", "odt"): "Agenda (OpenDocument, .odt)",
           ("plan", "docx"): "Action plan (Word, .docx)", ("plan", "odt"): "Action plan (OpenDocument, .odt)"}
READ = {"docx": read_docx, "odt": read_odt}


def fill_details(page: Page) -> None:
    for name, value in DETAILS.items():
        page.get_by_label(name, exact=True).fill(value)


def download_all(page: Page, folder: Path) -> dict[tuple[str, str], Path]:
    out = {}
    for key, label in BUTTONS.items():
        with page.expect_download() as info:
            page.get_by_role("button", name=label).click()
        assert info.value.suggested_filename == FILES[key]
        out[key] = folder / f"{key[0]}-{key[1]}.{key[1]}"
        info.value.save_as(out[key])
    return out


@pytest.fixture(scope="module")
def papers(browser, base_url, tmp_path_factory):
    """The four papers made after answering on the Improvement action page, and the page's data."""
    context = browser.new_context(accept_downloads=True)
    seen = []
    context.on("request", lambda r: seen.append(r.url))
    page = context.new_page()
    open_marker(page, base_url)
    for question_id, response, notes in ANSWERS:
        answer(page, question_id, response, notes)
    open_summary(page, base_url)
    fill_details(page)
    folder = tmp_path_factory.mktemp("papers")
    files = download_all(page, folder)
    data = saved(page)
    context.close()
    return files, data, seen


def test_requests_stay_on_the_site_and_nothing_is_sent(papers, base_url):
    _, _, seen = papers
    assert requests_elsewhere(seen, base_url + "/") == []


def test_meeting_details_are_saved_with_the_review(papers):
    _, data, _ = papers
    review = next(r for r in data["reviews"] if r["id"] == data["current"])
    assert review["meeting"] == DETAILS


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_agenda_has_details_and_one_discussion_item_per_answer(papers, ext):
    files, _, _ = papers
    doc = READ[ext](files[("agenda", ext)].read_bytes())
    for value in DETAILS.values():
        assert value in doc.text
    assert "[Partnership]" not in doc.fill_ins and "[Chair]" not in doc.fill_ins
    rows = doc.rows("agenda")
    items = [row for row in rows[1:] if "." in row[0]]
    assert [row[5] for row in items] == ["15.3", "15.1", "15.5"]  # in agenda order, under their items
    for row in items:
        assert row[4] == "Discussion" and row[3] == "10"
        number = row[0].split(".")[0]
        parent = next(r for r in rows[1:] if r[0] == number)
        assert parent[5] == row[5]
    notes = {row[5]: row[1] for row in items}
    assert NOTES in notes["15.1"]
    assert "Response: Partly" in notes["15.1"] and "Response: No" in notes["15.5"]
    assert "Some time & <some> effort" in notes["15.3"]
    assert "Planned time: 3 hours 45 minutes." in doc.text


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_plan_has_one_row_per_answer_with_its_finding(papers, ext):
    files, _, _ = papers
    doc = READ[ext](files[("plan", ext)].read_bytes())
    assert DETAILS["Partnership"] in doc.text
    rows = doc.rows("plan")[1:]
    assert len(rows) == 3
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert [r[1].split(": ")[0] + ": " + r[1].split(": ")[1] for r in rows] == [f"Marker 15, Improvement action: question {n}" for n in CARRIED]
    assert NOTES in rows[0][1]
    assert all(not cell for r in rows for cell in r[2:])  # the rest left to complete


def test_papers_open_in_libreoffice(papers, tmp_path):
    require_tool(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    require_tool(shutil.which("pdftotext") is not None, "poppler (pdftotext)")
    files, _, _ = papers
    result = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files.values())],
        capture_output=True, text=True, timeout=300)
    for (paper, ext), path in files.items():
        pdf = tmp_path / f"{path.stem}.pdf"
        assert pdf.exists(), result.stdout + result.stderr
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "North & South <Safeguarding>" in text
        assert "Tom & Jerry <b>not bold</b>" in " ".join(text.split())


def test_no_answers_carried_over_gives_the_plain_templates_with_details(page: Page, base_url, built_site, tmp_path):
    open_marker(page, base_url)
    answer(page, "time-given", "No", "x")
    open_summary(page, base_url)
    page.get_by_label("15.3 ", exact=False).uncheck()
    fill_details(page)
    files = download_all(page, tmp_path)
    for (paper, ext), path in files.items():
        doc = READ[ext](path.read_bytes())
        template = "board-agenda" if paper == "agenda" else "action-plan"
        plain = READ[ext]((built_site / "templates" / template / f"{template}.{ext}").read_bytes())
        assert doc.headings == plain.headings and doc.tables == plain.tables
        assert DETAILS["Partnership"] in doc.text and "[Partnership]" in plain.fill_ins
        assert [f for f in plain.fill_ins if f[1:-1] not in DETAILS and f != "[Review]"] == doc.fill_ins


def test_print_view_shows_the_papers(page: Page, base_url, tmp_path):
    open_marker(page, base_url)
    answer(page, "coherent-mechanism", "Partly", NOTES)
    open_summary(page, base_url)
    fill_details(page)
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print the papers").click()
    view = page.locator(".scr-papers-print")
    expect(view.locator("article")).to_have_count(2)
    expect(view.locator("h1").first).to_contain_text("Agenda: extraordinary board meeting")
    expect(view).to_contain_text("Tom & Jerry <b>not bold</b>")
    expect(view).to_contain_text(DETAILS["Venue"])
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "print.pdf"))
    assert (tmp_path / "print.pdf").stat().st_size > 1000


def test_only_the_summary_page_loads_the_papers_code(page: Page, base_url, requests_seen):
    # papers.mjs and zip.mjs are served inside papers-ui.mjs (hooks/module_bundles.py).
    papers_code = ("/assets/js/papers-ui.mjs",)
    open_marker(page, base_url)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests_seen if u.endswith(papers_code)]
    open_summary(page, base_url)
    expect(page.locator('[data-papers="answers"] > *')).to_have_count(1)
    assert all(any(u.endswith(name) for u in requests_seen) for name in papers_code)


def test_nothing_can_be_typed_in_the_papers_until_their_code_has_loaded(page: Page, base_url):
    held = []
    page.route("**/assets/js/papers-ui.mjs", lambda route: held.append(route))
    open_summary(page, base_url)
    expect(page.get_by_text("Loading the meeting papers…")).to_be_visible()
    expect(page.get_by_label("Chair", exact=True)).to_be_hidden()
    for _ in range(100):  # until the request for the code is held
        if held:
            break
        page.wait_for_timeout(50)
    held[0].continue_()
    page.get_by_label("Chair", exact=True).fill("Dr Chair")
    expect(page.get_by_text("Loading the meeting papers…")).to_be_hidden()


def test_papers_that_cannot_load_say_so(page: Page, base_url):
    page.route("**/assets/js/papers-ui.mjs", lambda route: route.abort())
    open_summary(page, base_url)
    expect(page.get_by_role("status").filter(has_text="The meeting papers could not be loaded")).to_be_visible()
    expect(page.get_by_label("Chair", exact=True)).to_be_hidden()


def test_summary_page_with_papers_section_is_accessible(page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "coherent-mechanism", "Partly", "n")
    open_summary(page, base_url)
    expect(page.get_by_role("heading", name="Prepare meeting papers")).to_be_visible()
    assert axe_violations(page) == []


def test_fill_logic_on_the_real_templates(tmp_path):
    """papers.mjs in Node on the files the build makes: read back with python-docx and odfpy."""
    subprocess.run([".venv/bin/python", "-m", "macros.documents", "--out", str(tmp_path)], cwd=ROOT, check=True,
                   capture_output=True)
    result = node_test("tests/js/papers.test.mjs", env={"PAPERS_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
    for ext in ("docx", "odt"):
        plan = READ[ext]((tmp_path / f"action-plan-filled.{ext}").read_bytes())
        assert len(plan.rows("plan")) == 4
        assert "$& $1" in plan.text
        plain = READ[ext]((tmp_path / f"action-plan-plain.{ext}").read_bytes())
        assert len(plain.rows("plan")) == 6
