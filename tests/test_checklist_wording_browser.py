"""Saved answers across two builds of the site: a question reworded and another removed.

Both builds are served at the same origin (one server whose folder is switched), so the
browser's saved answers carry over as they would for a real user after an update. This
module serves its own sites: it overrides `base_url` (and the context arguments that use it)
so conftest's `context` fixture still fails the test if any request leaves that origin."""

from __future__ import annotations

import http.server
import re
import shutil
import socketserver
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.checklist_helpers import (
    MARKER, answer, build_for, current_answers, export_json, open_marker, open_summary, question,
)
from macros.content.markers import load_content
from tests.conftest import ROOT

OLD = "Is appropriate time been given to receive and respond to the report"
NEW = "Has appropriate time been given to receive and respond to the report"
VERSION = load_content().framework.content_version  # the site's wording now
CHANGED = VERSION + "-reworded"  # the wording after the edit below


class Site:
    """One local server whose folder can be switched between builds."""

    def __init__(self):
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site.folder), **kwargs)

            def log_message(self, *args):
                pass

            def end_headers(self):
                # Both builds can share a modification second: a cached page would pass for the new one.
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

        self.folder = Path(".")
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def changed_project(dest: Path) -> Path:
    """A copy of the project with one question reworded, one removed, and a new content version."""
    project = dest / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "tests", "__pycache__", ".pytest_cache"))
    markers = project / "data" / "markers.yml"
    text = markers.read_text(encoding="utf-8")
    assert OLD in " ".join(text.split())
    text = re.sub(r"Is appropriate time been given(\s+)to receive", r"Has appropriate time been given\1to receive", text)
    text = text.replace(f'content_version: "{VERSION}"', f'content_version: "{CHANGED}"')
    text, removed = re.subn(r"      - id: prioritised-response\n.*?(?=    knowledge_base:)", "", text, flags=re.S)
    assert removed == 1
    markers.write_text(text, encoding="utf-8")
    # The meeting templates name the questions they serve: they must follow the removal.
    templates = project / "data" / "templates.yml"
    if templates.exists():
        text = templates.read_text(encoding="utf-8").replace("serves: prioritised-response", "serves: linked-to-framework")
        templates.write_text(re.sub(r"^\s*- prioritised-response\n", "", text, flags=re.M), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The site as it is, and as it is after the edit, both built for one server's address."""
    tmp = tmp_path_factory.mktemp("wording")
    site = Site()
    folders = {}
    for name, project in [("before", ROOT), ("after", changed_project(tmp))]:
        folders[name] = tmp / name
        build_for(folders[name], site.url, project)
    site.folder = folders["before"]
    yield site, folders
    site.server.shutdown()


@pytest.fixture
def base_url(builds) -> str:
    return builds[0].url


@pytest.fixture
def browser_context_args(base_url) -> dict:
    return {"base_url": base_url}


def test_a_reworded_question_keeps_its_answer_and_a_removed_one_is_kept(page: Page, builds):
    site, folders = builds
    site.folder = folders["before"]
    open_marker(page, site.url)
    answer(page, "time-given", "Partly", "Only ten minutes")
    answer(page, "prioritised-response", "No", "Not linked to the business plan")

    site.folder = folders["after"]
    page.reload()
    expect(page.locator("li[data-question] fieldset")).to_have_count(4)
    q = question(page, "time-given")
    expect(q.locator("legend")).to_contain_text(NEW)
    expect(q.get_by_label("Partly")).to_be_checked()
    expect(q.get_by_label("Notes and evidence")).to_have_value("Only ten minutes")
    changed = q.locator(".scr-changed")
    expect(changed).to_be_visible()
    expect(changed).to_contain_text("The wording of this question has changed since you answered it")
    expect(changed).to_contain_text(OLD)
    expect(page.locator(".scr-progress")).to_have_text("1 of 4 questions answered. This marker is not judged yet.")
    assert current_answers(page)["prioritised-response"]["notes"] == "Not linked to the business plan"

    open_summary(page, site.url)
    items = page.locator(".scr-discuss > li")
    expect(items).to_have_count(2)
    expect(items.nth(1)).to_contain_text("a question no longer on this site")
    expect(items.nth(1)).to_contain_text("Has the LSCB prioritised its response")
    expect(items.nth(1)).to_contain_text("Not linked to the business plan")
    doc = export_json(page)
    assert doc["contentVersion"] == CHANGED
    by_id = {a["questionId"]: a for a in doc["answers"]}
    assert set(by_id) == {"time-given", "prioritised-response"}
    assert " ".join(by_id["time-given"]["questionText"].split()).startswith(OLD)
    assert by_id["time-given"]["contentVersion"] == VERSION
    assert by_id["prioritised-response"]["response"] == "no"

    # Working on the answer again records the wording the user now sees.
    page.goto(site.url + MARKER)
    q.get_by_label("Notes and evidence").fill("Only ten minutes; an extra meeting is booked")
    expect(q.get_by_role("status")).to_have_text("Saved")
    expect(q.locator(".scr-changed")).to_be_hidden()
    saved = current_answers(page)["time-given"]
    assert saved["questionText"].startswith(NEW) and saved["contentVersion"] == CHANGED
    assert page.url.endswith(MARKER)
