"""The "Compare reviews" page: pure functions, tested without MkDocs.

Its script (docs/assets/js/compare-page.mjs) lays several reviews side by side, from this
browser and from JSON files, using the same framework data as the summary page.
"""

from __future__ import annotations

from typing import Callable

from macros.content.markers import Content
from macros.pages.markdown import esc
from macros.pages.problems import load_problem_box, problem_box
from macros.pages.self_assessment import framework_source

ROOT_ID = "scr-compare"

SKELETON = f"""\
{problem_box()}

## Choose the reviews {{#choose}}

<fieldset class="scr-noprint"><legend>Reviews saved in this browser</legend><div data-scr="saved"></div></fieldset>
<p class="scr-noprint"><label for="scr-compare-files">Add reviews from JSON files downloaded from this site (you can choose \
several at once). They are only shown here: nothing is saved unless you ask.</label>
<input id="scr-compare-files" type="file" accept=".json,application/json" multiple data-scr="files"></p>
<div class="scr-problem" role="alert" data-scr="file-errors"></div>
<p class="scr-status" role="status" data-scr="status"></p>

## Side by side {{#comparison}}

<div data-scr="short"></div>
<div data-scr="table"></div>
<p class="scr-noprint"><button type="button" class="md-button" data-scr-action="compare-csv">Download the comparison as CSV</button>
<button type="button" class="md-button" data-scr-action="print">Print the comparison</button></p>"""


def compare_page(content: Content, marker_url: Callable[[str], str], summary_url: str,
                 from_site: tuple[str, str] | None = None) -> str:
    """The body of the comparison page (`markdown="1"`: its headings are Markdown, so they
    reach the table of contents): a note for readers without JavaScript, and the parts
    the script fills in, with the framework (self_assessment.framework_source)."""
    nojs = (
        f'<div class="scr-nojs">\n{load_problem_box()}\n<p>This page lays the reviews saved in this browser, and reviews '
        "downloaded as JSON files, side by side. It needs JavaScript, which is turned off or blocked "
        f'in this browser. Your answers are on <a href="{esc(summary_url)}">My self-assessment</a>.</p>\n</div>'
    )
    data = framework_source(content, marker_url, from_site)
    return f'{nojs}\n\n<div id="{ROOT_ID}" class="scr-compare" {data} hidden markdown="1">\n{SKELETON}\n</div>\n'
