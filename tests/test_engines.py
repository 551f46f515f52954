"""The core journeys in each engine our users have (issue 15): Chromium (Chrome, Edge), Firefox
and WebKit (Safari), from one set of journeys. Each engine starts once for the module; every
test begins with nothing saved, and fails on any JavaScript or console error (tests/engines.py).

What only one engine can show (narrow layouts, axe, storage faults, every request made) stays in
the Chromium tests; these check that what users do works the same everywhere."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions

from tests.checklist_helpers import KEY, MARKER, SUMMARY
from tests.conftest import require_tool
from tests.engines import ENGINES, XVFB, Browser, Xvfb, serve_collecting, start
from tests.readback import read_docx
from tests.test_offline import OFFLINE_ZIP

NOTE = "Discussed at the board, 3 May & agreed"
# Where a question's number is drawn (its legend's ::before): on the question's first line, before
# its words, and above the response buttons.
NUMBER_PLACE = """const legend = arguments[0], box = legend.getBoundingClientRect();
const words = document.createRange();
words.setStart(legend.firstChild, 0);
words.setEnd(legend.firstChild, 1);
const first = words.getBoundingClientRect();
const buttons = legend.parentElement.querySelector(".scr-responses").getBoundingClientRect();
return { firstLine: Math.abs(first.top - box.top) < first.height / 2, before: first.left - box.left > 8,
         aboveButtons: box.bottom <= buttons.top + 1 };"""
# Notes typed (as a paste would), and whether the box shows them all without scrolling.
TYPE_LINES = """arguments[0].value = "A line of evidence\\n".repeat(12);
arguments[0].dispatchEvent(new Event("input", { bubbles: true }));"""
ALL_SHOWN = "return arguments[0].scrollHeight <= arguments[0].clientHeight + 1"


@pytest.fixture(scope="session")
def collecting_url(built_site):
    server, url = serve_collecting(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def display():
    """Started only if a WebKit test runs, stopped at the end of the run."""
    require_tool(Path(XVFB).exists(), "Xvfb (xvfb)")
    xvfb = Xvfb()
    yield xvfb.display
    xvfb.stop()


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, collecting_url, tmp_path_factory) -> Browser:
    display = request.getfixturevalue("display") if request.param == "webkit" else None
    browser = start(request.param, collecting_url, tmp_path_factory.mktemp(f"{request.param}-downloads"), display)
    yield browser
    browser.driver.quit()


@pytest.fixture
def web(engine: Browser) -> Browser:
    """The engine's browser with nothing saved and no download; fails the test on any error."""
    engine.visit("/")
    engine.js("localStorage.clear(); sessionStorage.clear()")
    engine.clear_downloads()
    engine.collect_errors()
    engine.errors.clear()
    yield engine
    engine.collect_errors()
    assert engine.errors == [], f"{engine.engine}: errors in the page"


def question(web: Browser, question_id: str):
    return web.find(f"#q-{question_id}")


def choose(web: Browser, question_id: str, value: str) -> None:
    web.find(f"input[value={value}]", question(web, question_id)).click()
    web.wait_for_text(f"#q-{question_id} [role=status]", "Saved")


def open_marker(web: Browser) -> None:
    web.visit(MARKER)
    web.wait_for(lambda: len(web.find_all("li[data-question] fieldset")) == 5, "the checklist of 5 questions")


def open_summary(web: Browser) -> None:
    web.visit(SUMMARY)
    web.wait_for(lambda: web.find("#current-review").is_displayed() and web.find("[data-scr=total]").text, "the summary")


def checked(web: Browser, question_id: str) -> str | None:
    return web.js("return document.querySelector(`#q-${arguments[0]} input:checked`)?.value ?? null", question_id)


def test_marker_15_answered_by_mouse_and_keyboard_and_kept_after_reload(web: Browser):
    open_marker(web)
    assert web.find("h1").text == "Improvement action"
    assert web.find(".scr-checklist-head").is_displayed()
    choose(web, "coherent-mechanism", "partly")
    # The keyboard: Space chooses the focused button, arrows move the choice within the question.
    web.js("arguments[0].focus()", web.find("#q-clear-leadership input[value=yes]"))
    ActionChains(web.driver).send_keys(Keys.SPACE).perform()
    web.wait_for(lambda: checked(web, "clear-leadership") == "yes", "Space to choose Yes")
    ActionChains(web.driver).send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform()
    web.wait_for(lambda: checked(web, "clear-leadership") == "no", "the arrows to move to No")
    notes = web.find("#q-coherent-mechanism textarea")
    notes.click()
    notes.send_keys(NOTE)
    web.wait_for_text("#q-coherent-mechanism [role=status]", "Saved")
    web.wait_for_text(".scr-progress", "2 of 5 questions answered.")

    open_marker(web)
    assert (checked(web, "coherent-mechanism"), checked(web, "clear-leadership")) == ("partly", "no")
    assert web.find("#q-coherent-mechanism textarea").get_property("value") == NOTE
    assert web.find(".scr-progress").text.startswith("2 of 5 questions answered.")
    assert web.js(NUMBER_PLACE, web.find("#q-time-given legend")) == {"firstLine": True, "before": True, "aboveButtons": True}

    # The notes box grows with what is typed, and shows it all again after a reload.
    notes = web.find("#q-time-given textarea")
    empty = notes.size["height"]
    web.js(TYPE_LINES, notes)
    web.wait_for_text("#q-time-given [role=status]", "Saved")
    assert notes.size["height"] > empty and web.js(ALL_SHOWN, notes)
    open_marker(web)
    assert web.js(ALL_SHOWN, web.find("#q-time-given textarea"))


