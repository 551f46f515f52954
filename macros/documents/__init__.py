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


@dataclass(frozen=True)
class Format:
    extension: str
    label: str  # as shown on the site
    maker: str  # "module:function", imported when first needed (see FileCache)

    def make(self, template: Template, content: Content, site_url: str) -> bytes:
        module, function = self.maker.split(":")
        return getattr(importlib.import_module(module), function)(template, content, site_url)


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

    @property
    def name(self) -> str:
        return f"{self.template_id}.{self.format.extension}"

    @property
    def path(self) -> str:
        """Where the file goes in the built site, beside the template's page."""
        return f"templates/{self.template_id}/{self.name}"


def template_files(template: Template, content: Content, site_url: str) -> list[File]:
    return [File(template.id, f, f.make(template, content, site_url)) for f in FORMATS]


def all_files(templates: Templates, content: Content, site_url: str, cache: Path | None = None) -> list[File]:
    """Every template in every format, in the order of data/templates.yml.

    With `cache`, files made by an earlier build from exactly the same input (data, site
    address, this package's code and the office libraries' versions) are read back instead
    of made again: making the office files is most of the site's build time, and `make serve`
    rebuilds on every edit.
    """
    folder = cache / cache_key(templates, content, site_url) if cache else None
    if folder and all((folder / f"{t.id}.{f.extension}").is_file() for t in templates.templates for f in FORMATS):
        return [File(t.id, f, (folder / f"{t.id}.{f.extension}").read_bytes())
                for t in templates.templates for f in FORMATS]
    files = [file for t in templates.templates for file in template_files(t, content, site_url)]
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        for file in files:
            (folder / file.name).write_bytes(file.data)
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
