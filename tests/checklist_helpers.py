"""Helpers for the browser tests of the self-assessment checklist and summary page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import ROOT

MARKER = "/markers/improvement-action/"
SUMMARY = "/self-assessment/"
# The localStorage key of the saved answers of a site served at the root of its host.
KEY = "scr-qm:/:data"
QUESTIONS = ["coherent-mechanism", "clear-leadership", "time-given", "linked-to-framework", "prioritised-response"]


def open_marker(page: Page, base_url: str) -> None:
    page.goto(base_url + MARKER)
    expect(page.locator("li[data-question] fieldset")).to_have_count(len(QUESTIONS))


def open_summary(page: Page, base_url: str) -> None:
    page.goto(base_url + SUMMARY)
    expect(page.locator("#current-review")).to_be_visible()


def question(page: Page, question_id: str):
    return page.locator(f"#q-{question_id}")


def answer(page: Page, question_id: str, response: str | None = None, notes: str | None = None) -> None:
    """Answers one question on a marker page (with the mouse: keyboard use has its own test)."""
    q = question(page, question_id)
    if response:
        q.get_by_label(response, exact=True).check()
    if notes is not None:
        q.get_by_label("Notes and evidence").fill(notes)
    expect(q.get_by_role("status")).to_have_text("Saved")


# How `answer_everything` answers marker 15's questions, in order.
RESPONSES = ["Yes", "Partly", "No", "Not applicable", "Partly"]


def answer_everything(page: Page, base_url: str) -> None:
    """Marker 15's questions and its judgement, answered with notes, as in the screenshots."""
    open_marker(page, base_url)
    for question_id, response in zip(QUESTIONS, RESPONSES):
        answer(page, question_id, response, f"Evidence for {question_id}")
    judgement = page.locator("[data-judgement]")
    judgement.get_by_label("Partly", exact=True).check()
    expect(judgement.get_by_role("status")).to_have_text("Saved")


def storage(page: Page) -> list:
    """Everything the page's site keeps in this browser: local and session storage."""
    return page.evaluate("() => [Object.entries(localStorage), Object.entries(sessionStorage)]")


def restore(page: Page, base_url: str, kept: list) -> None:
    """Puts `storage(...)` of another page into this page's browser, as if it had saved it."""
    page.goto(base_url + "/")
    page.evaluate("""([local, session]) => {
        for (const [k, v] of local) localStorage.setItem(k, v);
        for (const [k, v] of session) sessionStorage.setItem(k, v);
    }""", kept)


def saved(page: Page) -> dict:
    """The saved data, as the page's script wrote it."""
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY)


def current_answers(page: Page) -> dict:
    data = saved(page)
    review = next(r for r in data["reviews"] if r["id"] == data["current"])
    return review["answers"].get("improvement-action", {})


def everything_stored(page: Page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def download(page: Page, button_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    d = info.value
    return d.suggested_filename, open(d.path(), "rb").read()


def export_json(page: Page) -> dict:
    name, body = download(page, "Download as JSON (to import later)")
    assert name.endswith(".json")
    return json.loads(body)


def build_for(dest: Path, url: str, project: Path = ROOT) -> None:
    """A strict build of `project`'s site into `dest` for the address `url`, with no warnings.

    Material's instant navigation only follows links whose address, port included, is in the
    sitemap; the shared `built_site` is built for the default address, so on the test
    server's port every click is a full page load. These tests need instant navigation.
    """
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url + "/"},
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
