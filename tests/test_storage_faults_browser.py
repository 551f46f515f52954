"""Nothing typed or imported is lost, in Chromium: hostile imports (the corpus in
tests/corpus/imports/, with expected.json saying what each must do), storage that throws, is
read-only or full, two tabs at once, and a site whose ids are Object.prototype names.

Each case asserts that every character typed or imported is either saved in the right review
or refused with a message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.checklist_helpers import (
    KEY, MARKER, SUMMARY, answer, build_for, everything_stored, export_json, open_marker, open_summary, question, saved,
)
from tests.conftest import ROOT, requests_elsewhere, serve

CORPUS = Path(__file__).parent / "corpus" / "imports"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
ASIDE = "scr-qm:/:damaged:"


def review_named(page: Page, name: str) -> dict:
    return next(r for r in saved(page)["reviews"] if r["name"] == name)


def notes_box(page: Page, question_id: str):
    return question(page, question_id).get_by_label("Notes and evidence")


def import_file(page: Page, path: Path) -> None:
    page.get_by_label("Import a review from a JSON file").set_input_files(
        files=[{"name": path.name, "mimeType": "application/json", "buffer": path.read_bytes()}])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_import(page: Page, base_url, name):
    expected = EXPECTED[name]
    open_summary(page, base_url)
    before = everything_stored(page)
    import_file(page, CORPUS / name)
    error = page.locator("[data-scr=import-error]")
    if expected["outcome"] == "refused":
        expect(error).to_contain_text(expected["message"])
        expect(error).to_contain_text("Nothing saved in this browser has changed.")
        expect(page.locator(".scr-preview")).to_be_hidden()
        assert everything_stored(page) == before
        return
    expect(page.locator(".scr-preview")).to_be_visible()
    page.get_by_role("button", name="Import as a new review").click()
    expect(page.locator("[data-scr=status]")).to_contain_text("as a new review")
    # Taken whole: after a reload, nothing is damaged and every answer comes back out.
    page.reload()
    expect(page.locator("#current-review")).to_be_visible()
    expect(page.locator("#scr-summary [data-scr=problem]")).to_be_empty()
    assert not [k for k in everything_stored(page) if k.startswith(ASIDE)]
    imported = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    out = export_json(page)
    assert out["review"]["name"] == " ".join(imported["review"]["name"].split())
    assert len(out["answers"]) == expected["answers"]
    for sent in imported["answers"]:
        back = next(a for a in out["answers"] if (a["markerId"], a["questionId"]) == (sent["markerId"], sent["questionId"]))
        assert (back["response"], back["notes"]) == (sent["response"], sent["notes"])
    for text in expected.get("notes", []):
        assert any(a["notes"] == text for a in out["answers"])
    if "meeting" in expected:
        assert out["review"]["meeting"] == expected["meeting"]
    if "findings" in expected:
        assert [f["title"] for f in out["findings"]] == expected["findings"]
    if "meeting" in expected or "findings" in expected:
        page.goto(base_url + "/meeting-papers/")
        titles = page.locator("[data-finding] [data-finding-field=title]")
        expect(titles).to_have_count(len(expected.get("findings", [])))
        assert [titles.nth(i).input_value() for i in range(titles.count())] == expected.get("findings", [])
        if "meeting" in expected:
            expect(page.get_by_label("Partnership", exact=True)).to_have_value(expected["meeting"]["Partnership"])
    assert page.evaluate("() => Object.prototype.polluted") is None


def test_storage_that_reads_but_will_not_write_shows_what_was_saved(context, page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "time-given", "No", "saved before the lock")
    before = everything_stored(page)
    context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError'); };""")
    page.reload()
    expect(notes_box(page, "time-given")).to_have_value("saved before the lock")
    expect(question(page, "time-given").get_by_label("No", exact=True)).to_be_checked()
    expect(page.locator(".scr-checklist .scr-problem")).to_contain_text("not letting the site save your answers")
    expect(page.locator(".scr-checklist .scr-problem")).to_contain_text("Anything saved before is still shown")
    notes_box(page, "time-given").press("End")
    notes_box(page, "time-given").type(", and more")
    expect(question(page, "time-given").get_by_role("status")).to_have_text("Not saved: see the warning above")
    page.locator('.md-sidebar a[href$="/self-assessment/"]').first.click()
    expect(page.locator(".scr-discuss")).to_contain_text("saved before the lock, and more")
    assert export_json(page)["answers"][0]["notes"] == "saved before the lock, and more"
    assert everything_stored(page) == before


