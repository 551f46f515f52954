"""Every page of the built site in Chromium: accessibility (axe, skip link, headings, focus,
reflow at 320 px), the Content-Security-Policy, no cookies and no request to another host.
The list of pages is read from the build, so pages added later are covered too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import axe_failures

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


def test_every_page_has_the_policy_no_violations_and_no_cookies(page, context, base_url, pages, built_site):
    page.add_init_script(WATCH_CSP)
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    for path in pages:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") == CSP, path
        assert page.evaluate("window.__cspViolations") == [], path
        assert page.evaluate("document.cookie") == "", path
    assert context.cookies() == []
    assert [e for e in console_errors if "Content Security Policy" in e or "Refused" in e] == []


def test_every_page_passes_axe(page, base_url, pages):
    assert axe_failures(page, base_url, pages) == {}


def test_every_page_reflows_at_320_pixels(page, base_url, pages):
    """400% zoom of a 1280 px window: no horizontal scrolling of text."""
    page.set_viewport_size({"width": 320, "height": 640})
    for path in pages:
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_headings_start_at_one_h1_and_never_skip_a_level(page, base_url, pages):
    for path in pages:
        page.goto(base_url + path)
        levels = page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "hs => hs.map(h => Number(h.tagName[1]))")
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


def test_pages_print_without_navigation_and_with_link_addresses(page, base_url, pages, tmp_path):
    page.emulate_media(media="print")
    for path in pages:
        page.goto(base_url + path)
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".scr-pager", "button"):
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{path}: {selector} prints"
    page.goto(base_url + "/markers/referral/")
    link = page.locator("article a[href^='https://www.scie.org.uk']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.scie.org.uk/safeguarding/children/case-reviews/quality-markers/settingup/referral/" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