def test_summary_json_export_and_import(web: Browser):
    open_marker(web)
    choose(web, "time-given", "no")
    choose(web, "prioritised-response", "yes")
    open_summary(web)
    web.wait_for_text("[data-scr=total]", "2 of 5 questions answered")
    assert "Is appropriate time been given" in web.find("[data-scr=discuss]").text  # No: for the board

    web.button("Download as JSON (to import later)").click()
    path = web.downloaded(".json")
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "scr-quality-markers-self-assessment"
    assert {(a["questionId"], a["response"]) for a in exported["answers"]} == {("time-given", "no"), ("prioritised-response", "yes")}

    web.js("window.confirm = () => true")  # the engines' own dialogs are not what is tested here
    web.button("Clear all data on this device").click()
    web.wait_for_text("[data-scr=total]", "0 of 5 questions answered")
    web.find("#scr-import").send_keys(str(path))
    web.wait_for(lambda: exported["review"]["name"] in web.find(".scr-preview").text, "the preview of the file")
    web.button("Import as a new review").click()
    web.wait_for_text("[data-scr=total]", "2 of 5 questions answered")
    # Named as exported; "(imported)" added when the review started after clearing has that name.
    assert web.find("[data-scr=name]").text.startswith(exported["review"]["name"])
    saved = web.js("return JSON.parse(localStorage.getItem(arguments[0]))", KEY)
    assert len(saved["reviews"]) == 2, "the cleared review and the imported one"


def test_meeting_papers_made_and_read_back_and_a_plain_message_without_compression(web: Browser):
    open_marker(web)
    choose(web, "time-given", "partly")
    web.visit("/meeting-papers/")
    web.wait_for(lambda: web.find("#scr-papers").is_displayed(), "the meeting papers")
    web.button("Add a finding").click()
    web.wait_for(lambda: web.find_all("[data-finding] [data-finding-field=title]"), "a finding to fill in")
    web.find("[data-finding] [data-finding-field=title]").send_keys("Late help")
    web.find("[data-papers-detail=Partnership]").send_keys("North & South")
    web.find("#scr-option-self-assessment").click()
    web.button("Agenda (Word, .docx)").click()
    paper = read_docx(web.downloaded(".docx").read_bytes())
    assert "North & South" in paper.text
    assert "F1: Late help" in paper.text, "an item for decision on the finding"
    assert "Time given to receive the report: Partly" in paper.text, "the answer Partly, in plain words"

    # An engine without CompressionStream (before Chrome 103, Firefox 113, Safari 16.4).
    web.js("delete window.CompressionStream; delete window.DecompressionStream")
    web.button("Action plan (Word, .docx)").click()
    web.wait_for_text("[data-papers=make-status]", "The papers could not be made in this browser. They need Chrome or Edge 103")
    # Everything else still works: what is typed is saved.
    web.find("[data-papers-detail=Chair]").send_keys("Dr Chair")
    web.wait_for(lambda: "Dr Chair" in json.dumps(web.js("return JSON.parse(localStorage.getItem(arguments[0]))", KEY)),
                 "the chair saved")


def test_search_finds_marker_15(web: Browser):
    web.visit("/about/")
    # Narrower windows show a search button instead of the box.
    opener = next(e for e in web.find_all(".md-search__input, label.md-header__button[for=__search]") if e.is_displayed())
    opener.click()
    box = web.find(".md-search__input")
    box.send_keys("improvement action")
    # The results are drawn again as the index loads: click one once it stays put.
    results = ".md-search-result__item > a[href*='/markers/improvement-action/']"
    web.wait_for(lambda: [link.click() for link in web.find_all(results) if link.is_displayed()][:1],
                 "a result on Improvement action")
    web.wait_for(lambda: web.find("h1").text == "Improvement action", "the marker page")


@pytest.mark.parametrize("engine", ["chromium", "firefox"], indirect=True)
def test_printed_to_pdf_with_the_answers(web: Browser, tmp_path):
    """WebKitGTK's driver has no print command; Chromium's and Firefox's have."""
    require_tool(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    open_marker(web)
    choose(web, "coherent-mechanism", "partly")
    pdf = tmp_path / "marker.pdf"
    pdf.write_bytes(base64.b64decode(web.driver.print_page(PrintOptions())))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Improvement action" in text and "Response: Partly" in text
    assert "Clear response" not in text, "buttons do not print"


@pytest.mark.parametrize("engine", ["chromium", "firefox"], indirect=True)
def test_the_offline_copy_works_from_disk(web: Browser, built_site, tmp_path):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    copy = tmp_path / "scr-quality-markers"
    web.visit((copy / "index.html").as_uri())
    web.find("a[href$='markers/improvement-action.html']").click()
    web.wait_for(lambda: len(web.find_all("li[data-question] fieldset")) == 5, "the checklist from disk")
    choose(web, "time-given", "yes")
    web.visit((copy / "markers" / "improvement-action.html").as_uri())
    web.wait_for(lambda: checked(web, "time-given") == "yes", "the answer kept from disk")
