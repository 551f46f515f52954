"""Our own JavaScript and CSS stay within each page's budget, gzipped (scripts/asset_size.py)."""

import importlib.util

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("asset_size", ROOT / "scripts" / "asset_size.py")
asset_size = importlib.util.module_from_spec(spec)
spec.loader.exec_module(asset_size)


def test_every_file_a_page_loads_is_counted():
    pages = asset_size.pages()
    guidance, summary = pages["guidance page"], pages["summary page"]
    # Each page's modules are served joined into one file (hooks/module_bundles.py).
    held = {path: asset_size.HELD.findall(text) for path, text in asset_size.bundles().items()}
    for path in ("assets/site.css", "assets/js/theme-globals.js", "assets/js/self-assessment.mjs"):
        assert path in guidance
    assert {"self-assessment.mjs", "store.mjs", "review.mjs", "dom.mjs", "merge.mjs"} == set(held["assets/js/self-assessment.mjs"])
    assert "assets/js/summary-page.mjs" not in guidance, "the summary page's code loads only there"
    for path in ("assets/js/summary-page.mjs", "assets/js/papers-page.mjs"):
        assert path in pages["summary page" if "summary" in path else "papers page"] and path not in guidance
    assert {"exchange.mjs", "summary-page.mjs"} <= set(held["assets/js/summary-page.mjs"])
    assert {"papers-page.mjs", "papers.mjs", "findings.mjs", "zip.mjs"} <= set(held["assets/js/papers-page.mjs"])
    assert "assets/papers.css" in pages["papers page"] and "assets/papers.css" not in summary
    assert "zip.mjs" not in held["assets/js/summary-page.mjs"], "the papers' code loads only on their page"
    assert "store.mjs" not in held["assets/js/summary-page.mjs"], "a module the page has loaded is not sent again"
    assert set(guidance) <= set(summary)
    assert "assets/js/compare-page.mjs" in pages["compare page"] and "assets/js/compare-page.mjs" not in summary
    assert set(pages) == set(asset_size.BUDGETS), "every kind of page has a budget"


def test_each_page_is_within_its_budget():
    for page, files in asset_size.pages().items():
        total = sum(asset_size.packed(path) for path in files)
        assert total <= asset_size.BUDGETS[page], f"{page}: {total:,} B gzipped; the budget is {asset_size.BUDGETS[page]:,} B"


def own_assets(urls: list[str], base_url: str) -> set[str]:
    """Our files among the requests: assets/*.css and assets/js/* (the theme's are in subfolders)."""
    paths = {u.removeprefix(base_url + "/").split("?")[0] for u in urls if u.startswith(base_url + "/assets/")}
    return {p for p in paths if p.startswith("assets/js/") or (p.count("/") == 1 and p.endswith(".css"))}


def test_the_counted_files_are_the_files_chromium_loads(page, base_url, requests_seen):
    """What the budget counts is what a browser really fetches, page by page."""
    from playwright.sync_api import expect

    page.goto(base_url + "/markers/improvement-action/")
    expect(page.locator("[data-judgement]")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    # The theme's globals come inside the theme's bundle (hooks/theme_globals.py), not on their own.
    assert asset_size.THEME_GLOBALS not in own_assets(requests_seen, base_url)
    assert own_assets(requests_seen, base_url) | {asset_size.THEME_GLOBALS} == set(asset_size.pages()["guidance page"])
    requests_seen.clear()
    page.goto(base_url + "/self-assessment/")
    expect(page.locator("[data-scr=overview] a").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert own_assets(requests_seen, base_url) | {asset_size.THEME_GLOBALS} == set(asset_size.pages()["summary page"])
    requests_seen.clear()
    page.goto(base_url + "/compare/")
    expect(page.locator("table.scr-comparison")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert own_assets(requests_seen, base_url) | {asset_size.THEME_GLOBALS} == set(asset_size.pages()["compare page"])
    requests_seen.clear()
    page.goto(base_url + "/meeting-papers/")
    expect(page.get_by_role("button", name="Add a finding")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert own_assets(requests_seen, base_url) | {asset_size.THEME_GLOBALS} == set(asset_size.pages()["papers page"])
