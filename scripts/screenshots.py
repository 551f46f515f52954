"""Screenshots of the built site for review, as `make screenshots` makes them.

    python scripts/screenshots.py [SITE_DIR] [OUT_DIR]      # defaults: site, build/screenshots

Serves SITE_DIR (built by `make build`) on a free local port and opens it in Chromium (the
system's, as the tests do): the home page, marker 15 with its checklist answered, the summary
page of those answers, the templates and About, each at 1280 and 375 CSS pixels wide, as
full-page PNG files named <page>-<width>.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_FLAGS, serve  # noqa: E402

PAGES = {
    "home": "/",
    "marker-15": "/markers/improvement-action/",
    "summary": "/self-assessment/",
    "templates": "/templates/",
    "about": "/about/",
}
WIDTHS = (1280, 375)
# Marker 15 answered as a lead reviewer might: each response once, with notes.
ANSWERS = {
    "coherent-mechanism": ("Yes", "Action plan agreed at the board meeting of 3 March (minutes, item 4)."),
    "clear-leadership": ("Partly", "The chair leads; agencies have not named their own leads yet."),
    "time-given": ("No", "Ten minutes at the end of a long agenda."),
    "linked-to-framework": ("Not applicable", "The partnership has no learning framework yet."),
}


def answer_marker_15(page, base: str) -> None:
    page.goto(base + PAGES["marker-15"])
    for question, (response, notes) in ANSWERS.items():
        item = page.locator(f'li[data-question="{question}"]')
        item.get_by_label(response, exact=True).check()
        item.get_by_label("Notes and evidence").fill(notes)
    judgement = page.locator("[data-judgement]")
    judgement.get_by_label("Partly", exact=True).check()
    judgement.get_by_label("Notes and evidence").fill("Sound plan; too little time and leadership to carry it out.")
    page.get_by_text("Saved").first.wait_for()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0] if argv else "site").resolve()
    out = Path(argv[1] if len(argv) > 1 else "build/screenshots").resolve()
    if not (site / "index.html").exists():
        sys.stderr.write(f"No built site in {site}: run `make build` first.\n")
        return 1
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            answer_marker_15(page, base)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target)
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