def test_a_review_started_in_another_tab_does_not_take_this_tabs_typing(context, page: Page, base_url):
    open_marker(page, base_url)
    mine = page.locator(".scr-checklist [data-scr=name]").inner_text()
    notes_box(page, "time-given").fill("first half")
    other = context.new_page()
    open_summary(other, base_url)
    other.get_by_label("Name of a new review").fill("Started in tab B")
    other.get_by_role("button", name="Start a new review").click()
    expect(other.locator("[data-scr=name]")).to_have_text("Started in tab B")
    page.wait_for_timeout(300)  # the storage event has reached tab A
    notes_box(page, "time-given").press("End")
    notes_box(page, "time-given").type(" and second half")
    expect(question(page, "time-given").get_by_role("status")).to_have_text("Saved")
    expect(page.locator(".scr-checklist [data-scr=name]")).to_have_text(mine)
    assert review_named(page, mine)["answers"]["improvement-action"]["time-given"]["notes"] == "first half and second half"
    assert review_named(page, "Started in tab B")["answers"] == {}
    # Tab B still works on its own review after tab A's saves, and a reload keeps each tab's.
    other.reload()
    expect(other.locator("[data-scr=name]")).to_have_text("Started in tab B")
    page.reload()
    expect(page.locator(".scr-checklist [data-scr=name]")).to_have_text(mine)


def test_two_tabs_typing_in_one_note_keep_every_word(context, page: Page, base_url):
    open_marker(page, base_url)
    other = context.new_page()
    open_marker(other, base_url)
    words = [f"word{i}" for i in range(1, 13)]
    for i, word in enumerate(words):
        tab, watcher = (page, other) if i % 2 == 0 else (other, page)
        box = notes_box(tab, "time-given")
        box.click()
        box.press("End")
        box.type(" " + word)
        expect(notes_box(watcher, "time-given")).to_have_value(" " + " ".join(words[: i + 1]))
    assert saved(page)["reviews"][0]["answers"]["improvement-action"]["time-given"]["notes"] == " " + " ".join(words)
    expect(notes_box(page, "time-given")).to_have_value(" " + " ".join(words))


def test_two_tabs_rewriting_the_same_words_keep_both_and_say_so(context, page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "time-given", notes="Action owner: Ann")
    other = context.new_page()
    # Tab B can be made deaf to other tabs for a while (a busy tab, or both typing in the same instant).
    other.add_init_script("""const listen = window.addEventListener;
        window.addEventListener = function (type, listener, options) {
          return listen.call(this, type, type === 'storage' ? (e) => window.__deaf || listener(e) : listener, options); };""")
    open_marker(other, base_url)
    expect(notes_box(other, "time-given")).to_have_value("Action owner: Ann")
    other.evaluate("() => { window.__deaf = true; }")
    notes_box(page, "time-given").fill("Action owner: Cy")
    expect(question(page, "time-given").get_by_role("status")).to_have_text("Saved")
    notes_box(other, "time-given").fill("Action owner: Bob")
    expect(question(other, "time-given").get_by_role("status")).to_contain_text("Both versions are kept")
    expect(notes_box(other, "time-given")).to_have_value("Action owner: Cy Bob")
    expect(notes_box(page, "time-given")).to_have_value("Action owner: Cy Bob")
    other.evaluate("() => { window.__deaf = false; }")
    assert saved(page)["reviews"][0]["answers"]["improvement-action"]["time-given"]["notes"] == "Action owner: Cy Bob"


def test_full_storage_in_one_tab_then_making_room_keeps_the_other_tabs_answer(context, page: Page, base_url):
    open_marker(page, base_url)
    answer(page, "coherent-mechanism", "Yes")  # the review is saved from its first answer
    shared = page.locator(".scr-checklist [data-scr=name]").inner_text()
    other = context.new_page()
    open_summary(other, base_url)
    other.get_by_label("Name of a new review").fill("Spare")
    other.get_by_role("button", name="Start a new review").click()
    other.get_by_role("button", name="Work on this review: " + shared).click()
    expect(other.locator("[data-scr=name]")).to_have_text(shared)
    # Tab A's storage is full while the spare review is there: deleting it makes room.
    page.evaluate("""() => { const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (String(v).includes('"Spare"')) throw new DOMException('full', 'QuotaExceededError');
          return setItem.call(this, k, v); }; }""")
    notes_box(page, "time-given").fill("typed in A while full")
    expect(question(page, "time-given").get_by_role("status")).to_have_text("Not saved: see the warning above")
    open_marker(other, base_url)
    answer(other, "clear-leadership", "Yes", "saved in B")
    page.locator('.md-sidebar a[href$="/self-assessment/"]').first.click()
    expect(page.locator("#current-review")).to_be_visible()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Delete the review Spare").click()
    expect(page.locator("[data-scr-area]:has(.scr-reviews) [role=status]")).to_have_text("The review “Spare” was deleted.")
    expect(page.locator("#scr-summary [data-scr=problem]")).to_be_empty()
    answers = review_named(page, shared)["answers"]["improvement-action"]
    assert answers["time-given"]["notes"] == "typed in A while full"
    assert (answers["clear-leadership"]["response"], answers["clear-leadership"]["notes"]) == ("yes", "saved in B")
    assert [r["name"] for r in saved(page)["reviews"]] == [shared]


