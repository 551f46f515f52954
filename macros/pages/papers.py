"""The "Findings and meeting papers" page: pure functions, tested without MkDocs.

Its script (docs/assets/js/papers-page.mjs) keeps the review's findings and the meeting's
details with the review, and makes the agenda and the action plan from the members' or the
organiser's copy of the templates. The page holds what the script needs as JSON in `data-`
attributes (escaped, see self_assessment.data_attribute): the agenda's items, the fill-in fields
of each paper, and the framework (for the self-assessment's Partly and No answers).
"""

from __future__ import annotations

from typing import Callable

from macros.content.markers import Content
from macros.content.templates import Templates
from macros.documents import PAPER_TEMPLATES
from macros.pages.markdown import esc
from macros.pages.problems import load_problem_box, problem_box
from macros.pages.self_assessment import data_attribute, framework_source

ROOT_ID = "scr-papers"
AGENDA, PLAN = PAPER_TEMPLATES
# Fields the form asks for with a time picker: the agenda's timings and its overrun warning use them.
TIME_FIELDS = ("Start time", "End time")


def paper_fields(templates: Templates) -> list[str]:
    """Every fill-in field of the papers, in the order the papers have them, each once."""
    fields: list[str] = []
    for template_id in PAPER_TEMPLATES:
        fields += [f.strip("[]") for f in templates.template(template_id).fill_ins() if f.strip("[]") not in fields]
    return fields


def agenda_data(templates: Templates) -> list[dict]:
    return [{"id": i.id, "title": i.title, "notes": i.notes or "", "lead": i.lead, "minutes": i.minutes, "purpose": i.purpose,
             "findings": i.findings, "selfAssessment": i.self_assessment}
            for i in templates.template(AGENDA).items or []]


def _field(name: str) -> str:
    kind = "time" if name in TIME_FIELDS else "text"
    field_id = "scr-paper-" + "-".join(name.lower().split())
    return (f'<p><label for="{esc(field_id)}">{esc(name)}</label>'
            f'<input id="{esc(field_id)}" type="{kind}" data-papers-detail="{esc(name)}" autocomplete="off" maxlength="200"></p>')


def _agenda_item(item: dict, number: int) -> str:
    field_id = f"scr-minutes-{item['id']}"
    extra = ' data-papers-self-assessment' if item["selfAssessment"] else ""
    return (f'<li{extra}><label for="{esc(field_id)}">{number}. {esc(item["title"])}</label>'
            f'<input id="{esc(field_id)}" class="scr-minutes" type="number" min="0" max="600" inputmode="numeric" '
            f'data-papers-minutes="{esc(item["id"])}" value="{item["minutes"]}"> minutes</li>')


