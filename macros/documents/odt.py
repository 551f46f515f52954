"""A template as an OpenDocument text file (.odt), drawn from its layout with odfpy.

The same structure as the Word file: headings with outline levels (the Navigator and screen
readers list them), tables named 'agenda' or 'plan' with a repeating header row, A4 pages
with page numbers in the footer, the title and language (en-GB) in the metadata. Each
fill-in field is a `text:span` in the style 'Fill-in field' whose text is exactly
'[Field name]'; details are paragraphs in the style 'Detail': bold label, tab, fill-in.
"""

from __future__ import annotations

import io

from odf import dc, teletype
from odf.element import Element
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle, FontFace, Footer, FooterStyle, HeaderFooterProperties, MasterPage,
    PageLayout, PageLayoutProperties, ParagraphProperties, Style, TableCellProperties,
    TableColumnProperties, TableProperties, TableRowProperties, TabStop, TabStops, TextProperties,
)
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import Bookmark, H, OutlineLevelStyle, OutlineStyle, P, PageCount, PageNumber, Span, Tab

from macros.documents.layout import (
    CELL_PADDING_MM, EMPTY_ROW_MM, ORGANISER, Heading, Layout, Paragraph, Table, is_empty, layout, table_font_pt,
)
from macros.documents.zipnorm import normalise_zip
from macros.content.markers import Content
from macros.content.templates import Template

FONT = "Arial"
BLACK = "#0b0c0c"
FILL_SHADING = "#fff2cc"
HEADER_SHADING = "#e8e8e8"
HEADING_SIZES = {1: "20pt", 2: "15pt", 3: "12pt"}


def odt_document(template: Template, content: Content, site_url: str, copy: str = ORGANISER) -> bytes:
    """The .odt file of one template."""
    return draw(layout(template, content, site_url, copy))


class _Styles:
    """The named styles of one document; users see them in LibreOffice's style list."""

    def __init__(self, doc: OpenDocumentText, page: Layout):
        self.doc = doc
        doc.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss",
                                              fontpitch="variable"))
        default = DefaultStyle(family="paragraph")
        default.addElement(TextProperties(fontname=FONT, fontsize="11pt", color=BLACK, language="en",
                                          country="GB", hyphenate="false"))
        doc.styles.addElement(default)
        self.standard = self._paragraph("Standard", "Standard", None)
        self.body = self._paragraph("Text_20_body", "Text body", self.standard, marginbottom="0.2cm")
        self.headings = {
            level: self._paragraph(f"Heading_20_{level}", f"Heading {level}", self.standard,
                                   text={"fontsize": size, "fontweight": "bold"},
                                   margintop="0.45cm" if level < 3 else "0.35cm", marginbottom="0.2cm",
                                   keepwithnext="always", outline=level)
            for level, size in HEADING_SIZES.items()
        }
        self.detail = self._paragraph("Detail", "Detail", self.body, marginbottom="0.1cm", tab_mm=55)
        self.planned_time = self._paragraph("Planned_20_time", "Planned time", self.body)
        table_size = f"{table_font_pt(page)}pt"
        self.cell = self._paragraph("Table_20_Contents", "Table Contents", self.standard,
                                    text={"fontsize": table_size}, margintop="0.07cm", marginbottom="0.07cm")
        self.header = self._paragraph("Table_20_Heading", "Table Heading", self.cell,
                                      text={"fontweight": "bold"})
        self.footer = self._paragraph("Footer", "Footer", self.standard, text={"fontsize": "9pt"})
        self.strong = self._text("Strong_20_Emphasis", "Strong Emphasis", fontweight="bold")
        self.fill = self._text("Fill_20_in_20_field", "Fill-in field", backgroundcolor=FILL_SHADING)
        outline = OutlineStyle(name="Outline")
        for level in range(1, 11):
            outline.addElement(OutlineLevelStyle(level=level, numformat=""))
        doc.styles.addElement(outline)

    def _paragraph(self, name, display, parent, text=None, tab_mm=None, outline=None, **paragraph):
        style = Style(name=name, displayname=display, family="paragraph", attributes={"class": "text"})
        if parent is not None:
            style.setAttribute("parentstylename", parent)
        if outline:
            style.setAttribute("defaultoutlinelevel", str(outline))
        props = ParagraphProperties(**paragraph)
        if tab_mm:
            stops = TabStops()
            stops.addElement(TabStop(position=f"{tab_mm}mm"))
            props.addElement(stops)
        style.addElement(props)
        if text:
            style.addElement(TextProperties(**text))
        self.doc.styles.addElement(style)
        return style

    def _text(self, name, display, **text):
        style = Style(name=name, displayname=display, family="text")
        style.addElement(TextProperties(**text))
        self.doc.styles.addElement(style)
        return style


