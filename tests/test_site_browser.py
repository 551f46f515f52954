"""The built site in Chromium: what a reader sees on the home page and a marker page."""

from tests.conftest import axe_violations


def test_home_page_is_accessible(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Serious Case Review Quality Markers"
    assert axe_violations(page) == []


def test_marker_page_is_accessible(page, base_url):
    page.goto(base_url + "/markers/improvement-action/")
    assert axe_violations(page) == []
