"""The page files of markers and templates: one two-line stub per item, checked with the exact fix."""

from __future__ import annotations

import shutil

import pytest

from macros.content.markers import ROOT, load_content
from macros.pages.stubs import fix_pages, page_problems
from macros.pages.markers import page_stub
from macros.content.templates import load_templates


@pytest.fixture(scope="module")
def data():
    content = load_content()
    return content, load_templates(content)


@pytest.fixture
def docs(tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy)
    return copy


def test_the_repository_pages_are_in_step(data):
    assert page_problems(*data) == []


def test_a_missing_template_page_names_the_file_and_its_exact_content(data, docs):
    (docs / "templates" / "board-agenda.md").unlink()
    assert page_problems(*data, docs=docs) == [
        "docs/templates/board-agenda.md is missing for template 'board-agenda': run `make pages`, "
        f"or create it with exactly this content:\n{page_stub('template_page', 'board-agenda')}"
    ]


def test_left_over_and_edited_pages_are_reported_but_the_list_page_is_kept(data, docs):
    (docs / "templates" / "old-agenda.md").write_text("x", encoding="utf-8")
    (docs / "markers" / "referral.md").write_text("# Referral\n", encoding="utf-8")
    assert page_problems(*data, docs=docs) == [
        "docs/markers/referral.md should hold only the call to marker_page (content belongs in "
        f"data/markers.yml): run `make pages`, or replace it with:\n{page_stub('marker_page', 'referral')}",
        "docs/templates/old-agenda.md has no template 'old-agenda' in data/templates.yml: run `make pages`, "
        "or delete the file",
    ]


def test_fix_pages_mends_both_folders_and_keeps_the_list(data, docs):
    (docs / "templates" / "board-agenda.md").unlink()
    (docs / "templates" / "old-agenda.md").write_text("x", encoding="utf-8")
    (docs / "markers" / "referral.md").unlink()
    fix_pages(*data, docs=docs)
    assert page_problems(*data, docs=docs) == []
    assert (docs / "templates" / "index.md").exists()
    assert not (docs / "templates" / "old-agenda.md").exists()
