"""Render functions on the content model, without MkDocs."""

from __future__ import annotations

import html
import re
import string
from dataclasses import replace

import markdown

from macros.content.markers import Content, load_content
from macros.content.shape import build
from macros.pages import markers as render
from macros.pages.markdown import esc_md, span

CONTENT = load_content()


def small_content(**marker_changes) -> Content:
    """Two stages, one full marker and one outline, for focused checks."""
    full = {
        "id": "full-one", "number": 1, "stage": "first", "title": "Full <one> & *more*",
        "source_url": "https://example.org/full",
        "quality_statement": "Statement <b>bold</b> & more.", "rationale": ["Why it matters."],
        "questions": [{"id": "q-a", "text": "Is <script>alert(1)</script> escaped?"}],
        "knowledge_base": ["Knowledge."], "statutory_guidance": [{"text": "Guidance."}],
        "obstacles": ["Obstacle."], **marker_changes,
    }
    outline = {"id": "outline-two", "number": 2, "stage": "second", "title": "Outline two",
               "source_url": "https://example.org/outline", "summary": "Our summary."}
    return build(Content, {
        "framework": {"title": "T", "publisher": "P", "year": 2016, "citation": "Citation.",
                      "content_version": "1"},
        "stages": [{"id": "first", "title": "First"}, {"id": "second", "title": "Second"}],
        "markers": [full, outline],
    })


def test_text_from_the_yaml_is_escaped():
    page = render.marker_page(small_content(), "full-one")
    assert "<script>" not in page and "<b>" not in page
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; escaped?" in page
    assert r"# Full &lt;one&gt; &amp; \*more\*" in page


def test_every_punctuation_mark_reads_back_as_written():
    """Escaped for Markdown, text shows as it was written: no markup, and no stray backslash."""
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code", "abbr", "attr_list", "md_in_html", "def_list", "admonition"])
    shown = lambda source: html.unescape(re.sub(r"<[^>]+>", "", md.reset().convert(source))).strip()  # noqa: E731
    for text in (string.punctuation, "A ~ B | C", "1. Not a list", "Title *with* _marks_ and [brackets](x)"):
        assert shown("# " + esc_md(text)) == text
        assert shown(f"- [{esc_md(text)}](page.md)") == text
        assert shown(span("p", text)) == text


def test_full_marker_sections_follow_the_source_order():
    page = render.marker_page(CONTENT, "improvement-action")
    positions = [page.index(esc_md(h)) for k, h in render.HEADINGS.items() if k != "equality_and_diversity"]
    assert positions == sorted(positions)
    assert "Equality" not in page


def test_equality_and_diversity_shows_when_present():
    page = render.marker_page(small_content(equality_and_diversity=["Consider diversity."]), "full-one")
    assert "## Equality &amp; diversity {#equality-and-diversity}" in page
    assert page.index("Consider diversity.") < page.index("Obstacle.")


def test_outline_page_is_labelled_summary_and_has_no_questions():
    page = render.marker_page(CONTENT, "referral")
    assert "not yet on this site" in page
    assert "It is not the official quality statement" in page
    assert "scr-questions" not in page
    assert 'href="https://www.scie.org.uk/safeguarding/children/case-reviews/quality-markers/settingup/referral/"' in page


def test_pager_links_neighbours_in_framework_order():
    assert ('<li class="scr-pager-next" markdown="span">[<span class="scr-pager-label">Next marker</span> '
            "2\\. Decision making](decision-making.md)</li>") in render.pager(CONTENT, "referral")
    assert "Previous marker" not in render.pager(CONTENT, "referral")
    last = render.pager(CONTENT, "implementation-and-evaluation")
    assert ('<li class="scr-pager-prev" markdown="span">[<span class="scr-pager-label">Previous marker</span> '
            "17\\. Publication](publication.md)</li>") in last and "Next marker" not in last


def test_order_follows_the_yaml_not_the_numbers():
    content = small_content()
    swapped = replace(content, markers=list(reversed(content.markers)), stages=list(reversed(content.stages)))
    assert [m.id for m in swapped.ordered_markers()] == ["outline-two", "full-one"]
    assert render.nav_sections(swapped) == [{"Second": [{"2. Outline two": "markers/outline-two.md"}]},
                                            {"First": [{"1. Full &lt;one&gt; &amp; *more*": "markers/full-one.md"}]}]


def test_framework_map_lists_every_marker_by_stage():
    text = render.framework_map(CONTENT)
    assert "18 markers in 3 stages" in text
    for stage in CONTENT.stages:
        assert render.stage_label(CONTENT, stage.id) in text.replace("\\", "")
    assert text.count("(summary only)") == 17
    assert text.count("(full guidance and checklist)") == 1
    assert "- Marker 15: [Improvement action](markers/improvement-action.md) (full guidance and checklist)" in text


def test_large_stages_are_grouped_in_the_navigation():
    sections = render.nav_sections(CONTENT, group_size=2)
    setup = sections[0]["Review setup"]
    assert setup == [
        {"Markers 1 to 2": [{"1. Referral": "markers/referral.md"}, {"2. Decision making": "markers/decision-making.md"}]},
        {"Markers 3 to 4": [{"3. Advising board members": "markers/advising-board-members.md"},
                            {"4. Informing the family": "markers/informing-the-family.md"}]},
        {"Markers 5 to 5": [{"5. Clarity of purpose": "markers/clarity-of-purpose.md"}]},
    ]
    assert all(isinstance(v, str) for s in render.nav_sections(CONTENT) for e in list(s.values())[0] for v in e.values())
