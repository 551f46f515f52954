"""The look, measured in Chromium (issue 14): what `make screenshots` shows for review, checked
where it can be measured. Targets of radio buttons and checkboxes at least 24 by 24 CSS px;
each question's legend inside its box, not on its border; no sideways scrolling at 320 px;
headings at least 7:1 against their background; destructive buttons styled apart; messages
next to the control that caused them; help with answering; the summary page's contents; and
axe on every page with answers filled in."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.checklist_helpers import KEY, MARKER, QUESTIONS, SUMMARY, answer, open_marker, open_summary, restore, saved
from tests.conftest import axe_failures

TEMPLATE = "/templates/board-agenda/"


@pytest.fixture
def answered(page: Page, base_url: str, answered_storage) -> Page:
    """A page whose browser holds marker 15 answered (answer_everything, done once for the run)."""
    restore(page, base_url, answered_storage)
    return page


# Relative luminance and contrast ratio, as WCAG defines them.
def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def rgb(css: str) -> tuple[float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)[:4]]
    assert len(values) == 3 or values[3] == 1, f"a colour with transparency: {css}"
    return tuple(values[:3])


# Each heading's colour and the first opaque background behind it.
HEADING_COLOURS = """() => [...document.querySelectorAll("article :is(h1, h2, h3)")]
  .filter((h) => h.getClientRects().length)
  .map((h) => {
    let el = h, bg = "rgb(255, 255, 255)";
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") { bg = c; break; }
    }
    return { text: h.textContent.trim(), color: getComputedStyle(h).color, background: bg };
  })"""

TARGETS = """() => [...document.querySelectorAll("input[type=radio], input[type=checkbox]")]
  .filter((i) => i.getClientRects().length)
  .map((i) => { const r = i.getBoundingClientRect(); return { id: i.id || i.name, width: r.width, height: r.height }; })"""

LEGENDS = """() => [...document.querySelectorAll(".scr-checklist fieldset")].map((f) => {
  const box = f.getBoundingClientRect(), legend = f.querySelector(":scope > legend").getBoundingClientRect();
  const border = parseFloat(getComputedStyle(f).borderTopWidth);
  return { text: f.querySelector("legend").textContent, inside: legend.top >= box.top + border &&
    legend.bottom <= box.bottom && legend.left >= box.left && legend.right <= box.right };
})"""


@pytest.mark.parametrize("width", [1280, 375])
def test_every_radio_and_checkbox_is_at_least_24_by_24(answered: Page, base_url, width):
    answered.set_viewport_size({"width": width, "height": 900})
    for path in (MARKER, "/meeting-papers/", "/compare/"):
        answered.goto(base_url + path)
        answered.wait_for_load_state("networkidle")
        if path == "/meeting-papers/":
            answered.get_by_role("button", name="Add a finding").click()  # its decision is a radio group
            expect(answered.locator("[data-finding] input[type=radio]").first).to_be_visible()
        targets = answered.evaluate(TARGETS)
        assert len(targets) >= (5 * 4 + 4 if path == MARKER else 1), path
        small = [t for t in targets if t["width"] < 24 or t["height"] < 24]
        assert not small, f"{path} at {width}px: targets under 24 by 24 px: {small}"


@pytest.mark.parametrize("width", [1280, 375])
def test_each_question_legend_is_inside_its_box(answered: Page, base_url, width):
    answered.set_viewport_size({"width": width, "height": 900})
    answered.goto(base_url + MARKER)
    legends = answered.evaluate(LEGENDS)
    assert len(legends) == len(QUESTIONS) + 1, "the questions and the judgement"
    assert all(legend["inside"] for legend in legends), legends
    # The number of each question is in its legend, inside the box, not a list marker outside it.
    number = answered.locator("#q-coherent-mechanism legend").evaluate("el => getComputedStyle(el, '::before').content")
    assert number not in ("none", "normal", ""), number
    assert answered.evaluate("() => getComputedStyle(document.querySelector('#q-coherent-mechanism')).listStyleType") == "none"


def test_no_sideways_scrolling_at_320_pixels_with_answers(answered: Page, base_url):
    answered.set_viewport_size({"width": 320, "height": 640})
    for path in ("/", MARKER, SUMMARY, TEMPLATE, "/about/"):
        answered.goto(base_url + path)
        answered.wait_for_load_state("networkidle")
        overflow = answered.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    # The header names the site in full on a phone: wrapped, not cut off.
    answered.set_viewport_size({"width": 375, "height": 640})
    answered.goto(base_url + "/")
    title = answered.locator(".md-header__topic").first
    assert title.evaluate("el => el.scrollWidth <= el.clientWidth")


def test_headings_contrast_at_least_7_to_1(answered: Page, base_url):
    for path in ("/", MARKER, SUMMARY, TEMPLATE, "/about/"):
        answered.goto(base_url + path)
        answered.wait_for_load_state("networkidle")
        headings = answered.evaluate(HEADING_COLOURS)
        assert headings, path
        for h in headings:
            ratio = contrast(rgb(h["color"]), rgb(h["background"]))
            assert ratio >= 7, f"{path}: heading “{h['text']}” is {ratio:.2f}:1 ({h['color']} on {h['background']})"
        # Strong, not light: the title is bold.
        assert int(answered.evaluate("getComputedStyle(document.querySelector('article h1')).fontWeight")) >= 700


STYLE = """el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.borderTopColor].join(" / "); }"""


def test_destructive_buttons_have_their_own_style(answered: Page, base_url):
    open_summary(answered, base_url)
    answered.get_by_label("Name of a new review").fill("Second")
    answered.get_by_role("button", name="Start a new review").click()
    warning = answered.locator(".scr-button-warning")
    expect(warning).to_have_count(3)  # Delete for each of two reviews, and Clear all
    assert answered.get_by_role("button", name="Clear all data on this device").evaluate("el => el.matches('.scr-button-warning')")
    assert all(b.evaluate("el => el.matches('.scr-button-warning')") for b in answered.get_by_role("button", name=re.compile("^Delete")).all())
    destructive = {b.evaluate(STYLE) for b in warning.all()}
    others = {b.evaluate(STYLE) for b in answered.locator("#scr-summary button:not(.scr-button-warning)").all() if b.is_visible()}
    assert len(destructive) == 1 and len(others) >= 2, (destructive, others)
    assert not destructive & others, "a destructive button looks like another"
    # And a destructive button's text is readable (AA).
    background, colour = (rgb(part) for part in next(iter(destructive)).split(" / ")[:2])
    assert contrast(background, colour) >= 4.5


def test_clear_all_says_what_it_did_next_to_the_button(answered: Page, base_url):
    open_summary(answered, base_url)
    button = answered.get_by_role("button", name="Clear all data on this device")
    button.scroll_into_view_if_needed()
    answered.once("dialog", lambda d: d.accept())
    button.click()
    status = answered.locator("[data-scr-area]:has([data-scr-action=clear-all]) [role=status]")
    expect(status).to_have_text("All data on this device was cleared, and a new review was started.")
    expect(status).to_be_in_viewport()
    expect(answered.locator("[data-scr=status]")).to_be_empty()
    gap = answered.evaluate("""() => document.querySelector("[data-scr-area]:has([data-scr-action=clear-all]) [role=status]")
      .getBoundingClientRect().top - document.querySelector("[data-scr-action=clear-all]").getBoundingClientRect().bottom""")
    assert 0 <= gap < 100


def test_help_with_answering_and_what_next(page: Page, base_url):
    open_marker(page, base_url)
    q = page.locator("#q-time-given")
    fieldset = q.locator("fieldset")
    hint = page.locator("#" + fieldset.get_attribute("aria-describedby"))
    expect(hint).to_contain_text("Partly:")
    expect(hint).to_contain_text("Not applicable:")
    notes = q.get_by_label("Notes and evidence")
    expect(page.locator("#" + notes.get_attribute("aria-describedby"))).to_contain_text("Do not record names")
    # After the checklist and the judgement: what next.
    after = page.locator(".scr-next")
    expect(after).to_be_visible()
    expect(after.get_by_role("link", name="My self-assessment")).to_be_visible()
    assert page.evaluate("""() => document.querySelector("[data-judgement]")
      .compareDocumentPosition(document.querySelector(".scr-next")) & Node.DOCUMENT_POSITION_FOLLOWING""")
    # The judgement has the same help.
    expect(page.locator("[data-judgement] .scr-hint").first).to_contain_text("Partly:")


def test_summary_page_warns_how_answers_are_lost_and_has_contents(page: Page, base_url):
    open_summary(page, base_url)
    warning = page.locator("[data-scr=keep-a-copy]")
    for words in ("private", "work laptops", "clears this browser's data", "Download a copy"):
        expect(warning).to_contain_text(words)
    contents = page.locator(".md-sidebar--secondary nav")
    for heading in ("Current review", "Points for the board to discuss", "Meeting papers",
                    "Download, print or import", "Clear all data on this device"):
        expect(contents.get_by_role("link", name=heading, exact=True)).to_be_attached()


def test_reminder_to_download_a_copy_after_a_week(page: Page, base_url):
    """Answers changed more than a week after the last download (here: never downloaded)
    bring a reminder; downloading a copy records the time and the reminder goes."""
    open_marker(page, base_url)
    answer(page, "time-given", "No", "old answer")
    data = saved(page)
    old = "2020-01-01T10:00:00.000Z"
    for review in data["reviews"]:
        for questions in review["answers"].values():
            for a in questions.values():
                a["updated"] = old
        assert "downloaded" not in review
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(data)])
    open_summary(page, base_url)
    reminder = page.locator("[data-scr=reminder]")
    expect(reminder).to_be_visible()
    with page.expect_download():
        reminder.get_by_role("button", name="Download a copy now").click()
    expect(reminder).to_be_hidden()
    current = next(r for r in saved(page)["reviews"] if r["id"] == saved(page)["current"])
    assert current["downloaded"] > old
    page.reload()
    expect(page.locator("#current-review")).to_be_visible()
    expect(reminder).to_be_hidden()


def test_home_page_starts_with_three_tasks_and_marker_15(page: Page, base_url):
    page.goto(base_url + "/")
    tasks = page.locator(".scr-task h3")
    expect(tasks).to_have_text(["Read a marker", "Assess a review", "Prepare the board meeting"])
    feature = page.locator(".scr-feature")
    expect(feature.get_by_role("link", name="Read and assess marker 15")).to_be_visible()
    # Before the list of markers, within the first screen and a half.
    assert feature.bounding_box()["y"] < page.locator("#stage-review-setup").bounding_box()["y"]
    expect(page.locator("article").get_by_role("link", name="Then and now")).to_be_visible()


def test_axe_finds_nothing_at_375_pixels_with_answers_filled_in(answered: Page, base_url):
    """The pages of the screenshots (the layout differs, not the markup); every page at 1280 px
    is checked in test_site_quality.py."""
    answered.set_viewport_size({"width": 375, "height": 900})
    paths = ("/", MARKER, SUMMARY, "/templates/", TEMPLATE, "/about/")
    assert axe_failures(answered, base_url, paths) == {}
