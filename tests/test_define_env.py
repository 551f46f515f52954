"""define_env with a stand-in for the macros plugin: what it registers and how it fails."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

import macros
from macros.content.markers import load_content
from macros.pages.stubs import fix_pages, page_problems
from macros.pages.markers import marker_stub


class FakeEnv:
    def __init__(self, nav):
        self.conf = {"nav": nav, "plugins": {}, "extra": {}, "site_url": "https://example.org/"}
        self.variables = {}
        self.macros = {}

    def macro(self, fn):
        self.macros[fn.__name__] = fn
        return fn


def test_registers_macros_and_puts_markers_in_the_nav():
    env = FakeEnv([{"Home": "index.md"}, {"Markers": macros.NAV_PLACEHOLDER},
                   {"Templates": macros.TEMPLATES_INDEX}, {"About": "about.md"}])
    macros.define_env(env)
    assert {"marker_page", "framework_map", "citation", "offline_download"} <= set(env.macros)
    assert "polyfills" not in env.conf["extra"]
    nav = env.conf["nav"]
    assert nav[0] == {"Home": "index.md"} and nav[-1] == {"About": "about.md"}
    stages = nav[1:4]
    assert [list(section)[0] for section in stages] == ["Review setup", "Running the review", "Review outputs"]
    assert sum(len(list(section.values())[0]) for section in stages) == 18
    assert nav[4]["Templates"][0] == macros.TEMPLATES_INDEX
    assert env.macros["marker_page"]("improvement-action").startswith("# Improvement action")


def test_nav_without_placeholder_is_an_error():
    with pytest.raises(PluginError, match="MARKERS-FROM-DATA"):
        macros.splice_nav([{"Home": "index.md"}], [])


def test_missing_and_left_over_page_files_name_the_exact_fix(tmp_path):
    content = load_content()
    fix_pages(content, docs=tmp_path)
    assert page_problems(content, docs=tmp_path) == []
    (tmp_path / "markers" / "referral.md").unlink()
    (tmp_path / "markers" / "old-marker.md").write_text("x", encoding="utf-8")
    (tmp_path / "markers" / "analysis.md").write_text("# Analysis\n", encoding="utf-8")
    problems = page_problems(content, docs=tmp_path)
    assert problems == [
        "docs/markers/referral.md is missing for marker 'referral': run `make pages`, "
        f"or create it with exactly this content:\n{marker_stub('referral')}",
        "docs/markers/old-marker.md has no marker 'old-marker' in data/markers.yml: run `make pages`, "
        "or delete the file",
        "docs/markers/analysis.md should hold only the call to marker_page (content belongs in "
        f"data/markers.yml): run `make pages`, or replace it with:\n{marker_stub('analysis')}",
    ]
    fix_pages(content, docs=tmp_path)
    assert page_problems(content, docs=tmp_path) == []


def test_the_real_docs_have_one_page_file_per_marker():
    assert page_problems(load_content()) == []


def test_a_preview_says_where_the_offline_copy_comes_from_instead_of_linking_to_nothing():
    nav = [{"Markers": macros.NAV_PLACEHOLDER}, {"Templates": macros.TEMPLATES_INDEX}]
    env = FakeEnv(nav)
    macros.define_env(env)
    assert 'href="downloads/scr-quality-markers-offline.zip"' in env.macros["offline_download"]()
    env = FakeEnv(nav)
    env.conf["extra"]["preview"] = True  # as mkdocs.yml sets it under `make serve`
    macros.define_env(env)
    note = env.macros["offline_download"]()
    assert "href" not in note and "make build" in note
