"""Template pages, the list of templates and the marker pages' links to them: pure
functions from the models and the generated files to page Markdown.

The page shows the whole template in HTML (GOV.UK asks for HTML first) from the same layout
the downloads are drawn from. Text from the YAML is escaped as it is inserted. Links between
pages are Markdown links to `.md` files, so a strict build checks them; links to the
downloads are raw HTML, because those files are written after MkDocs has checked the pages.
"""

from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

from macros.content.markers import Content, FullMarker
from macros.content.templates import Template, Templates
from macros.documents import PAPER_TEMPLATES, File, size_label
from macros.documents.layout import ORGANISER, Heading, Paragraph, Table, is_empty, layout
from macros.pages.markdown import esc, esc_md, heading, md_text, nav_title, span

TEMPLATE_NOTE = (
    "Fill-in fields are in square brackets and shaded, "
    '<span class="scr-fill">[like this]</span>: replace them with your own details. '
    "Change anything else to suit your partnership."
)


# Templates that the Meeting papers page fills in from the review's findings
# (docs/assets/js/papers-page.mjs). A Markdown link, so the strict build checks it.
PAPERS_NOTE = (
    "To have this paper made with your meeting details and the review's findings, one item or row "
    "for each, list the findings on [Findings and meeting papers](../meeting-papers.md)."
)


def template_page(templates: Templates, content: Content, template_id: str, files: list[File], site_url: str,
                  page_url: str) -> str:
    """The Markdown of `/templates/<id>/`: what it is for, the downloads, then the template.
    `page_url` is the page's address in the site (`templates/<id>/`, or `templates/<id>.html`
    in the offline copy), which the links to the downloads are made relative to."""
    template = templates.template(template_id)
    own = [f for f in files if f.template_id == template_id and f.copy == ORGANISER]
    parts = [
        f"# {esc_md(template.title)}",
        span("p", template.purpose, ' class="scr-template-purpose"'),
        heading(2, "Download", "download"),
        downloads_list(own, page_url, title=""),
        f"<p>{TEMPLATE_NOTE}</p>",
        *([PAPERS_NOTE] if template_id in PAPER_TEMPLATES else []),
        heading(2, "The template", "template"),
        template_html(template, content, site_url),
    ]
    return "\n\n".join(parts) + "\n"


def downloads_list(files: list[File], page_url: str, title: str) -> str:
    """Links that download each format, with its size; `title` tells links on a list apart.
    Raw HTML (the files are written after MkDocs checks links), so the address is made relative
    to the page here, for the site and its offline copy alike."""
    hidden = f'<span class="scr-visually-hidden">: {esc(title)}</span>' if title else ""
    items = "\n".join(
        f'<li><a href="{esc(get_relative_url(f.path, page_url))}" download>{esc(f.format.label)} '
        f"(.{f.format.extension}, {size_label(len(f.data))}){hidden}</a></li>"
        for f in files
    )
    return f'<ul class="scr-downloads">\n{items}\n</ul>'


def template_html(template: Template, content: Content, site_url: str) -> str:
    """The template's own content as it is in the documents, its headings one level down."""
    page = layout(template, content, site_url)
    parts, anchors, section = [], set(), ""
    for block in page.blocks[1:]:  # the page has the title already
        if isinstance(block, Heading):
            parts.append(_heading(block, anchors))
            section = block.text
        elif isinstance(block, Paragraph):
            css = ' class="scr-detail"' if block.style == "detail" else ""
            parts.append(f'<p{css} markdown="span">{_runs(block)}</p>')
        elif isinstance(block, Table):
            parts.append(_table(block, label=section))
    return "\n\n".join(parts)


def _heading(block: Heading, anchors: set[str]) -> str:
    anchor = _unique(_slug(block.text), anchors)
    text = esc_md(block.text)
    if block.marker_id:
        text = f"[{text}](../markers/{block.marker_id}.md)"
    return f"{'#' * (block.level + 1)} {text} {{#{anchor}}}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def _runs(block: Paragraph) -> str:
    out = ""
    for run in block.runs:
        if run.kind == "strong":
            out += f"<strong>{md_text(run.text)}</strong>"
        elif run.kind == "fill":
            out += f'<span class="scr-fill">{md_text(run.text)}</span>'
        elif run.kind == "tab":
            out += " "
        else:
            out += md_text(run.text)
    return out


