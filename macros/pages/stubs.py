"""Keep the small page files in step with the YAML: one per marker (`docs/markers/<id>.md`)
and one per template (`docs/templates/<id>.md`).

MkDocs builds pages from files, so each item has a two-line file that calls its macro.
`make check` lists what is missing or left over; `make pages` writes and removes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.content.markers import Content
from macros.content.source import ROOT
from macros.content.templates import Templates
from macros.pages.markers import MARKERS_DIR, page_stub

DOCS = ROOT / "docs"
TEMPLATES_DIR = "templates"


@dataclass(frozen=True)
class PageSet:
    """The pages of one data file: a stub per item in `docs/<folder>/`, each calling `macro`."""

    folder: str
    noun: str
    data_file: str
    macro: str
    ids: frozenset[str]
    keep: frozenset[str] = frozenset()  # hand-written pages that live in the same folder

    def stub(self, item_id: str) -> str:
        return page_stub(self.macro, item_id)


def page_sets(content: Content, templates: Templates | None = None) -> list[PageSet]:
    sets = [PageSet(MARKERS_DIR, "marker", "data/markers.yml", "marker_page",
                    frozenset(m.id for m in content.markers))]
    if templates is not None:
        sets.append(PageSet(TEMPLATES_DIR, "template", "data/templates.yml", "template_page",
                            frozenset(t.id for t in templates.templates), keep=frozenset({"index"})))
    return sets


def page_problems(content: Content, templates: Templates | None = None, docs: Path = DOCS) -> list[str]:
    """Each problem names the file and the exact fix."""
    return [p for pages in page_sets(content, templates) for p in _problems(pages, docs)]


def _problems(pages: PageSet, docs: Path) -> list[str]:
    folder = docs / pages.folder
    present = {p.stem for p in folder.glob("*.md")} - pages.keep
    problems = []
    for item_id in sorted(pages.ids - present):
        problems.append(
            f"docs/{pages.folder}/{item_id}.md is missing for {pages.noun} '{item_id}': run `make pages`, "
            f"or create it with exactly this content:\n{pages.stub(item_id)}"
        )
    for item_id in sorted(present - pages.ids):
        problems.append(
            f"docs/{pages.folder}/{item_id}.md has no {pages.noun} '{item_id}' in {pages.data_file}: "
            "run `make pages`, or delete the file"
        )
    for item_id in sorted(pages.ids & present):
        path = folder / f"{item_id}.md"
        if path.read_text(encoding="utf-8") != pages.stub(item_id):
            problems.append(
                f"docs/{pages.folder}/{item_id}.md should hold only the call to {pages.macro} "
                f"(content belongs in {pages.data_file}): run `make pages`, or replace it with:\n"
                f"{pages.stub(item_id)}"
            )
    return problems


def fix_pages(content: Content, templates: Templates | None = None, docs: Path = DOCS) -> None:
    for pages in page_sets(content, templates):
        folder = docs / pages.folder
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.glob("*.md"):
            if path.stem not in pages.ids | pages.keep:
                path.unlink()
        for item_id in pages.ids:
            path = folder / f"{item_id}.md"
            if not path.exists() or path.read_text(encoding="utf-8") != pages.stub(item_id):
                path.write_text(pages.stub(item_id), encoding="utf-8")