def test_a_review_deleted_in_another_tab_is_said_and_nothing_lands_elsewhere(context, page: Page, base_url):
    open_summary(page, base_url)
    page.get_by_label("Name of a new review").fill("To be deleted")
    page.get_by_role("button", name="Start a new review").click()
    open_marker(page, base_url)
    answer(page, "time-given", notes="typed before the delete")
    other = context.new_page()
    open_summary(other, base_url)
    other.once("dialog", lambda d: d.accept())
    other.get_by_role("button", name="Delete the review To be deleted").click()
    notice = page.locator(".scr-checklist [data-scr=notice]")
    expect(notice).to_contain_text("The review “To be deleted” was deleted in another tab")
    expect(notes_box(page, "time-given")).to_have_value("")
    assert "typed before the delete" not in json.dumps(saved(page))


@pytest.fixture(scope="module")
def prototype_site(tmp_path_factory):
    """The site with marker 15 given the id `constructor` and a question the id `to-string`."""
    project = tmp_path_factory.mktemp("prototype-ids")
    for name in ("data", "docs", "hooks", "macros", "overrides", "offline", "schema", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for path in list((project / "data").glob("*.yml")) + list((project / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("improvement-action", "constructor").replace("time-given", "to-string"), encoding="utf-8")
    (project / "docs" / "markers" / "improvement-action.md").rename(project / "docs" / "markers" / "constructor.md")
    site = tmp_path_factory.mktemp("prototype-site")
    server, url = serve(site)
    build_for(site, url, project)
    yield url
    server.shutdown()


def test_a_site_whose_ids_are_prototype_names_keeps_every_answer(browser, prototype_site):
    own_context = browser.new_context()  # the shared `page` checks requests against the shared site
    requests = []
    own_context.on("request", lambda request: requests.append(request.url))
    page = own_context.new_page()
    page.goto(prototype_site + "/markers/constructor/")
    expect(page.locator("li[data-question] fieldset")).to_have_count(5)
    answer(page, "to-string", "No", "kept under to-string")
    answer(page, "clear-leadership", "Partly", "kept under constructor")
    page.reload()
    expect(notes_box(page, "to-string")).to_have_value("kept under to-string")
    expect(question(page, "clear-leadership").get_by_label("Partly")).to_be_checked()
    expect(page.locator(".scr-checklist .scr-problem")).to_be_empty()
    assert not [k for k in everything_stored(page) if k.startswith(ASIDE)]
    page.goto(prototype_site + SUMMARY)
    expect(page.locator("[data-scr=total]")).to_contain_text("2 of 5 questions answered")
    out = export_json(page)
    assert {(a["markerId"], a["questionId"]) for a in out["answers"]} == {("constructor", "to-string"), ("constructor", "clear-leadership")}
    assert not requests_elsewhere(requests, prototype_site + "/")
    own_context.close()


def test_a_page_whose_data_cannot_be_fetched_says_so_and_loses_nothing(page: Page, base_url):
    """A dropped connection: the framework file the summary, comparison and papers pages share
    does not arrive. The page says so in plain words, and what was saved stays as it was."""
    open_marker(page, base_url)
    answer(page, "time-given", "Partly", "typed before the connection dropped")
    before = everything_stored(page)
    page.route("**/assets/framework.json", lambda route: route.abort())
    for path in (SUMMARY, "/compare/", "/meeting-papers/"):
        page.goto(base_url + path)
        problem = page.locator("[data-scr-load-problem]")
        expect(problem).to_be_visible()
        expect(problem).to_have_text("This page could not load everything it needs from the site. Check your "
                                     "connection, then reload the page. Your saved answers are safe in this browser.")
        assert everything_stored(page) == before
    page.unroute("**/assets/framework.json")
    page.reload()
    expect(page.locator("[data-scr-load-problem]")).to_be_hidden()
    page.goto(base_url + SUMMARY)
    expect(page.locator(".scr-discuss")).to_contain_text("typed before the connection dropped")
