"""What a template's document holds, worked out once and drawn by every format.

`layout()` turns a template into a flat list of headings, paragraphs and tables. The Word,
OpenDocument and Markdown writers and the HTML page only draw that list, so all of them hold
the same items in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.content.markers import Content, FullMarker
from macros.content.templates import Table as TableSpec
from macros.content.templates import Template, split_fill_ins

LANGUAGE = "en-GB"
PAGE_MM = (210, 297)  # A4, portrait
MARGIN_MM = {"portrait": 20, "landscape": 15}  # landscape pages are for wide tables
CELL_PADDING_MM = 1
EMPTY_ROW_MM = 10  # room to write by hand in the empty rows of a printed plan
# Relative widths of plan columns; agenda columns are fixed below.
WIDTH_WEIGHTS = {"narrow": 2, "normal": 3, "wide": 4}
AGENDA_COLUMNS = (("No.", 10), ("Item", 0), ("Lead", 28), ("Minutes", 18), ("Purpose", 22), ("Marker question", 20))
# Scripts that fill a document in find its tables by these names, and an agenda's rows by the
# bookmark `item_<item id>` in their first cell (hyphens become underscores, as Word asks).
AGENDA_TABLE, PLAN_TABLE = "agenda", "plan"
MARKERS_HEADING = "Quality markers this template helps to meet"
# The two copies of a document. The organiser's copy is the template as published; the members'
# copy, which meeting papers are made from, leaves out what only helps whoever prepares the
# meeting: the marker-question column, organiser-only notes, the quality markers it helps to
# meet and the template's web address.
ORGANISER, MEMBERS = "organiser", "members"


def bookmark(item_id: str) -> str:
    return "item_" + item_id.replace("-", "_")


@dataclass(frozen=True)
class Run:
    """A stretch of text: plain, strong (bold), a fill-in field '[Name]', or a tab."""

    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    # "body"; "detail" for a 'Label: [Field]' line of the details; "planned-time" for the agenda's
    # total, which the browser rewrites when it adds items (found by its style, never its text).
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    marker_id: str | None = None  # a marker's heading links to its page on the site


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float


Cell = tuple[Paragraph, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_names: tuple[str, ...] = ()  # a bookmark in each row's first cell, for scripts


def is_empty(row: tuple[Cell, ...]) -> bool:
    """An empty row of a plan, left for the user to fill in."""
    return not any(p.runs for cell in row for p in cell)


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Layout:
    template_id: str
    title: str
    subject: str
    landscape: bool
    blocks: tuple[Block, ...]
    footer: str  # the citation (and in the organiser's copy the template's address); page numbers are added by each format
    language: str = LANGUAGE
    copy: str = ORGANISER

    @property
    def page_mm(self) -> tuple[int, int]:
        """(width, height) of the page."""
        return (PAGE_MM[1], PAGE_MM[0]) if self.landscape else PAGE_MM

    @property
    def margin_mm(self) -> int:
        return MARGIN_MM["landscape" if self.landscape else "portrait"]


def table_font_pt(page: Layout) -> int:
    """Wide plans on landscape pages have many columns, so their tables use a smaller size;
    the most columns, smaller still, so that a column's title is not broken within a word."""
    columns = max((len(b.columns) for b in page.blocks if isinstance(b, Table)), default=0)
    return 10 if not page.landscape else 8 if columns > 10 else 9


def para(text: str, style: str = "body", label: str = "", strong: bool = False) -> Paragraph:
    """A paragraph whose [fill-in fields] become runs of their own, after an optional bold label."""
    runs = [Run(label, "strong")] if label else []
    runs += [Run(part, "fill" if is_field else "strong" if strong else "text")
             for part, is_field in split_fill_ins(text)]
    return Paragraph(tuple(runs), style)


def template_url(site_url: str, template_id: str) -> str:
    return f"{site_url.rstrip('/')}/templates/{template_id}/"