def _cell(paragraphs: tuple[Paragraph, ...]) -> str:
    """A cell's content and the `markdown` attribute its <td> needs (md_in_html)."""
    if len(paragraphs) == 1:
        return _runs(paragraphs[0])
    return "".join(f'<p markdown="span">{_runs(p)}</p>' for p in paragraphs)


def _td(paragraphs: tuple[Paragraph, ...]) -> str:
    mode = "span" if len(paragraphs) == 1 else "1"
    return f'<td markdown="{mode}">{_cell(paragraphs)}</td>'


def _table(block: Table, label: str) -> str:
    """A table in a scrolling region a keyboard can reach; empty rows are only counted."""
    head = "".join(span("th", c.title, ' scope="col"') for c in block.columns)
    rows = [row for row in block.rows if not is_empty(row)]
    body = "\n".join('<tr markdown="1">' + "".join(_td(cell) for cell in row) + "</tr>" for row in rows)
    empty = len(block.rows) - len(rows)
    table = (
        f'<div class="scr-table-wrap" role="region" aria-label="{esc(label)}" tabindex="0" markdown="1">\n'
        f'<table class="scr-table" data-table="{esc(block.name)}" markdown="1">\n'
        f'<thead markdown="1"><tr markdown="1">{head}</tr></thead>\n<tbody markdown="1">\n{body}\n</tbody>\n</table>\n</div>'
    )
    if empty:
        rows_word = "row" if empty == 1 else "rows"
        table += f"\n\n<p>In the downloads the table has {empty} empty {rows_word} to fill in.</p>"
    return table


def nav_entries(templates: Templates) -> list[dict]:
    """The template pages for the navigation, in the order of data/templates.yml."""
    return [{nav_title(t.title): f"templates/{t.id}.md"} for t in templates.templates]


def templates_index(templates: Templates, content: Content, files: list[File], page_url: str) -> str:
    """The list on `/templates/`: each template with what it is for and its downloads."""
    parts = []
    for template in templates.templates:
        own = [f for f in files if f.template_id == template.id and f.copy == ORGANISER]
        parts += [
            f"## [{esc_md(template.title)}]({template.id}.md) {{#{template.id}}}",
            span("p", template.purpose),
            span("p", f"Helps to meet: {_serves_summary(template, content)}."),
            downloads_list(own, page_url, title=template.title),
        ]
    return "\n\n".join(parts) + "\n"


def _serves_summary(template: Template, content: Content) -> str:
    """'marker 15, Improvement action (questions 1 to 5); marker 16, Board written response'."""
    out = []
    for serves in template.serves:
        marker = content.marker(serves.marker)
        numbers = question_numbers(content, serves.marker, serves.questions)
        out.append(f"marker {marker.number}, {marker.title}" + (f" ({numbers})" if numbers else ""))
    return "; ".join(out)


def question_numbers(content: Content, marker_id: str, question_ids: list[str]) -> str:
    """'questions 1, 3 and 5' in the marker's own order; '' when there are none."""
    marker = content.marker(marker_id)
    if not isinstance(marker, FullMarker) or not question_ids:
        return ""
    numbers = [str(i) for i, q in enumerate(marker.questions, start=1) if q.id in question_ids]
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    return f"questions {', '.join(numbers[:-1])} and {numbers[-1]}"


def marker_templates(templates: Templates, content: Content, marker_id: str) -> str:
    """The 'Templates for this marker' section of a marker page; empty if none serves it."""
    serving = templates.serving(marker_id)
    if not serving:
        return ""
    lines = []
    for template, serves in serving:
        numbers = question_numbers(content, marker_id, serves.questions)
        lines.append(f"- [{esc_md(template.title)}](../templates/{template.id}.md)"
                     + (f": helps with {numbers}" if numbers else ""))
    return "\n\n".join([
        heading(2, "Templates for this marker", "templates"),
        "<p>Documents to download, edit and use for the meetings and plans this marker asks for.</p>",
        "\n".join(lines),
    ])
