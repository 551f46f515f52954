"""Long lists on the summary page (longlist.mjs), in Chromium: a review with more answers than a
list shows at once draws the first ones, then more on request (keyboard and screen reader carry
on from the first new item), and every one of them when printed. The real site's lists are
short and drawn whole; a review with answers to 60 questions no longer on the site is long."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from tests.checklist_helpers import KEY, SUMMARY
from tests.conftest import axe_violations

WHEN = "2026-01-01T00:00:00.000Z"
OLD = 60  # answers to questions the site no longer has: all listed, all points for the board


def long_review() -> dict:
    answers = {f"old-question-{n}": {"response": "partly", "notes": f"Old note {n}.", "questionText": f"Old question {n}",
                                     "contentVersion": "1", "updated": WHEN} for n in range(1, OLD + 1)}
    review = {"id": "long", "name": "A long review", "created": WHEN, "updated": WHEN,
              "answers": {"improvement-action": answers}, "judgements": {}}
    return {"version": 1, "current": "long", "reviews": [review]}


def open_long(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.evaluate("([key, data]) => localStorage.setItem(key, data)", [KEY, json.dumps(long_review())])
    page.goto(base_url + SUMMARY)
    expect(page.locator("#current-review")).to_be_visible()


def test_a_long_list_is_drawn_in_pieces_on_request(page: Page, base_url):
    open_long(page, base_url)
    points = page.locator(".scr-discuss > li")
    expect(points).to_have_count(25)
    more = page.locator("[data-more-list=discuss]")
    expect(more).to_contain_text("35 more not shown yet.")
    assert axe_violations(page) == []
    # With the keyboard: the next 25, and focus on the first of them.
    more.get_by_role("button", name="Show the next 25").focus()
    page.keyboard.press("Enter")
    expect(points).to_have_count(50)
    expect(points.nth(25)).to_be_focused()
    expect(points.nth(25)).to_contain_text("Old note 26.")
    more.get_by_role("button", name="Show all 10 more points").click()
    expect(points).to_have_count(OLD)
    expect(more).to_have_count(0)
    # Drawn again (a change saved), the list keeps what the user asked to see.
    page.locator("#scr-rename").fill("Renamed long review")
    page.get_by_role("button", name="Rename").click()
    expect(page.locator("[data-scr=name]")).to_have_text("Renamed long review")
    expect(points).to_have_count(OLD)


def test_printing_draws_every_item(page: Page, base_url):
    open_long(page, base_url)
    expect(page.locator(".scr-discuss > li")).to_have_count(25)
    page.pdf()  # fires beforeprint, as printing from the browser does
    expect(page.locator(".scr-discuss > li")).to_have_count(OLD)
    expect(page.locator("[data-scr=record]")).to_contain_text(f"Old note {OLD}.")
    expect(page.locator("[data-more-list]")).to_have_count(0)
