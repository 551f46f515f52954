"""The "My self-assessment" page: pure functions, tested without MkDocs.

The page's script (docs/assets/js/self-assessment.mjs) needs the stages, markers and questions to
count answers and list the points to discuss, as do the comparison and meeting papers pages. On
the site they are one file the three pages share (`framework_file`), which the browser fetches
alongside the page: with hundreds of markers, reading them inside the page's HTML held the whole
page up. The offline copy cannot fetch files from disk, so there they go into the page as JSON in
a `data-` attribute of the element the script fills in, HTML-escaped so no text can end it early.

Not a `<script type="application/json">` island: Material's instant navigation re-creates
every inline script of the new page with its text only, dropping `type` and `id`, so the
browser would then run the JSON as JavaScript and the script could not find it.
"""

from __future__ import annotations

import json
from typing import Callable

from mkdocs.utils import get_relative_url

from macros.content.markers import Content, FullMarker
from macros.pages.markdown import esc, esc_md
from macros.pages.problems import load_problem_box, problem_box
from macros.pages.markers import marker_label, marker_path, stage_label

ROOT_ID = "scr-summary"


def framework_data(content: Content, marker_url: Callable[[str], str]) -> dict:
    """What the summary script needs: the content version, and the stages with their
    markers (number, title, address) and each marker's questions (id and text)."""
    return {
        "contentVersion": content.framework.content_version,
        "stages": [
            {
                "id": stage.id,
                "title": stage.title,
                "label": stage_label(content, stage.id),
                "markers": [
                    {
                        "id": m.id,
                        "number": m.number,
                        "title": m.title,
                        "url": marker_url(m.id),
                        "questions": [{"id": q.id, "text": q.text, "short": q.short or ""} for q in m.questions]
                        if isinstance(m, FullMarker) else [],
                    }
                    for m in content.markers_in(stage.id)
                ],
            }
            for stage in content.stages
        ],
    }


# Where the site's pages find the framework (`framework_file`); the pages list it as a `page_assets`
# (front matter), so the browser asks for it with the page.
FRAMEWORK_FILE = "assets/framework.json"


def framework_file(content: Content) -> bytes:
    """The framework for the site's pages' scripts, its marker addresses written from the
    site's root (the script puts the page's way to the root in front of them)."""
    data = framework_data(content, lambda marker_id: marker_url(marker_id, ""))
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def framework_source(content: Content, marker_url: Callable[[str], str], from_site: tuple[str, str] | None) -> str:
    """The attributes that give a page's script the framework. `from_site`, on the site: the
    addresses of the shared file and of the site's root, from the page. Without it (the offline
    copy), the data itself, its marker addresses from the page."""
    if from_site:
        file_url, root_url = from_site
        return f'data-framework-file="{esc(file_url)}" data-site="{esc(root_url)}"'
    return f'data-framework="{data_attribute(framework_data(content, marker_url))}"'


def data_attribute(data: dict) -> str:
    """`data` as JSON for an HTML attribute value in double quotes (read back with
    `element.dataset`); every `<`, `>`, `&` and quote is escaped."""
    return esc(json.dumps(data, ensure_ascii=True, separators=(",", ":")))


def page_url(page: str, from_url: str, use_directory_urls: bool = True) -> str:
    """The address of the page whose file is `docs/<page>.md`, relative to the page at
    `from_url`, as MkDocs writes it (pages end in .html in the offline copy)."""
    return get_relative_url(f"{page}/" if use_directory_urls else f"{page}.html", from_url)


def marker_url(marker_id: str, from_url: str, use_directory_urls: bool = True) -> str:
    """The address of a marker's page relative to the page at `from_url`."""
    return page_url(f"markers/{marker_id}", from_url, use_directory_urls)


# What the summary page's script fills in or acts on: `data-scr` marks a part it fills,
# `data-scr-action` a button it handles. Hidden until the script shows it, so readers
# without JavaScript see only the note above it. The root is `markdown="1"` (md_in_html) and
# the section headings are Markdown, so they reach the table of contents (raw HTML headings
# do not). A `data-scr-area` holds its own status line: a message about what a control did
# appears next to it (summary-page.mjs).
WARNING = (
    '<div class="scr-warning" data-scr="keep-a-copy"><p><strong><span class="scr-visually-hidden">Warning: </span>'
    "Your answers can be lost.</strong> They are kept only in this browser, on this device. They are deleted "
    "when you close a private or incognito window, by work laptops that clear browser data when you sign out, "
    "and when anyone clears this browser's data (“cookies and site data”). Download a copy as JSON when you "
    "finish a session, and keep it somewhere safe.</p></div>"
)
REMINDER = (
    '<div class="scr-warning scr-noprint" data-scr="reminder" hidden><p><strong><span class="scr-visually-hidden">'
    "Warning: </span>Download a copy of this review.</strong> Some of its answers were changed more than a week "
    "ago and are not in any copy you have downloaded from this page. If this browser's data is cleared, they are "
    'lost.</p><p><button type="button" class="md-button md-button--primary" data-scr-action="export-json">'
    "Download a copy now</button></p></div>"
)
NEAR_STATUS = '<p class="scr-status" role="status" data-scr="near-status"></p>'

