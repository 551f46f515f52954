"""data/glossary.yml: it loads, mistakes give plain file:line messages, the glossary page lists
every term escaped, and in the built site every term is explained where a page first uses it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import PluginError

import macros
from macros.content.glossary import GLOSSARY_FILE, load_glossary
from macros.pages.glossary import glossary_page, term_title
from tests.glossary_helpers import undefined_first_uses
from tests.data_helpers import errors_for as data_errors, line_of

NAME = "data/glossary.yml"
REAL = GLOSSARY_FILE.read_text(encoding="utf-8")
GLOSSARY = load_glossary()
REQUIRED = ["SCR", "LCSPR", "CSPR", "rapid review", "LSCB", "safeguarding partners", "lead safeguarding partners",
            "delegated safeguarding partners", "relevant agency", "independent scrutiny",
            "Child Safeguarding Practice Review Panel", "yearly report", "learning and improvement framework",
            "business plan", "partnership chair"]


def errors_for(tmp_path: Path, text: str) -> list[str]:
    return data_errors(tmp_path, text, load_glossary, NAME)


def test_the_glossary_has_the_terms_the_pages_need():
    forms = {f for term in GLOSSARY.terms for f in [term.term, term.abbreviation, *term.also] if f}
    assert not [t for t in REQUIRED if t not in forms]


def test_a_form_of_two_terms_is_refused(tmp_path):
    text = REAL.replace("also: [rapid reviews]", "also: [rapid reviews, SCR]")
    assert errors_for(tmp_path, text) == [
        f"{NAME}:{line_of(text, 'also: [rapid reviews, SCR]')}: term 'rapid-review', also[1]: 'SCR' is already a "
        f"form of the term 'serious case review' (line {line_of(text, '- id: serious-case-review')}): keep it in one"]


def test_a_form_that_is_not_plain_words_is_refused(tmp_path):
    text = REAL.replace("abbreviation: SCR\n", "abbreviation: '*[SCR]'\n")
    assert errors_for(tmp_path, text) == [
        f"{NAME}:{line_of(text, 'abbreviation:', 1)}: term 'serious-case-review', abbreviation: '*[SCR]' cannot be "
        "matched in the pages: use letters, digits, spaces, hyphens and apostrophes only"]


def test_a_term_without_a_definition_is_refused(tmp_path):
    text = REAL.replace("    definition: The person who leads a review and writes its report.\n", "")
    assert errors_for(tmp_path, text) == [
        f"{NAME}:{line_of(text, '- id: lead-reviewer')}: term 'lead-reviewer', definition: required field is missing"]


def test_abbreviations_are_spelt_out_and_every_form_is_explained():
    abbrs = GLOSSARY.abbreviations()
    assert abbrs["LSCB"].startswith("Local Safeguarding Children Board: ")
    assert abbrs["CSPR"].startswith("Local child safeguarding practice review: ")
    assert "Serious Case Review" in abbrs and "safeguarding partnership" in abbrs
    assert "panel" not in abbrs  # a name is matched only as written


def test_glossary_text_is_never_markup_in_a_page_or_a_tooltip(tmp_path):
    text = REAL.replace("definition: The person who leads a review and writes its report.",
                        "definition: 'The <b>lead</b> *person* [x](y) {{ config }} \"quoted\"'")
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    glossary = load_glossary(path, name=NAME)
    page = glossary_page(glossary)
    html = markdown.markdown(page + "\nThe lead reviewer.", extensions=["abbr", "md_in_html", "attr_list"],
                             extension_configs={"abbr": {"glossary": glossary.abbreviations()}})
    assert "<b>" not in html and "<em>" not in html and "<a href=\"y\"" not in html
    assert "The &lt;b&gt;lead&lt;/b&gt; *person* [x](y) {{ config }}" in html
    assert 'title="The &lt;b&gt;lead&lt;/b&gt; *person* [x](y) {{ config }} &quot;quoted&quot;"' in html


def test_define_env_gives_the_glossary_to_the_abbr_extension():
    conf = {"markdown_extensions": ["abbr", "toc"], "mdx_configs": {"toc": {"permalink": False}}}
    macros.use_glossary(conf, GLOSSARY)
    assert conf["mdx_configs"]["toc"] == {"permalink": False}
    assert conf["mdx_configs"]["abbr"]["glossary"] == GLOSSARY.abbreviations()
    with pytest.raises(PluginError, match="abbr"):
        macros.use_glossary({"markdown_extensions": ["toc"], "mdx_configs": {}}, GLOSSARY)


def site_pages(built_site: Path) -> list[Path]:
    return [p for p in built_site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]


def test_every_term_is_explained_where_a_page_first_uses_it(built_site):
    pages = site_pages(built_site)
    assert len(pages) > 25
    problems = {}
    for page in pages:
        found = undefined_first_uses(page.read_text(encoding="utf-8"), GLOSSARY.terms)
        if found:
            problems[str(page.relative_to(built_site))] = found
    assert not problems


def test_marker_15_explains_its_abbreviations(built_site):
    html = (built_site / "markers" / "improvement-action" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Local Safeguarding Children Board: ' in html
    assert '(<abbr title="Serious case review: ' in html


def test_the_glossary_page_lists_every_term(built_site):
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in GLOSSARY.terms:
        assert f'<h2 id="{term.id}">' in html, term.id
    from tests.glossary_helpers import article_runs
    text = " ".join("".join(t for t, _ in article_runs(html)).split())
    for term in GLOSSARY.terms:
        assert term_title(term) in text
