"""How a Word or OpenDocument file lays out, through LibreOffice: what a board member sees
when they print it.

Two faults make a paper unusable however good its words: a first page left nearly empty (a
table too tall to start there) and a table row taller than a page (its text is cut, or spread
over pages with no header beside it). Rows are kept together on a page, so a row that is
split across pages is one taller than a page. To find rows in the PDF, a copy of the
document has a token at the start of each row's first cell and at the end of every cell:
the row fits if all its tokens are on one page. The tokens add a few characters, so the
check errs on the safe side.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf import opendocument
from odf.element import Text
from odf.table import Table, TableCell, TableHeaderRows, TableRow
from odf.text import P

from tests.conftest import require_tool

# Pages of fewer words than this, before the last page, count as nearly empty.
NEARLY_EMPTY_WORDS = 40
START, END = "zzs{}zz", "zze{}zz"


def require_office() -> None:
    require_tool(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    require_tool(shutil.which("pdftotext") is not None, "poppler (pdftotext)")


def to_pdf(files: list[Path], out: Path) -> dict[Path, Path]:
    """Each file converted to PDF in `out`, in one run of LibreOffice (its start-up is most of the cost)."""
    require_office()
    profile = out / "profile"
    result = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=600)
    pdfs = {f: out / f"{f.stem}.pdf" for f in files}
    missing = [str(f) for f, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, f"LibreOffice made no PDF of {missing}: {result.stdout}{result.stderr}"
    return pdfs


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends each page with a form feed)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def marked(data: bytes, extension: str) -> tuple[bytes, int]:
    """A copy of the document with the row tokens, and how many rows were marked."""
    return _mark_docx(data) if extension == "docx" else _mark_odt(data)


def _run(text: str):
    run, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _mark_docx(data: bytes) -> tuple[bytes, int]:
    doc = docx.Document(io.BytesIO(data))
    n = 0
    for table in doc.tables:
        for row in table.rows[1:]:  # after the header row
            n += 1
            first = row.cells[0].paragraphs[0]._p
            first.insert(1 if first.pPr is not None else 0, _run(START.format(n) + " "))
            for cell in row.cells:
                cell.paragraphs[-1]._p.append(_run(" " + END.format(n)))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), n


def _mark_odt(data: bytes) -> tuple[bytes, int]:
    doc = opendocument.load(io.BytesIO(data))
    n = 0
    for table in doc.text.getElementsByType(Table):
        for row in table.getElementsByType(TableRow):
            if row.parentNode.qname == TableHeaderRows().qname:
                continue
            n += 1
            for k, cell in enumerate(row.getElementsByType(TableCell)):
                paragraphs = cell.getElementsByType(P)
                if k == 0:
                    first = paragraphs[0]
                    token = Text(START.format(n) + " ")
                    first.insertBefore(token, first.firstChild) if first.firstChild else first.appendChild(token)
                paragraphs[-1].appendChild(Text(" " + END.format(n)))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue(), n


def layout_problems(page_texts: list[str], rows: int) -> list[str]:
    """What a reader would find wrong with the printed document: a nearly empty first page,
    rows split over pages (`rows` marked, see `marked`)."""
    problems = []
    words = [len(text.split()) for text in page_texts]
    if len(words) > 1 and words[0] < NEARLY_EMPTY_WORDS:
        problems.append(f"page 1 of {len(words)} holds only {words[0]} words")
    where: dict[str, set[int]] = {}
    for number, text in enumerate(page_texts, start=1):
        for token in re.findall(r"zz[se]\d+zz", text):
            where.setdefault(re.sub(r"zz[se](\d+)zz", r"\1", token), set()).add(number)
    for n in range(1, rows + 1):
        found = where.get(str(n), set())
        if len(found) > 1:
            problems.append(f"table row {n} runs over pages {sorted(found)}: it is taller than a page")
        elif not found:
            problems.append(f"table row {n} is not in the PDF")
    return problems
