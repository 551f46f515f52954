"""The template pages in Chromium, used as a board manager would: from the marker page to a
template, downloading it with the keyboard, and no accessibility violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations


@pytest.mark.parametrize("path", ["/templates/", "/templates/board-agenda/", "/templates/action-plan/"])
def test_template_pages_are_accessible(page, base_url, path):
    page.goto(base_url + path)
    assert axe_violations(page) == []


def test_from_the_marker_page_to_a_template_and_its_download(page, base_url, built_site):
    page.goto(base_url + "/markers/improvement-action/")
    page.get_by_role("link", name="Improvement action plan").first.click()
    page.wait_for_url("**/templates/action-plan/")
    # Instant navigation changes the address before it swaps the content: wait for the page.
    expect(page.locator("h1")).to_have_text("Improvement action plan")
    expect(page.get_by_role("columnheader", name="Success measure")).to_be_visible()
    # Reach the Word download with the keyboard and press Enter.
    link = page.get_by_role("link", name="Word document (.docx")
    for _ in range(80):
        if link.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the Word download link cannot be reached with the Tab key")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "action-plan.docx"
    expected = (built_site / "templates" / "action-plan" / "action-plan.docx").read_bytes()
    with open(download.path(), "rb") as f:
        assert f.read() == expected


def test_wide_plan_table_scrolls_in_a_region_the_keyboard_can_reach(page, base_url):
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(base_url + "/templates/action-plan/")
    region = page.get_by_role("region", name="Actions")
    assert region.get_attribute("tabindex") == "0"
    region.focus()
    page.keyboard.press("ArrowRight")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
