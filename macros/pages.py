"""Keep the small page file of each marker (`docs/markers/<id>.md`) in step with the YAML.

MkDocs builds pages from files, so each marker has a two-line file that calls `marker_page`.
`python -m macros.pages` lists what is missing or left over; `--fix` writes and removes them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.load import ROOT, load_content
from macros.model import Content
from macros.render import MARKERS_DIR, marker_stub
from macros.source import DataError

DOCS = ROOT / "docs"


def page_problems(content: Content, docs: Path = DOCS) -> list[str]:
    """Each problem names the file and the exact fix."""
    folder = docs / MARKERS_DIR
    wanted = {m.id for m in content.markers}
    present = {p.stem for p in folder.glob("*.md")}
    problems = []
    for marker_id in sorted(wanted - present):
        problems.append(
            f"docs/{MARKERS_DIR}/{marker_id}.md is missing for marker '{marker_id}': run `make pages`, "
            f"or create it with exactly this content:\n{marker_stub(marker_id)}"
        )
    for marker_id in sorted(present - wanted):
        problems.append(
            f"docs/{MARKERS_DIR}/{marker_id}.md has no marker '{marker_id}' in data/markers.yml: "
            "run `make pages`, or delete the file"
        )
    for marker_id in sorted(wanted & present):
        path = folder / f"{marker_id}.md"
        if path.read_text(encoding="utf-8") != marker_stub(marker_id):
            problems.append(
                f"docs/{MARKERS_DIR}/{marker_id}.md should hold only the call to marker_page "
                f"(content belongs in data/markers.yml): run `make pages`, or replace it with:\n"
                f"{marker_stub(marker_id)}"
            )
    return problems


def fix_pages(content: Content, docs: Path = DOCS) -> None:
    folder = docs / MARKERS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {m.id for m in content.markers}
    for path in folder.glob("*.md"):
        if path.stem not in wanted:
            path.unlink()
    for marker_id in wanted:
        path = folder / f"{marker_id}.md"
        if not path.exists() or path.read_text(encoding="utf-8") != marker_stub(marker_id):
            path.write_text(marker_stub(marker_id), encoding="utf-8")


def main(argv: list[str]) -> int:
    try:
        content = load_content()
    except DataError as e:
        print(e, file=sys.stderr)
        return 1
    if "--fix" in argv:
        fix_pages(content)
    problems = page_problems(content)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