def papers_page(content: Content, templates: Templates, marker_url: Callable[[str], str], summary_url: str,
                template_urls: dict[str, str], from_site: tuple[str, str] | None = None) -> str:
    """The body of the page: a note for readers without JavaScript, then the parts the script
    shows and fills in. `template_urls`: the pages of the agenda and plan templates."""
    agenda = agenda_data(templates)
    fields = paper_fields(templates)
    nojs = (
        f'<div class="scr-nojs">\n{load_problem_box()}\n<p>This page keeps the review\'s findings in this browser and makes the meeting '
        "papers from them. It needs JavaScript, which is turned off or blocked in this browser. You can download "
        f'the <a href="{esc(template_urls[AGENDA])}">agenda</a> and the <a href="{esc(template_urls[PLAN])}">action plan</a> '
        "templates and fill them in by hand.</p>\n</div>"
    )
    items = "\n".join(_agenda_item(item, n) for n, item in enumerate(agenda, start=1))
    body = f"""\
{problem_box()}
<p class="scr-status" role="status" data-scr="status"></p>
<p>You are working on the review <strong data-papers="review"></strong>. To work on another, choose it on \
<a href="{esc(summary_url)}#reviews">My self-assessment</a>.</p>

## The review's findings {{#findings}}

<p class="scr-noprint">List the findings and recommendations of the review report, in the report's order. The agenda \
gets an item for decision on each, and the action plan a row. They are saved with this review, in this browser, and go \
into its JSON and CSV downloads.</p>
<ol class="scr-findings scr-noprint" data-papers="findings"></ol>
<p class="scr-noprint"><button type="button" class="md-button" data-papers-action="add">Add a finding</button></p>
<div class="scr-print" data-papers="findings-print"></div>
<p class="scr-status scr-noprint" role="status" data-papers="findings-status"></p>

<div class="scr-noprint" markdown="1">

## Meeting details {{#details}}

<fieldset><legend>The details the agenda and the action plan ask for (saved with this review)</legend>
{chr(10).join(_field(name) for name in fields)}
</fieldset>

## The agenda's timings {{#timings}}

<fieldset><legend>Minutes for each item</legend>
<ol class="scr-agenda-minutes">
{items}
</ol>
<p><label for="scr-minutes-each-finding">Minutes for the decision on each finding</label>
<input id="scr-minutes-each-finding" class="scr-minutes" type="number" min="0" max="600" inputmode="numeric" \
data-papers-minutes="each-finding"> minutes</p>
</fieldset>
<p class="scr-status" role="status" data-papers="time"></p>
<div class="scr-warning" data-papers="overrun" hidden></div>

## What goes in the papers {{#contents}}

<fieldset><legend>The self-assessment</legend>
<p class="scr-hint" id="scr-option-self-assessment-hint">An item on how the partnership ran this review, listing \
each question answered and each marker judged Partly or No on this site.</p>
<div class="scr-check"><input type="checkbox" id="scr-option-self-assessment" data-papers-option="self-assessment" \
aria-describedby="scr-option-self-assessment-hint"><label for="scr-option-self-assessment">Include an item on how the \
partnership ran this review</label></div>
<div data-papers="answers"></div>
<div class="scr-warning"><p><strong><span class="scr-visually-hidden">Warning: </span>Every member who gets the papers \
will read your notes.</strong> Notes and evidence are often written for yourself: read them again before you include \
them.</p></div>
<div class="scr-check"><input type="checkbox" id="scr-option-notes" data-papers-option="notes"><label \
for="scr-option-notes">Include my notes and evidence with those answers</label></div>
</fieldset>
<fieldset><legend>Which copy</legend>
<div class="scr-check"><input type="radio" name="scr-copy" id="scr-copy-members" value="members" data-papers-option="copy" \
aria-describedby="scr-copy-members-hint"><label for="scr-copy-members">For members</label></div>
<p class="scr-hint" id="scr-copy-members-hint">Without the notes for the organiser, the quality-marker column and \
the template's web address.</p>
<div class="scr-check"><input type="radio" name="scr-copy" id="scr-copy-organiser" value="organiser" \
data-papers-option="copy" aria-describedby="scr-copy-organiser-hint"><label for="scr-copy-organiser">For the \
organiser</label></div>
<p class="scr-hint" id="scr-copy-organiser-hint">With the quality markers each item helps to meet and the notes on \
preparing the meeting.</p>
</fieldset>

## Make the papers {{#make}}

<div data-papers="missing"></div>
<p>The papers are made in this browser from the templates on this site. Nothing is sent anywhere.</p>
<p><button type="button" class="md-button md-button--primary" data-papers-make="{AGENDA}.docx">Agenda (Word, .docx)</button>
<button type="button" class="md-button" data-papers-make="{AGENDA}.odt">Agenda (OpenDocument, .odt)</button>
<button type="button" class="md-button" data-papers-make="{PLAN}.docx">Action plan (Word, .docx)</button>
<button type="button" class="md-button" data-papers-make="{PLAN}.odt">Action plan (OpenDocument, .odt)</button>
<button type="button" class="md-button" data-papers-make="print">Print the papers</button></p>
<p class="scr-status" role="status" data-papers="make-status"></p>

</div>"""
    data = " ".join([
        framework_source(content, marker_url, from_site),
        f'data-agenda="{data_attribute({"items": agenda})}"',
        f'data-fields="{data_attribute({"fields": fields, "time": list(TIME_FIELDS)})}"',
    ])
    return f'{nojs}\n\n<div id="{ROOT_ID}" class="scr-papers" {data} hidden markdown="1">\n{body}\n</div>\n'
