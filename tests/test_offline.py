"""The offline copy: the zip linked from the site, unpacked and opened from disk (file://):
no instant navigation, pages end in .html, and our modules run as the classic-script bundle."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import requests_elsewhere
from tests.test_build import assert_nothing_holds_the_parser
from tests.test_links import broken_links, site_links

OFFLINE_ZIP = "downloads/scr-quality-markers-offline.zip"


@pytest.fixture(scope="module")
def offline_copy(built_site, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / "scr-quality-markers"


@pytest.fixture
def disk_page(browser, offline_copy):
    """A page in its own context that may read only files of the unpacked copy."""
    context = browser.new_context(accept_downloads=True)
    seen = []
    context.on("request", lambda r: seen.append(r.url))
    page = context.new_page()
    yield page
    context.close()
    assert requests_elsewhere(seen, offline_copy.as_uri() + "/") == []


def test_every_link_of_every_page_of_the_copy_resolves_on_disk(offline_copy):
    """Pages from disk end in .html: links written for the online site's folders would break."""
    broken, checked = broken_links(offline_copy, site_url="file:///nowhere/")
    assert checked > 100
    assert not broken, "\n".join(broken)
    downloads = [link.url for link in site_links(offline_copy, "file:///nowhere/") if link.download]
    assert len([u for u in downloads if u.endswith((".docx", ".odt", ".md"))]) >= 4 * 3 * 2  # each page and the list


def test_every_page_of_the_copy_carries_the_content_security_policy(offline_copy):
    pages = sorted(offline_copy.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'' in \
            page.read_text(encoding="utf-8"), page.relative_to(offline_copy)


def test_the_copys_scripts_are_deferred_like_the_sites(offline_copy):
    """Its classic scripts stand in for the site's modules, which are deferred: so are they, after the theme's bundle."""
    assert_nothing_holds_the_parser(offline_copy, "assets/offline/self-assessment.js")


def test_the_site_links_to_the_zip(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{OFFLINE_ZIP}" download>Download this site for offline use</a>' in home


def test_unpacked_copy_shows_a_marker_page_from_disk(disk_page, offline_copy):
    disk_page.goto((offline_copy / "index.html").as_uri())
    disk_page.get_by_role("link", name="Improvement action").first.click()
    assert disk_page.url.endswith("/markers/improvement-action.html")
    expect(disk_page.locator("h1")).to_have_text("Improvement action")
    assert disk_page.locator("ol.scr-questions li, li[data-question] fieldset").count() >= 5


def test_search_works_from_disk(disk_page, offline_copy):
    disk_page.goto((offline_copy / "about.html").as_uri())
    search = disk_page.get_by_role("textbox", name="Search")
    search.click()
    # The index loads in the background; the theme says so until it is ready.
    disk_page.get_by_text("Type to start searching").wait_for(timeout=10_000)
    search.press_sequentially("extraordinary")
    result = disk_page.locator(".md-search-result__item a[href*='improvement-action.html']").first
    result.wait_for(timeout=10_000)
    result.click()
    expect(disk_page.locator("h1")).to_have_text("Improvement action")


def test_offline_pages_have_no_download_link_to_themselves(offline_copy):
    assert "Download this site for offline use" not in (offline_copy / "index.html").read_text(encoding="utf-8")


def test_checklist_and_summary_work_from_disk(disk_page, offline_copy):
    page = disk_page
    page.goto((offline_copy / "markers" / "improvement-action.html").as_uri())
    expect(page.locator("li[data-question] fieldset")).to_have_count(5)
    q = page.locator("#q-time-given")
    q.get_by_label("No", exact=True).check()
    q.get_by_label("Notes and evidence").fill("answered offline")
    expect(q.get_by_role("status")).to_have_text("Saved")
    page.get_by_role("link", name="Change review, see the summary, download or import").click()
    expect(page).to_have_url((offline_copy / "self-assessment.html").as_uri())
    expect(page.locator("[data-scr=total]")).to_contain_text("1 of 5 questions answered")
    expect(page.locator(".scr-discuss")).to_contain_text("answered offline")
    page.get_by_role("link", name="Marker 15, Improvement action: question 3").click()
    expect(page).to_have_url((offline_copy / "markers" / "improvement-action.html").as_uri() + "#q-time-given")
    expect(page.locator("#q-time-given").get_by_label("Notes and evidence")).to_have_value("answered offline")
    page.reload()
    expect(page.locator("#q-time-given").get_by_label("No", exact=True)).to_be_checked()
    expect(page.locator("#q-time-given").get_by_label("Notes and evidence")).to_have_value("answered offline")


def test_meeting_papers_are_made_from_disk(disk_page, offline_copy, tmp_path):
    """file:// pages cannot fetch the templates: the copy carries them (both copies) in a script instead."""
    from tests.readback import read_docx

    page = disk_page
    page.goto((offline_copy / "markers" / "improvement-action.html").as_uri())
    q = page.locator("#q-time-given")
    q.get_by_label("Partly", exact=True).check()
    q.get_by_label("Notes and evidence").fill("Only twenty minutes & no papers")
    expect(q.get_by_role("status")).to_have_text("Saved")
    page.goto((offline_copy / "meeting-papers.html").as_uri())
    page.get_by_role("button", name="Add a finding").click()
    page.locator("[data-finding]").get_by_label("Short title").fill("Found offline")
    page.get_by_label("Partnership", exact=True).fill("Offline Partnership")
    page.get_by_label("Include an item on how the partnership ran this review").check()
    page.get_by_label("Include my notes and evidence with those answers").check()
    for copy in ("For members", "For the organiser"):
        page.get_by_label(copy).check()
        with page.expect_download() as info:
            page.get_by_role("button", name="Agenda (Word, .docx)").click()
        outline = read_docx(Path(info.value.path()).read_bytes())
        assert "Offline Partnership" in outline.text and "Only twenty minutes & no papers" in outline.text
        assert "F1: Found offline" in outline.text
        assert (copy == "For the organiser") == ("Marker question" in outline.rows("agenda")[0])
