"""The downloadable files of each template, made by pure functions: data in, bytes out.

The build calls `all_files` once and writes the bytes into the site after MkDocs has finished;
`python -m macros.documents --out DIR` writes the same files for any other builder.

For scripts that fill a document in (both office formats are deflated ZIP packages):
- every fill-in field is a run (.docx `w:r` with style `FillInField`; .odt `text:span` with
  style `Fill_20_in_20_field`) whose whole text is '[Field name]';
- the details are paragraphs in the style `Detail`: bold label, tab, fill-in run;
- the agenda is the table named 'agenda' (`w:tblCaption` / `table:name`), one row an item,
  and its total is the paragraph in the style `PlannedTime` (.odt `Planned_20_time`);
  a plan is the table named 'plan', whose empty rows at the end are identical, to copy.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from macros.content.markers import Content
from macros.content.templates import Template, Templates
from macros.documents.layout import MEMBERS, ORGANISER

# The templates that "Meeting papers" fills in, in the browser (docs/assets/js/papers.mjs): each
# also has a members' copy in the office formats, which the papers are made from.
PAPER_TEMPLATES = ("board-agenda", "action-plan")


@dataclass(frozen=True)
class Format:
    extension: str
    label: str  # as shown on the site
    maker: str  # "module:function", imported when first needed (see FileCache)

    def make(self, template: Template, content: Content, site_url: str, copy: str = ORGANISER) -> bytes:
        module, function = self.maker.split(":")
        return getattr(importlib.import_module(module), function)(template, content, site_url, copy)


OFFICE = ("docx", "odt")
FORMATS = (
    Format("docx", "Word document", "macros.documents.docx:docx_document"),
    Format("odt", "OpenDocument text", "macros.documents.odt:odt_document"),
    Format("md", "Markdown", "macros.documents.markdown:markdown_document"),
)


@dataclass(frozen=True)
class File:
    template_id: str
    format: Format
    data: bytes
    copy: str = ORGANISER  # the members' copies are only for meeting papers: no page lists them

    @property
    def name(self) -> str:
        suffix = "-members" if self.copy == MEMBERS else ""
        return f"{self.template_id}{suffix}.{self.format.extension}"

    @property
    def path(self) -> str:
        """Where the file goes in the built site, beside the template's page."""
        return f"templates/{self.template_id}/{self.name}"


def template_files(template: Template, content: Content, site_url: str) -> list[File]:
    files = [File(template.id, f, f.make(template, content, site_url)) for f in FORMATS]
    if template.id in PAPER_TEMPLATES:
        files += [File(template.id, f, f.make(template, content, site_url, MEMBERS), MEMBERS)
                  for f in FORMATS if f.extension in OFFICE]
    return files


def all_files(templates: Templates, content: Content, site_url: str, cache: Path | None = None) -> list[File]:
    """Every template in every format, in the order of data/templates.yml.

    With `cache`, files made by an earlier build from exactly the same input (data, site
    address, this package's code and the office libraries' versions) are read back instead
    of made again: making the office files is most of the site's build time, and `make serve`
    rebuilds on every edit.
    """
    folder = cache / cache_key(templates, content, site_url) if cache else None
    made = [file for t in templates.templates for file in _expected(t)]
    if folder and all((folder / file.name).is_file() for file in made):
        return [File(f.template_id, f.format, (folder / f.name).read_bytes(), f.copy) for f in made]
    files = [file for t in templates.templates for file in template_files(t, content, site_url)]
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        for file in files:
            (folder / file.name).write_bytes(file.data)
    return files


def _expected(template: Template) -> list[File]:
    """The files `template_files` makes for `template`, without their bytes (to find them in the cache)."""
    files = [File(template.id, f, b"") for f in FORMATS]
    if template.id in PAPER_TEMPLATES:
        files += [File(template.id, f, b"", MEMBERS) for f in FORMATS if f.extension in OFFICE]
    return files


def cache_key(templates: Templates, content: Content, site_url: str) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps([asdict(templates), asdict(content), site_url], sort_keys=True).encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    from importlib import metadata  # only here: it is slow to import and most builds never need it

    for library in ("python-docx", "odfpy", "lxml"):
        digest.update(metadata.version(library).encode())
    return digest.hexdigest()[:32]


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
