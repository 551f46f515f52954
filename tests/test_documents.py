"""The document generators as pure functions: every file is read back with its own format's
reader and must hold every agenda item, column and fill-in field of data/templates.yml, in
order, and all formats must hold the same things."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from odf import opendocument
from odf.namespaces import FONS, TABLENS
from odf.style import PageLayoutProperties
from odf.table import Table as OdfTable
from odf.table import TableHeaderRows
from odf.text import PageCount, PageNumber

from macros.documents import FORMATS, all_files, size_label
from macros.documents.__main__ import configured_site_url
from macros.documents.layout import AGENDA_COLUMNS, ORGANISER, layout, question_label
from macros.documents.zipnorm import FIXED_TIME
from macros.content.markers import load_content
from macros.content.source import ROOT
from macros.content.templates import Template, load_templates, split_fill_ins
from macros.pages.templates import marker_templates, question_numbers, template_page, templates_index
from tests.readback import READERS, Outline

SITE = "https://example.org/quality-markers/"
EXTENSIONS = [f.extension for f in FORMATS]


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def templates(content):
    return load_templates(content)


@pytest.fixture(scope="module")
def files(templates, content):
    return {(f.template_id, f.format.extension): f.data for f in all_files(templates, content, SITE) if f.copy == ORGANISER}


@pytest.fixture(scope="module")
def outlines(files) -> dict[tuple[str, str], Outline]:
    return {key: READERS[key[1]](data) for key, data in files.items()}


def template_ids():
    return [t.id for t in load_templates(load_content()).templates]


def is_subsequence(wanted: list[str], found: list[str]) -> bool:
    it = iter(found)
    return all(any(w == f for f in it) for w in wanted)


@pytest.mark.parametrize("template_id", template_ids())
def test_all_formats_hold_the_same_headings_tables_and_fill_ins(outlines, template_id):
    docx_, odt_, md_ = (outlines[(template_id, ext)] for ext in EXTENSIONS)
    assert docx_.headings == odt_.headings == md_.headings
    assert [rows for _, rows in docx_.tables] == [rows for _, rows in odt_.tables] == [rows for _, rows in md_.tables]
    assert docx_.fill_ins == odt_.fill_ins == md_.fill_ins
    assert [name for name, _ in docx_.tables] == [name for name, _ in odt_.tables]


@pytest.mark.parametrize("extension", EXTENSIONS)
@pytest.mark.parametrize("template_id", template_ids())
def test_every_item_column_and_fill_in_is_there_in_order(templates, content, outlines, template_id, extension):
    template = templates.template(template_id)
    outline = outlines[(template_id, extension)]
    assert outline.headings[0] == (1, template.title)
    assert outline.fill_ins == template.fill_ins()
    assert all(f in outline.text for f in template.fill_ins())
    if template.details:
        assert (2, template.details.heading) in outline.headings
    assert is_subsequence([s.heading for s in template.notes], [h for _, h in outline.headings])
    if template.items is not None:
        rows = _named(outline, "agenda", extension)
        assert rows[0] == [title for title, _ in AGENDA_COLUMNS]
        assert len(rows) == 1 + len(template.items)
        for number, (row, item) in enumerate(zip(rows[1:], template.items), start=1):
            serves = question_label(content, template.marker_of(item.serves), item.serves) if item.serves else ""
            assert row == [str(number), "\n".join(filter(None, [item.title, item.notes])), item.lead,
                           str(item.minutes), item.purpose.capitalize(), serves]
    if template.table:
        rows = _named(outline, "plan", extension)
        columns = template.table.columns
        assert rows[0] == [c.title for c in columns]
        assert rows[1:1 + len(template.table.rows)] == [[r.get(c.id, "") for c in columns] for r in template.table.rows]
        assert rows[1 + len(template.table.rows):] == [[""] * len(columns)] * template.table.empty_rows
        assert (2, template.table.heading) in outline.headings


def _named(outline: Outline, name: str, extension: str) -> list[list[str]]:
    # Markdown tables have no name; each template has one table, so it is that one.
    return outline.tables[0][1] if extension == "md" else outline.rows(name)


def test_every_marker_question_a_template_serves_is_quoted(templates, content, outlines):
    for template in templates.templates:
        text = outlines[(template.id, "docx")].text
        for serves in template.serves:
            marker = content.marker(serves.marker)
            assert f"Marker {marker.number}: {marker.title}" in text
            for q in getattr(marker, "questions", []):
                assert (q.text in text) == (q.id in serves.questions)


@pytest.mark.parametrize("template_id", template_ids())
def test_docx_is_a_real_word_document(files, templates, content, template_id):
    template = templates.template(template_id)
    doc = docx.Document(io.BytesIO(files[(template_id, "docx")]))
    assert doc.core_properties.title == template.title
    assert doc.core_properties.language == "en-GB"
    assert doc.core_properties.created is None and doc.core_properties.modified is None
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    section = doc.sections[0]
    size = sorted([section.page_width, section.page_height])
    assert [round(v / Mm(1)) for v in size] == [210, 297]
    assert (section.page_width > section.page_height) == (template.orientation == "landscape")
    assert doc.paragraphs[0].style.name == "Heading 1"
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert content.framework.citation in footer and f"{SITE}templates/{template_id}/" in footer
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, "the header row must repeat"
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None
    for run in doc.element.body.iter(qn("w:r")):
        style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if style is not None and style.get(qn("w:val")) == "FillInField":
            text = "".join(t.text for t in run.iter(qn("w:t")))
            assert split_fill_ins(text) == [(text, True)], f"a fill-in run must hold only the field: {text!r}"


@pytest.mark.parametrize("template_id", template_ids())
def test_odt_is_a_real_opendocument_text(files, templates, content, template_id):
    template = templates.template(template_id)
    data = files[(template_id, "odt")]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    doc = opendocument.load(io.BytesIO(data))
    meta = doc.metaxml()
    assert f"<dc:title>{template.title}</dc:title>" in meta.replace("&apos;", "'")
    assert "<dc:language>en-GB</dc:language>" in meta
    props = doc.automaticstyles.getElementsByType(PageLayoutProperties)[0]
    width, height = props.getAttrNS(FONS, "page-width"), props.getAttrNS(FONS, "page-height")
    assert sorted([width, height]) == ["210mm", "297mm"]
    assert (width == "297mm") == (template.orientation == "landscape")
    assert doc.masterstyles.getElementsByType(PageNumber) and doc.masterstyles.getElementsByType(PageCount)
    assert content.framework.citation in doc.stylesxml()
    for table in doc.text.getElementsByType(OdfTable):
        assert table.getAttrNS(TABLENS, "name") in ("agenda", "plan")
        assert table.getElementsByType(TableHeaderRows), "the header row must repeat"
    headings = [h for h in doc.text.childNodes if h.qname[1] == "h"]
    assert headings[0].getAttribute("outlinelevel") == "1"


@pytest.mark.parametrize("extension", ["docx", "odt"])
def test_empty_plan_rows_are_identical_so_a_script_can_copy_one(files, templates, extension):
    template = templates.template("action-plan")
    data = files[("action-plan", extension)]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml" if extension == "docx" else "content.xml").decode()
    rows = xml.split("<w:tr>" if extension == "docx" else "<table:table-row ")
    last = [r.split("</w:tr>" if extension == "docx" else "</table:table-row>")[0] for r in rows[-template.table.empty_rows:]]
    assert len(last) == template.table.empty_rows >= 2 and len(set(last)) == 1


@pytest.mark.parametrize("extension", ["docx", "odt"])
def test_office_files_are_reproducible_zips(templates, content, files, extension):
    first = {f.path: f.data for f in all_files(templates, content, SITE) if f.format.extension == extension}
    again = {f.path: f.data for f in all_files(templates, content, SITE) if f.format.extension == extension}
    assert first == again and len(again) == len(templates.templates) + 2  # and the two members' copies
    for data in again.values():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert {i.date_time for i in z.infolist()} == {FIXED_TIME}
            names = z.namelist()
            assert names[0] in ("mimetype", "[Content_Types].xml")
            assert names[1:] == sorted(names[1:])
            assert "docProps/thumbnail.jpeg" not in names


def test_one_file_does_not_depend_on_what_was_made_before(templates, content):
    """odfpy shares state between documents; each file must be the same made alone or after others."""
    made = {f.template_id: f.data for f in all_files(templates, content, SITE) if f.format.extension == "odt"}
    reverse = replace(templates, templates=list(reversed(templates.templates)))
    again = {f.template_id: f.data for f in all_files(reverse, content, SITE) if f.format.extension == "odt"}
    assert made == again


def test_markdown_keeps_fill_ins_and_escapes_markup(templates, content):
    from macros.documents.markdown import markdown_document
    template = templates.template("board-agenda")
    odd = replace(template, introduction=["Use *care* | here [Your name] <b>"])
    text = markdown_document(odd, content, SITE).decode()
    assert "Use \\*care\\* \\| here [Your name] \\<b\\>" in text


def test_markdown_never_makes_a_link_from_content(templates, content):
    import markdown

    from macros.documents.markdown import markdown_document
    template = templates.template("board-agenda")
    odd = replace(template, introduction=["See [Date](javascript:alert(1)), ![x](data:x) and [Venue][Date].",
                                          "[Date]: javascript:alert(1)"])
    text = markdown_document(odd, content, SITE).decode()
    assert "See [Date]\\(javascript:alert(1)), ![x]\\(data:x) and [Venue]\\[Date]." in text
    assert "[Date]\\: javascript:alert(1)" in text
    shown = markdown.markdown(text)
    assert "<a " not in shown and "<img" not in shown and "javascript:alert(1)" in shown


def test_question_labels_and_durations(content, templates):
    assert question_label(content, "improvement-action", "time-given") == "15.3"
    page = layout(templates.template("board-agenda"), content, SITE)
    assert page.blocks[0].text == templates.template("board-agenda").title
    from macros.documents.layout import _duration
    assert [_duration(m) for m in (5, 60, 61, 195)] == ["5 minutes", "1 hour", "1 hour 1 minute", "3 hours 15 minutes"]


def test_size_labels():
    assert [size_label(n) for n in (10, 1024, 38_000, 2_500_000)] == ["1 KB", "1 KB", "37 KB", "2.4 MB"]


def test_template_page_escapes_yaml_and_links_downloads(templates, content):
    template = templates.template("board-agenda")
    odd = replace(template, title="<script>x</script>", purpose="A & B")
    fake = replace(templates, templates=[odd])
    files = all_files(fake, content, SITE)
    page = template_page(fake, content, "board-agenda", files, SITE, "templates/board-agenda/")
    assert "<script>" not in page and "&lt;script&gt;" in page and "A &amp; B" in page
    for ext in EXTENSIONS:
        assert f'href="board-agenda.{ext}" download' in page
    # Page Markdown: the brackets are escaped so they stay text (md_in_html reads the line).
    assert r'<span class="scr-fill">\[Venue\]</span>' in page
    assert "(../markers/improvement-action.md)" in page
    listing = templates_index(fake, content, files, "templates/")
    assert 'href="board-agenda/board-agenda.docx" download' in listing
    # The offline copy's pages end in .html, one level up from the files' folders.
    offline = template_page(fake, content, "board-agenda", files, SITE, "templates/board-agenda.html")
    assert 'href="board-agenda/board-agenda.docx" download' in offline
    assert 'href="board-agenda/board-agenda.odt" download' in templates_index(fake, content, files, "templates/index.html")


def test_marker_pages_list_the_templates_that_serve_them(templates, content):
    section = marker_templates(templates, content, "improvement-action")
    for t in templates.templates:
        assert f"(../templates/{t.id}.md)" in section
    assert "helps with questions 1, 2, 3, 4 and 5" in section
    assert marker_templates(templates, content, "referral") == ""
    assert question_numbers(content, "improvement-action", ["prioritised-response"]) == "question 5"


def test_command_line_writes_every_template_in_every_format(tmp_path, templates, content):
    result = subprocess.run([sys.executable, "-m", "macros.documents", "--out", str(tmp_path), "--site-url", SITE],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for f in all_files(templates, content, SITE):
        assert (tmp_path / f.path).read_bytes() == f.data


def test_command_line_uses_the_configured_site_address(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.net/markers/")
    assert configured_site_url() == "https://example.net/markers/"


def test_templates_hold_what_partnerships_use_today(templates):
    """The five templates, with the columns, rows and items that the papers and users rely on."""
    plan = {c.id: c for c in templates.template("action-plan").table.columns}
    assert list(plan)[:2] == ["reference", "action"] and "SMART" not in str(templates)
    assert plan["evidence-done"] and plan["evidence-difference"]  # kept apart
    assert plan["status"].choices[-1] == "Closed and signed off" and "Off track" in plan["status"].choices
    assert "cause" in plan["how"].hint and "Training" in plan["how"].choices
    audiences = [r["audience"] for r in templates.template("engagement-plan").table.rows]
    assert audiences[0].startswith("The child's family") and "Schools, colleges and early years settings" in audiences
    agenda = templates.template("board-agenda")
    assert agenda.details.fields[:1] == ["Partnership"] and {"Start time", "End time"} <= set(agenda.details.fields)
    assert agenda.item_for("findings").purpose == "decision" and agenda.item_for("self_assessment")
    assert agenda.items[-1].serves is None  # any other business serves no marker question
    assert any(item.purpose == "break" for item in agenda.items)
    kinds = {purpose: sum(i.minutes for i in agenda.items if i.purpose == purpose) for purpose in ("information", "discussion", "decision")}
    assert kinds["information"] < kinds["discussion"] + kinds["decision"]
    subgroup = [item.id for item in templates.template("subgroup-agenda").items]
    assert {"recommendation-on-findings", "draft-written-response", "identification-check"} <= set(subgroup)
    briefing = templates.template("seven-minute-briefing")
    assert briefing.items is None and briefing.table is None and len(briefing.notes) >= 7


def test_cached_files_are_reused_only_for_the_same_input(tmp_path, monkeypatch):
    from macros import documents

    content = load_content()
    templates = load_templates(content)
    first = documents.all_files(templates, content, "https://example.org/", cache=tmp_path)
    made = []
    monkeypatch.setattr(documents, "template_files", lambda *a: made.append(a) or [])
    again = documents.all_files(templates, content, "https://example.org/", cache=tmp_path)
    assert made == [] and [(f.path, f.data) for f in again] == [(f.path, f.data) for f in first]
    documents.all_files(templates, content, "https://example.net/", cache=tmp_path)
    assert len(made) == len(templates.templates)  # another address: made afresh
