"""The downloadable files of each template, made by pure functions: data in, bytes out.

The build calls `all_files` once and writes the bytes into the site after MkDocs has finished;
`python -m macros.documents --out DIR` writes the same files for any other builder.

For scripts that fill a document in (both office formats are deflated ZIP packages):
- every fill-in field is a run (.docx `w:r` with style `FillInField`; .odt `text:span` with
  style `Fill_20_in_20_field`) whose whole text is '[Field name]';
- the details are paragraphs in the style `Detail`: bold label, tab, fill-in run;
- the agenda is the table named 'agenda' (`w:tblCaption` / `table:name`), one row an item;
  a plan is the table named 'plan', whose empty rows at the end are identical, to copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.documents.docx import docx_document
from macros.documents.markdown import markdown_document
from macros.documents.odt import odt_document
from macros.model import Content
from macros.template_model import Template, Templates


@dataclass(frozen=True)
class Format:
    extension: str
    label: str  # as shown on the site
    make: Callable[[Template, Content, str], bytes]


FORMATS = (
    Format("docx", "Word document", docx_document),
    Format("odt", "OpenDocument text", odt_document),
    Format("md", "Markdown", markdown_document),
)


@dataclass(frozen=True)
class File:
    template_id: str
    format: Format
    data: bytes

    @property
    def name(self) -> str:
        return f"{self.template_id}.{self.format.extension}"

    @property
    def path(self) -> str:
        """Where the file goes in the built site, beside the template's page."""
        return f"templates/{self.template_id}/{self.name}"


def template_files(template: Template, content: Content, site_url: str) -> list[File]:
    return [File(template.id, f, f.make(template, content, site_url)) for f in FORMATS]


def all_files(templates: Templates, content: Content, site_url: str) -> list[File]:
    """Every template in every format, in the order of data/templates.yml."""
    return [file for t in templates.templates for file in template_files(t, content, site_url)]


def write_files(files: list[File], out: Path) -> None:
    """Write the files under `out` (a built site, or any folder) at their site paths."""
    for file in files:
        path = out / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.data)


def size_label(size: int) -> str:
    """File sizes as GOV.UK writes them: '38 KB', '1.2 MB'."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
