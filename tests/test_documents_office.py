"""The .docx and .odt files open in a real office suite: LibreOffice converts each to PDF,
and the PDF has A4 pages, working page numbers and every item, column and fill-in field."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.documents import all_files
from macros.content.markers import load_content
from macros.content.templates import load_templates
from macros.documents.layout import ORGANISER
from tests.conftest import require_tool
from tests.pdf_layout import layout_problems, marked, pages, to_pdf

SITE = "https://example.org/quality-markers/"
MAX_PAGES = 4
MAX_GAP = 12  # words of neighbouring cells that a PDF's reading order may put in between


@pytest.fixture(scope="module")
def templates():
    content = load_content()
    return content, load_templates(content)


@pytest.fixture(scope="module")
def converted(templates, tmp_path_factory) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, int]]]:
    """Every office file converted in one LibreOffice run (about a second a file): the
    templates as published, by (template id, extension), and a copy of every file, the
    members' copies too, with its table rows marked (tests/pdf_layout.py), by file name."""
    require_tool(shutil.which("pdfinfo") is not None, "poppler (pdfinfo)")
    content, parsed = templates
    folder = tmp_path_factory.mktemp("office")
    inputs, rows = [], {}
    for f in all_files(parsed, content, SITE):
        if f.format.extension not in ("docx", "odt"):
            continue
        # Both formats of a template would convert to the same PDF name, so tell them apart.
        stem = f"{f.name.rsplit('.', 1)[0]}-{f.format.extension}"
        if f.copy == ORGANISER:
            inputs.append(folder / f"{stem}.{f.format.extension}")
            inputs[-1].write_bytes(f.data)
        data, rows[f.name] = marked(f.data, f.format.extension)
        inputs.append(folder / f"marked-{stem}.{f.format.extension}")
        inputs[-1].write_bytes(data)
    made = to_pdf(inputs, folder / "pdf")
    published, layout = {}, {}
    for path, pdf in made.items():
        if path.stem.startswith("marked-"):
            name, extension = path.stem.removeprefix("marked-").rsplit("-", 1)
            layout[f"{name}.{extension}"] = (str(pdf), rows[f"{name}.{extension}"])
        else:
            template_id, extension = path.stem.rsplit("-", 1)
            published[(template_id, extension)] = str(pdf)
    return published, layout


@pytest.fixture(scope="module")
def pdfs(converted) -> dict[tuple[str, str], str]:
    return converted[0]


def pdf_info(pdf: str) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def pdf_text(pdf: str, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(["pdftotext", *pages, pdf, "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def words(text: str) -> str:
    return " ".join(text.split())


def appears(phrase: str, found: list[str]) -> bool:
    """The phrase's words in order, close together: table cells side by side interleave their
    lines in a PDF's text, but a word broken in two by a narrow column would not match."""
    wanted = phrase.split()
    for start, word in enumerate(found):
        if word != wanted[0]:
            continue
        at, ok = start, True
        for w in wanted[1:]:
            nxt = next((i for i in range(at + 1, min(at + 1 + MAX_GAP, len(found))) if found[i] == w), None)
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok:
            return True
    return False


def template_ids():
    return [t.id for t in load_templates(load_content()).templates]


@pytest.mark.parametrize("extension", ["docx", "odt"])
@pytest.mark.parametrize("template_id", template_ids())
def test_office_suite_opens_it_as_a4_with_page_numbers(pdfs, templates, template_id, extension):
    content, parsed = templates
    template = parsed.template(template_id)
    pdf = pdfs[(template_id, extension)]
    info = pdf_info(pdf)
    pages = int(info["Pages"])
    assert 1 <= pages <= MAX_PAGES
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert "(A4)" in info["Page size"]
    assert (width > height) == (template.orientation == "landscape")
    assert f"Page 1 of {pages}" in pdf_text(pdf, 1)
    assert f"Page {pages} of {pages}" in pdf_text(pdf, pages)
    text = pdf_text(pdf)
    assert words(template.title) in text
    assert words(content.framework.citation) in text


@pytest.mark.parametrize("extension", ["docx", "odt"])
@pytest.mark.parametrize("template_id", template_ids())
def test_every_item_column_and_fill_in_is_on_the_page(pdfs, templates, template_id, extension):
    _, parsed = templates
    template = parsed.template(template_id)
    found = pdf_text(pdfs[(template_id, extension)]).split()
    wanted = list(template.fill_ins())
    wanted += [item.title for item in template.items or []]
    wanted += [c.title for c in template.table.columns] if template.table else []
    wanted += [r[c.id] for r in template.table.rows for c in template.table.columns if c.id in r] if template.table else []
    missing = [w for w in wanted if not appears(w, found)]
    assert not missing


@pytest.mark.parametrize("template_id", template_ids())
def test_both_formats_lay_out_on_the_same_number_of_pages(pdfs, template_id):
    assert pdf_info(pdfs[(template_id, "docx")])["Pages"] == pdf_info(pdfs[(template_id, "odt")])["Pages"]


def office_file_names():
    content = load_content()
    return [f.name for f in all_files(load_templates(content), content, SITE) if f.format.extension in ("docx", "odt")]


@pytest.mark.parametrize("name", office_file_names())
def test_no_nearly_empty_first_page_and_no_row_taller_than_a_page(converted, name):
    pdf, rows = converted[1][name]
    assert layout_problems(pages(Path(pdf)), rows) == []