def layout(template: Template, content: Content, site_url: str, copy: str = ORGANISER) -> Layout:
    organiser = copy == ORGANISER
    landscape = template.orientation == "landscape"
    width = (PAGE_MM[1] if landscape else PAGE_MM[0]) - 2 * MARGIN_MM[template.orientation]
    blocks: list[Block] = [Heading(1, template.title)]
    blocks += [para(text) for text in template.introduction]
    if template.details:
        blocks.append(Heading(2, template.details.heading))
        blocks += [Paragraph((Run(f"{name}:", "strong"), Run("\t", "tab"), Run(f"[{name}]", "fill")), "detail")
                   for name in template.details.fields]
    if template.items is not None:
        blocks += _agenda(template, content, width, organiser)
    if template.table:
        blocks += _plan(template.table, width)
    for section in template.notes:
        if organiser or section.audience != ORGANISER:
            blocks.append(Heading(2, section.heading))
            blocks += [para(text) for text in section.paragraphs]
    footer = f"Based on {content.framework.citation}"
    if organiser:
        blocks += _markers(template, content)
        footer += f" This template: {template_url(site_url, template.id)}"
    return Layout(template.id, template.title, template.purpose, landscape, tuple(blocks), footer, copy=copy)


def question_label(content: Content, marker_id: str, question_id: str) -> str:
    """'15.3' for the third question of marker 15."""
    marker = content.marker(marker_id)
    assert isinstance(marker, FullMarker)
    return f"{marker.number}.{[q.id for q in marker.questions].index(question_id) + 1}"


def _agenda(template: Template, content: Content, width: int, organiser: bool) -> list[Block]:
    chosen = AGENDA_COLUMNS if organiser else AGENDA_COLUMNS[:-1]  # no marker question for members
    fixed = sum(mm for _, mm in chosen)
    columns = tuple(Column(title, mm or width - fixed) for title, mm in chosen)
    rows = []
    for number, item in enumerate(template.items or [], start=1):
        row = (
            (para(str(number)),),
            (para(item.title, strong=True),) + ((para(item.notes),) if item.notes else ()),
            (para(item.lead),),
            (para(str(item.minutes)),),
            (para(item.purpose.capitalize()),),
        )
        if organiser:
            label = question_label(content, template.marker_of(item.serves), item.serves) if item.serves else ""
            row += ((para(label),),)
        rows.append(row)
    total = sum(item.minutes for item in template.items or [])
    names = tuple(bookmark(item.id) for item in template.items or [])
    return [Heading(2, "Agenda"), Table(AGENDA_TABLE, columns, tuple(rows), names),
            Paragraph((Run(f"Planned time: {_duration(total)}."),), "planned-time")]


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    parts += [f"{rest} minute{'s' if rest != 1 else ''}"] if rest or not hours else []
    return " ".join(parts)


def _plan(table: TableSpec, width: int) -> list[Block]:
    weights = [WIDTH_WEIGHTS[c.width] for c in table.columns]
    columns = tuple(Column(c.title, round(width * w / sum(weights), 1)) for c, w in zip(table.columns, weights))
    rows = [tuple((para(row.get(c.id, "")),) for c in table.columns) for row in table.rows]
    # Empty rows are identical, so a script can copy one to add more.
    rows += [tuple((Paragraph(()),) for _ in table.columns)] * table.empty_rows
    blocks: list[Block] = [Heading(2, table.heading), Table(PLAN_TABLE, columns, tuple(rows))]
    guide = [c for c in table.columns if c.hint or c.choices]
    if guide:
        blocks.append(Heading(3, "How to fill in the columns"))
        for c in guide:
            choices = f"Choose from: {', '.join(c.choices)}." if c.choices else ""
            blocks.append(para(" ".join(t for t in (c.hint, choices) if t), label=f"{c.title}: "))
    return blocks


def _markers(template: Template, content: Content) -> list[Block]:
    blocks: list[Block] = [Heading(2, MARKERS_HEADING)]
    for serves in template.serves:
        marker = content.marker(serves.marker)
        blocks.append(Heading(3, f"Marker {marker.number}: {marker.title}", marker.id))
        if isinstance(marker, FullMarker):
            for q in marker.questions:
                if q.id in serves.questions:
                    blocks.append(para(q.text, label=f"{question_label(content, marker.id, q.id)} "))
        else:
            blocks.append(para(marker.summary, label="Summary in our words, not the official text: "))
    return blocks
