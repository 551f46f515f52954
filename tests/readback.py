"""Read a generated document back, with each format's own reader, into one comparable outline:
its headings, its tables (name and cell texts) and its fill-in fields, in document order."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from odf import opendocument, teletype
from odf.namespaces import TABLENS, TEXTNS
from odf.table import TableRow
from odf.text import Span


@dataclass
class Outline:
    headings: list[tuple[int, str]]
    tables: list[tuple[str | None, list[list[str]]]]  # Markdown tables have no name
    fill_ins: list[str]
    text: str  # all the text, one block a line, to look for words in

    def rows(self, name: str) -> list[list[str]]:
        return next(rows for table_name, rows in self.tables if table_name == name)


def read_docx(data: bytes) -> Outline:
    doc = docx.Document(io.BytesIO(data))
    headings, tables, lines = [], [], []
    for block in doc.iter_inner_content():
        if isinstance(block, DocxTable):
            caption = block._tbl.tblPr.find(qn("w:tblCaption"))
            rows = [[_cell_text(p.text for p in cell.paragraphs) for cell in row.cells] for row in block.rows]
            tables.append((caption.get(qn("w:val")) if caption is not None else None, rows))
            lines += [c for row in rows for c in row]
        else:
            if block.style.name.startswith("Heading "):
                headings.append((int(block.style.name.split()[1]), block.text))
            lines.append(block.text)
    fills = ["".join(t.text for t in run.iter(qn("w:t")))
             for run in doc.element.body.iter(qn("w:r"))
             if run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None
             and run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "FillInField"]
    return Outline(headings, tables, fills, "\n".join(lines))


def read_odt(data: bytes) -> Outline:
    doc = opendocument.load(io.BytesIO(data))
    headings, tables, lines = [], [], []
    for node in doc.text.childNodes:
        if node.qname == (TEXTNS, "h"):
            headings.append((int(node.getAttribute("outlinelevel")), teletype.extractText(node)))
            lines.append(teletype.extractText(node))
        elif node.qname == (TEXTNS, "p"):
            lines.append(teletype.extractText(node))
        elif node.qname == (TABLENS, "table"):
            rows = [[_cell_text(teletype.extractText(p) for p in cell.childNodes) for cell in row.childNodes]
                    for row in node.getElementsByType(TableRow)]
            tables.append((node.getAttribute("name"), rows))
            lines += [c for row in rows for c in row]
    fills = [teletype.extractText(s) for s in doc.text.getElementsByType(Span)
             if s.getAttribute("stylename") == "Fill_20_in_20_field"]
    return Outline(headings, tables, fills, "\n".join(lines))


def read_markdown(data: bytes) -> Outline:
    text = data.decode("utf-8")
    headings, tables, lines, table = [], [], [], None
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [_md_text(c.strip().replace("<br>", "\n")) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if all(re.fullmatch(r"-{3,}", c) for c in cells):
                continue  # the line under the header
            if table is None:
                table = []
                tables.append((None, table))
            table.append(cells)
            lines += cells
            continue
        table = None
        if line.startswith("#"):
            level, _, rest = line.partition(" ")
            headings.append((len(level), _md_text(rest)))
        if line.strip():
            lines.append(_md_text(line))
    fills = re.findall(r"\[[^\[\]]+\]", text)
    return Outline(headings, tables, fills, "\n".join(lines))


def _md_text(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("**", ""))


def _cell_text(paragraphs) -> str:
    return "\n".join(p for p in paragraphs if p)


READERS = {"docx": read_docx, "odt": read_odt, "md": read_markdown}
