"""Every page of the built site in Chromium: accessibility (axe, skip link, headings, focus,
reflow at 320 px), the Content-Security-Policy, no cookies, no request to another host and
what prints. The list of pages is read from the build, so pages added later are covered too.
Each page is opened once for all of these (`every_page`), as opening and checking 30 pages
takes a while."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checklist_helpers import restore
from tests.conftest import axe_failures, axe_violations, requests_elsewhere

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")

# Collects CSP violations before any page script runs (Playwright's init scripts are exempt from CSP).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the build as a URL path."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


@pytest.fixture(scope="module")
def pages(built_site) -> list[str]:
    found = site_pages(built_site)
    assert "/" in found and "/markers/improvement-action/" in found and "/about/" in found
    return found


# Elements that must not print.
NOT_PRINTED = (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".scr-pager", "button")
# Which of `selectors` match an element that is visible (as Playwright's is_visible: a box, not hidden).
VISIBLE = """selectors => selectors.filter((s) => [...document.querySelectorAll(s)].some((el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
}))"""
HEADING_LEVELS = """() => [...document.querySelectorAll(
  "article h1, article h2, article h3, article h4, article h5, article h6")].map((h) => Number(h.tagName[1]))"""


@pytest.fixture(scope="module")
def every_page(browser, base_url, pages, answered_storage) -> dict[str, dict]:
    """Every page opened once, with marker 15 answered, and what the tests below check on it:
    the policy, CSP violations and cookies, axe at 1280 px, heading levels, sideways scrolling
    at 320 px (400% zoom of a 1280 px window) and what prints."""
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    restore(page, base_url, answered_storage)
    page.add_init_script(WATCH_CSP)
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    found = {}
    for path in pages:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        found[path] = {
            "policy": page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content"),
            "violations": page.evaluate("window.__cspViolations"),
            "cookie": page.evaluate("document.cookie"),
            "headings": page.evaluate(HEADING_LEVELS),
            "axe": axe_violations(page),
        }
        page.emulate_media(media="print")
        found[path]["printed"] = page.evaluate(VISIBLE, list(NOT_PRINTED))
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 320, "height": 640})
        found[path]["overflow"] = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    found["(all)"] = {"cookies": context.cookies(), "console": console_errors,
                      "requests elsewhere": requests_elsewhere(requests, base_url + "/")}
    context.close()
    return found


def test_every_page_has_the_policy_no_violations_and_no_cookies(every_page, pages):
    for path in pages:
        assert every_page[path]["policy"] == CSP, path
        assert every_page[path]["violations"] == [], path
        assert every_page[path]["cookie"] == "", path
    run = every_page["(all)"]
    assert run["cookies"] == []
    assert [e for e in run["console"] if "Content Security Policy" in e or "Refused" in e] == []
    assert run["requests elsewhere"] == []


def test_every_page_passes_axe_with_answers_filled_in(every_page, pages):
    assert {path: every_page[path]["axe"] for path in pages if every_page[path]["axe"]} == {}


def test_pages_that_show_saved_answers_pass_axe_with_nothing_saved(page, base_url):
    """Only these pages change with what is saved; every page is checked with answers above."""
    assert axe_failures(page, base_url, ["/markers/improvement-action/", "/markers/referral/", "/self-assessment/",
                                         "/compare/"]) == {}


def test_every_page_reflows_at_320_pixels(every_page, pages):
    """400% zoom of a 1280 px window: no horizontal scrolling of text."""
    for path in pages:
        overflow = every_page[path]["overflow"]
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_headings_start_at_one_h1_and_never_skip_a_level(every_page, pages):
    for path in pages:
        levels = every_page[path]["headings"]
        assert levels and levels[0] == 1 and levels.count(1) == 1, path
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path}: h{before} followed by h{after}"


def test_skip_link_is_first_and_moves_focus_to_the_content(page, base_url):
    page.goto(base_url + "/markers/improvement-action/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused[0] == "Skip to content"
    page.keyboard.press("Enter")
    target = focused[1].split("#")[-1]
    assert page.locator(f"[id='{target}']").count() == 1
    assert page.evaluate("location.hash") == f"#{target}"


def test_focus_is_clearly_visible(page, base_url):
    page.goto(base_url + "/about/")
    page.keyboard.press("Tab")
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow};
    }""")
    assert style["outline"] != "none" and style["width"] >= 2
    assert style["shadow"] != "none"


def test_pages_print_without_navigation_and_with_link_addresses(every_page, pages, page, base_url):
    for path in pages:
        assert every_page[path]["printed"] == [], f"{path}: these print"
    page.emulate_media(media="print")
    page.goto(base_url + "/markers/referral/")
    link = page.locator("article a[href^='https://www.scie.org.uk']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.scie.org.uk/safeguarding/children/case-reviews/quality-markers/settingup/referral/" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