def draw(page: Layout) -> bytes:
    # odfpy collects the namespaces to declare in one dict shared by every document the
    # process makes, so a file would depend on what was made before it. Start each afresh.
    Element.namespaces.clear()
    doc = OpenDocumentText()
    styles = _Styles(doc, page)
    _page_setup(doc, page, styles)
    doc.meta.addElement(dc.Title(text=page.title))
    doc.meta.addElement(dc.Subject(text=page.subject))
    doc.meta.addElement(dc.Language(text=page.language))
    for block in page.blocks:
        if isinstance(block, Heading):
            heading = H(outlinelevel=block.level, stylename=styles.headings[block.level])
            teletype.addTextToElement(heading, block.text)
            doc.text.addElement(heading)
        elif isinstance(block, Paragraph):
            style = {"detail": styles.detail, "planned-time": styles.planned_time}.get(block.style, styles.body)
            doc.text.addElement(_paragraph(block, style, styles))
        elif isinstance(block, Table):
            doc.text.addElement(_table(doc, block, styles))
    out = io.BytesIO()
    doc.write(out)
    return normalise_zip(out.getvalue())


def _paragraph(block: Paragraph, style, styles: _Styles) -> P:
    p = P(stylename=style)
    for run in block.runs:
        if run.kind == "fill":
            p.addElement(Span(stylename=styles.fill, text=run.text))
        elif run.kind == "strong":
            p.addElement(Span(stylename=styles.strong, text=run.text))
        elif run.kind == "tab":
            p.addElement(Tab())
        else:
            teletype.addTextToElement(p, run.text)
    return p


def _page_setup(doc, page: Layout, styles: _Styles) -> None:
    width, height = page.page_mm
    layout_style = PageLayout(name="A4")
    layout_style.addElement(PageLayoutProperties(
        pagewidth=f"{width}mm", pageheight=f"{height}mm",
        printorientation="landscape" if page.landscape else "portrait",
        margintop=f"{page.margin_mm}mm", marginbottom="10mm",  # the footer sits inside this margin
        marginleft=f"{page.margin_mm}mm", marginright=f"{page.margin_mm}mm"))
    footer_style = FooterStyle()
    footer_style.addElement(HeaderFooterProperties(minheight="0mm", margintop="5mm"))
    layout_style.addElement(footer_style)
    doc.automaticstyles.addElement(layout_style)

    footer = Footer()
    numbers = P(stylename=styles.footer)
    numbers.addText("Page ")
    numbers.addElement(PageNumber(selectpage="current", text="1"))
    numbers.addText(" of ")
    numbers.addElement(PageCount(text="1"))
    footer.addElement(numbers)
    line = P(stylename=styles.footer)
    teletype.addTextToElement(line, page.footer)
    footer.addElement(line)
    master = MasterPage(name="Standard", pagelayoutname=layout_style)
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def _table(doc, block: Table, styles: _Styles) -> OdfTable:
    def automatic(name, family, props):
        style = Style(name=name, family=family)
        style.addElement(props)
        doc.automaticstyles.addElement(style)
        return style

    total = sum(c.width_mm for c in block.columns)
    table = OdfTable(name=block.name, stylename=automatic(
        block.name, "table", TableProperties(width=f"{total}mm", align="left")))
    for i, column in enumerate(block.columns):
        table.addElement(TableColumn(stylename=automatic(
            f"{block.name}.C{i + 1}", "table-column", TableColumnProperties(columnwidth=f"{column.width_mm}mm"))))
    border = {"border": "0.5pt solid #000000", "paddingleft": f"{CELL_PADDING_MM}mm",
              "paddingright": f"{CELL_PADDING_MM}mm", "paddingtop": "0.5mm", "paddingbottom": "0.5mm"}
    cell_style = automatic(f"{block.name}.cell", "table-cell", TableCellProperties(**border))
    header_cell = automatic(f"{block.name}.header", "table-cell",
                            TableCellProperties(backgroundcolor=HEADER_SHADING, **border))
    row_style = automatic(f"{block.name}.row", "table-row", TableRowProperties(keeptogether="always"))
    empty_row = automatic(f"{block.name}.empty", "table-row",
                          TableRowProperties(keeptogether="always", minrowheight=f"{EMPTY_ROW_MM}mm"))

    header_rows = TableHeaderRows()
    header = TableRow(stylename=row_style)
    for column in block.columns:
        cell = TableCell(stylename=header_cell, valuetype="string")
        cell.addElement(P(stylename=styles.header, text=column.title))
        header.addElement(cell)
    header_rows.addElement(header)
    table.addElement(header_rows)
    names = block.row_names or (None,) * len(block.rows)
    for cells, name in zip(block.rows, names):
        row = TableRow(stylename=empty_row if is_empty(cells) else row_style)
        for n, paragraphs in enumerate(cells):
            cell = TableCell(stylename=cell_style, valuetype="string")
            for k, content in enumerate(paragraphs):
                paragraph = _paragraph(content, styles.cell, styles)
                if name and n == 0 and k == 0:  # scripts find the row by it
                    paragraph.insertBefore(Bookmark(name=name), paragraph.firstChild)
                cell.addElement(paragraph)
            row.addElement(cell)
        table.addElement(row)
    return table
