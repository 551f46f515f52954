"""Load and check `data/markers.yml`: the one entry point for marker content."""

from __future__ import annotations

from pathlib import Path

from macros.model import Content
from macros.source import Items, Source, as_dict, as_list, first_use_checker, problem, read_source, validate

ROOT = Path(__file__).resolve().parent.parent
MARKERS_FILE = ROOT / "data" / "markers.yml"
MARKER_ITEMS = Items(key="markers", noun="marker")


def load_content(path: Path = MARKERS_FILE, name: str | None = None) -> Content:
    """The validated framework, or DataError with every problem in the file.

    `name` is how messages refer to the file (by default its path from the project root).
    """
    source = read_source(path, name or display_name(path))
    return validate(source, Content, MARKER_ITEMS, marker_checks)


def display_name(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def marker_checks(source: Source, items: Items) -> list[tuple[int, str]]:
    """Rules that span several items; tolerant of the shape errors `macros.shape` reports."""
    found: list[tuple[int, str]] = []
    stages = as_list(source.data.get("stages"))
    markers = as_list(source.data.get("markers"))

    check_stage, dup_stages = first_use_checker(source, items, "stage id")
    stage_ids = []
    for i, stage in enumerate(stages):
        stage_id = as_dict(stage).get("id")
        check_stage(("stages", i, "id"), stage_id)
        stage_ids.append(stage_id)
    found += dup_stages

    check_id, dup_ids = first_use_checker(source, items, "id")
    check_number, dup_numbers = first_use_checker(source, items, "number")
    used_stages = set()
    for i, marker in enumerate(markers):
        marker = as_dict(marker)
        check_id(("markers", i, "id"), marker.get("id"))
        check_number(("markers", i, "number"), marker.get("number"))
        stage = marker.get("stage")
        if isinstance(stage, str):
            used_stages.add(stage)
            if stage_ids and stage not in stage_ids:
                known = ", ".join(s for s in stage_ids if isinstance(s, str))
                found.append(problem(source, items, ("markers", i, "stage"),
                                     f"unknown stage '{stage}' (the stages are: {known})"))
        check_question, dup_questions = first_use_checker(source, items, "id")
        for q, question in enumerate(as_list(marker.get("questions"))):
            check_question(("markers", i, "questions", q, "id"), as_dict(question).get("id"))
        found += dup_questions
        found += _citation_checks(source, items, i, marker)
    found += dup_ids + dup_numbers

    if markers:
        for i, stage_id in enumerate(stage_ids):
            if isinstance(stage_id, str) and stage_id not in used_stages:
                found.append(problem(source, items, ("stages", i, "id"),
                                     f"no marker is in stage '{stage_id}': add one, or remove the stage"))
    return found


def _citation_checks(source: Source, items: Items, i: int, marker: dict) -> list[tuple[int, str]]:
    """A structured citation must match the words it stands for, so the two cannot drift."""
    found = []
    for s, item in enumerate(as_list(marker.get("statutory_guidance"))):
        text = as_dict(item).get("text")
        for c, cite in enumerate(as_list(as_dict(item).get("citations"))):
            cite = as_dict(cite)
            pages = cite.get("pages")
            if not (isinstance(text, str) and isinstance(pages, list)):
                continue
            expected = f"{cite.get('author')}, {cite.get('year')}: {', '.join(str(p) for p in pages)}"
            if expected not in " ".join(text.split()):
                loc = ("markers", i, "statutory_guidance", s, "citations", c)
                found.append(problem(source, items, loc,
                                     f"the citation '{expected}' does not appear in the text it belongs to"))
    return found