SKELETON = f"""\
<p class="scr-print-header" data-scr="print-header"></p>
{problem_box()}
<p class="scr-status" role="status" data-scr="status"></p>

## Current review {{#current-review}}

<p>You are working on: <strong data-scr="name"></strong></p>
<p data-scr="total"></p>
{REMINDER}
<form class="scr-form scr-noprint" data-scr-form="rename" data-scr-area><label for="scr-rename">New name for this review</label>\
<input id="scr-rename" name="name" autocomplete="off" maxlength="200"><button class="md-button">Rename</button>{NEAR_STATUS}</form>

## The framework at a glance {{#overview}}

<p>Your judgement on each marker, stage by stage. Each marker links to its page, where you record it.</p>
<div data-scr="overview"></div>

## Answers by stage and marker {{#by-marker}}

<div data-scr="stages"></div>

## Points for the board to discuss {{#to-discuss}}

<p>Every marker judged, and every question answered, Partly or No, with your notes and evidence.</p>
<div data-scr="discuss"></div>

## Every answer and judgement {{#record}}

<p>The complete record of this review, marker by marker, as it prints.</p>
<div data-scr="record"></div>

## Meeting papers {{#meeting-papers}}

<p>To make the agenda and the action plan for the board meeting, list the review's findings on \
<a href="{{PAPERS}}">Findings and meeting papers</a>. Its agenda can have an item on how the partnership ran this \
review, from the answers here.</p>

<div class="scr-noprint" markdown="1">

## Download, print or import {{#download}}

{WARNING}
<p>Files are made in your browser and nothing is sent anywhere. Keep them safe: they hold what you wrote.</p>
<p><button type="button" class="md-button md-button--primary" data-scr-action="export-json">Download as JSON (to import later)</button>
<button type="button" class="md-button" data-scr-action="export-csv">Download as CSV (for Excel or LibreOffice)</button>
<button type="button" class="md-button" data-scr-action="print">Print this summary</button></p>
<div data-scr-area>
<p><label for="scr-import">Import a review from a JSON file downloaded from this site</label>
<input id="scr-import" type="file" accept=".json,application/json" data-scr="import"></p>
<div class="scr-problem" role="alert" data-scr="import-error"></div>
<div class="scr-preview" data-scr="preview" hidden markdown="0"><h3 id="scr-preview">Check this file before you import it</h3>
<dl data-scr="preview-list"></dl>
<p>It will be added as a new review. Nothing already saved will change.</p>
<p><button type="button" class="md-button md-button--primary" data-scr-action="import-confirm">Import as a new review</button>
<button type="button" class="md-button" data-scr-action="import-cancel">Cancel</button></p></div>
{NEAR_STATUS}
</div>

## Your reviews in this browser {{#reviews}}

<div data-scr-area>
<ul class="scr-reviews" data-scr="reviews"></ul>
{NEAR_STATUS}
</div>
<p>To see several reviews side by side, marker by marker, use <a href="{{COMPARE}}">Compare reviews</a>.</p>
<form class="scr-form" data-scr-form="new"><label for="scr-new">Name of a new review, for example \
“Child H review, 2026”</label><input id="scr-new" name="name" autocomplete="off" maxlength="200">\
<button class="md-button md-button--primary">Start a new review</button></form>
<div data-scr="aside" hidden markdown="0"><h3>Damaged data kept aside</h3>
<p>Saved data that could not be read is kept here unchanged (<span data-scr="aside-count"></span>), \
for someone who can help.</p>
<p><button type="button" class="md-button" data-scr-action="download-aside">Download the damaged data</button></p></div>

## Clear all data on this device {{#clear-all}}

<div data-scr-area>
<p>This deletes every review and answer this site has saved in this browser. Download anything you want to keep first.</p>
<p><button type="button" class="md-button scr-button-warning" data-scr-action="clear-all">Clear all data on this device</button></p>
{NEAR_STATUS}
</div>

</div>"""


def summary_page(content: Content, marker_url: Callable[[str], str], compare_url: str = "../compare/",
                 papers_url: str = "../meeting-papers/", from_site: tuple[str, str] | None = None) -> str:
    """The body of the summary page (its file is at the top of docs/): a note and links for
    readers without JavaScript, and the parts the script fills in, holding the data."""
    links = "\n".join(f"- [{esc_md(marker_label(m))}]({marker_path(m.id)})" for m in content.full_markers())
    # md_in_html: the links stay Markdown, so a strict build checks them.
    nojs = (
        f'<div class="scr-nojs" markdown>\n{load_problem_box()}\n\n'
        "This page shows the answers you saved in this browser, and lets you download, print and "
        "import them. It needs JavaScript, which is turned off or blocked in this browser. "
        "You can still read every question on the marker pages:\n\n"
        f"{links}\n\n</div>"
    )
    data = framework_source(content, marker_url, from_site)
    return f'{nojs}\n\n<div id="{ROOT_ID}" class="scr-summary" {data} hidden markdown="1">\n{SKELETON.replace("{PAPERS}", esc(papers_url)).replace("{COMPARE}", esc(compare_url))}\n</div>\n'
