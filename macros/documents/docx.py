"""A template as a Word document (.docx), drawn from its layout with python-docx.

Real structure, so that the navigation pane, screen readers and scripts can use it: Heading
styles, tables with a repeating header row and a name (`w:tblCaption`: 'agenda' or 'plan'),
A4 pages with page numbers in the footer, the title and language (en-GB) in the properties.
Each fill-in field is a run of its own in the character style 'Fill-in field' (style id
`FillInField`) whose text is exactly '[Field name]'. Details are paragraphs in the style
'Detail': a bold label, a tab, then the fill-in run.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from macros.documents.layout import (
    CELL_PADDING_MM, EMPTY_ROW_MM, ORGANISER, Heading, Layout, Paragraph, Table, is_empty, layout, table_font_pt,
)
from macros.documents.zipnorm import normalise_zip
from macros.content.markers import Content
from macros.content.templates import Template

FONT = "Arial"
BLACK = RGBColor(0x0B, 0x0C, 0x0C)
FILL_STYLE, FILL_STYLE_ID = "Fill-in field", "FillInField"
# Layout paragraph styles with a Word style of their own; "Planned time" gets the id PlannedTime.
PARAGRAPH_STYLES = {"detail": "Detail", "planned-time": "Planned time"}
FILL_SHADING = "FFF2CC"  # pale yellow: easy to spot, prints lightly
HEADER_SHADING = "E8E8E8"
HEADING_SIZES = {1: 20, 2: 15, 3: 12}


def docx_document(template: Template, content: Content, site_url: str, copy: str = ORGANISER) -> bytes:
    """The .docx file of one template."""
    return draw(layout(template, content, site_url, copy))


def draw(page: Layout) -> bytes:
    doc = docx.Document()
    _page_setup(doc, page)
    _styles(doc, page)
    _properties(doc, page)
    _footer(doc, page)
    for block in page.blocks:
        if isinstance(block, Heading):
            _styled(doc.add_paragraph(), doc.styles[f"Heading {block.level}"]).add_run(block.text)
        elif isinstance(block, Paragraph):
            paragraph = doc.add_paragraph()
            if block.style in PARAGRAPH_STYLES:
                _styled(paragraph, doc.styles[PARAGRAPH_STYLES[block.style]])
            _write_runs(paragraph, block)
        elif isinstance(block, Table):
            _table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())


def _styled(paragraph, style):
    """Give `paragraph` a style by its id. python-docx's own setter searches every style on each
    call, which made the Word files the slowest step of the whole site build."""
    paragraph._p.style = style.style_id
    return paragraph


def _write_runs(paragraph, block: Paragraph) -> None:
    for run in block.runs:
        if run.kind == "fill":
            paragraph.add_run(run.text)._r.style = FILL_STYLE_ID
        else:
            paragraph.add_run(run.text).bold = True if run.kind == "strong" else None


def _page_setup(doc, page: Layout) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(v) for v in page.page_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(page.margin_mm))
    section.header_distance = section.footer_distance = Mm(10)


def _set_font(style, size: float, bold: bool | None = None) -> None:
    """One font for the style, dropping the theme fonts that would otherwise win in Word."""
    style.font.name = FONT
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:cs"), FONT)
    style.font.size = Pt(size)
    style.font.color.rgb = BLACK
    if bold is not None:
        style.font.bold = bold


def _styles(doc, page: Layout) -> None:
    styles = doc.styles
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    normal = styles["Normal"]
    _set_font(normal, 11)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in HEADING_SIZES.items():
        heading = styles[f"Heading {level}"]
        _set_font(heading, size, bold=True)
        heading.font.italic = False
        heading.paragraph_format.space_before = Pt(14 if level < 3 else 10)
        heading.paragraph_format.space_after = Pt(6)

    detail = styles.add_style("Detail", WD_STYLE_TYPE.PARAGRAPH)
    detail.base_style = normal
    detail.paragraph_format.space_after = Pt(3)
    detail.paragraph_format.tab_stops.add_tab_stop(Mm(55))

    planned = styles.add_style(PARAGRAPH_STYLES["planned-time"], WD_STYLE_TYPE.PARAGRAPH)
    planned.base_style = normal
    planned.style_id = "PlannedTime"

    cell = styles.add_style("Table text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(table_font_pt(page))
    cell.paragraph_format.space_before = Pt(2)
    cell.paragraph_format.space_after = Pt(2)
    header = styles.add_style("Table heading", WD_STYLE_TYPE.PARAGRAPH)
    header.base_style = cell
    header.font.bold = True

    fill = styles.add_style(FILL_STYLE, WD_STYLE_TYPE.CHARACTER)
    fill.style_id = FILL_STYLE_ID
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), FILL_SHADING)
    fill.element.get_or_add_rPr().append(shading)

    footer = styles["Footer"]
    _set_font(footer, 9)


# Word's document properties hold at most 255 characters (python-docx refuses more).
MAX_PROPERTY = 255


def property_text(text: str) -> str:
    """`text` as a document property: cut short, with an ellipsis, if it is too long."""
    return text if len(text) <= MAX_PROPERTY else text[:MAX_PROPERTY - 1].rstrip() + "…"


def _properties(doc, page: Layout) -> None:
    props = doc.core_properties
    props.title = property_text(page.title)
    props.subject = property_text(page.subject)
    props.language = page.language
    props.author = props.last_modified_by = props.comments = props.keywords = ""
    props.revision = 1
    # No dates: a fixed date would be untrue and today's would change every build. Word and
    # LibreOffice add their own when the user saves the file.
    for name in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for element in props._element.findall(qn(name)):
            props._element.remove(element)
    # The stock package carries a thumbnail of a blank page; file browsers would show it.
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]


def _footer(doc, page: Layout) -> None:
    footer = doc.sections[0].footer
    numbers = footer.paragraphs[0]
    numbers.style = doc.styles["Footer"]
    numbers.add_run("Page ")
    _field(numbers, "PAGE")
    numbers.add_run(" of ")
    _field(numbers, "NUMPAGES")
    footer.add_paragraph(page.footer, style="Footer")


def _field(paragraph, instruction: str) -> None:
    """A Word field (page number, page count) that every office suite updates on its own."""
    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _table(doc, block: Table) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    total = sum(c.width_mm for c in block.columns)
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(Mm(total).twips)))
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(Mm(CELL_PADDING_MM).twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.find(qn("w:tblLook")).addprevious(margins)
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), block.name)
    table._tbl.tblPr.append(caption)

    for i, column in enumerate(block.columns):
        table.columns[i].width = Mm(column.width_mm)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for i, cell in enumerate(row.cells):
            cell.width = Mm(block.columns[i].width_mm)
    heading_style, text_style = doc.styles["Table heading"], doc.styles["Table text"]
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, column in zip(header.cells, block.columns):
        _styled(cell.paragraphs[0], heading_style)
        cell.paragraphs[0].add_run(column.title)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_SHADING)
        cell._tc.get_or_add_tcPr().append(shading)
    for row, cells in zip(table.rows[1:], block.rows):
        if is_empty(cells):
            row.height = Mm(EMPTY_ROW_MM)  # at least this tall
        for cell, paragraphs in zip(row.cells, cells):
            for n, content in enumerate(paragraphs):
                target = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                _styled(target, text_style)
                _write_runs(target, content)
    for number, (row, name) in enumerate(zip(table.rows[1:], block.row_names), start=1):
        _bookmark(row.cells[0].paragraphs[0], number, name)


def _bookmark(paragraph, number: int, name: str) -> None:
    """An empty bookmark at the start of `paragraph`: Word's navigator lists it, scripts find it."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    after = paragraph._p.pPr
    if after is None:
        paragraph._p.insert(0, end)
        paragraph._p.insert(0, start)
    else:
        after.addnext(end)
        after.addnext(start)
