"""Reading the markers today: every marker page has our labelled note on today's rules with its
sources (and the data refuses a note without one), the summaries and sources are the corrected
ones, the home page says exactly what the site holds, and search knows today's words."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import markdown
import pytest

from macros.content.markers import MARKERS_FILE, Reference, Today, load_content
from macros.pages import markers as render
from tests.data_helpers import errors_for as data_errors, line_of

CONTENT = load_content()
NAME = "data/markers.yml"
REAL = MARKERS_FILE.read_text(encoding="utf-8")
NSPCC = "https://www.nspcc.org.uk/services-and-resources/research-and-resources/2016/serious-case-review-quality-markers/"


def errors_for(tmp_path: Path, text: str) -> list[str]:
    return data_errors(tmp_path, text, load_content, NAME)


def without_citations(text: str, marker_id: str, replacement: str = "") -> str:
    """The file with the citations of one marker's `today` note removed (or replaced)."""
    start = text.index(f"  - id: {marker_id}\n")
    cites = text.index("      citations:\n", start)
    end = re.compile(r"^    \S", re.M).search(text, cites).start()
    return text[:cites] + replacement + text[end:]


def test_every_marker_has_a_today_note_with_a_citation():
    for marker in CONTENT.markers:
        assert marker.today and marker.today.text and marker.today.citations, marker.id


def test_a_today_note_without_citations_is_refused(tmp_path):
    text = without_citations(REAL, "governance")
    assert errors_for(tmp_path, text) == [
        f"{NAME}:{line_of(text, '    today:', 7)}: marker 'governance', today.citations: required field is missing"]


def test_a_today_note_with_an_empty_list_of_citations_is_refused(tmp_path):
    text = without_citations(REAL, "publication", "      citations: []\n")
    assert errors_for(tmp_path, text) == [
        f"{NAME}:{line_of(text, 'citations: []')}: marker 'publication', today.citations: must have at least one item"]


def test_a_citation_without_an_address_is_refused(tmp_path):
    start = REAL.index("  - id: analysis\n")
    url = REAL.index("          url: ", start)
    text = REAL[:url] + REAL[REAL.index("\n", url) + 1:]
    line = text[:text.index("        - title:", start)].count("\n") + 1
    assert errors_for(tmp_path, text) == [
        f"{NAME}:{line}: marker 'analysis', today.citations[0].url: "
        "required field is missing"]


def test_today_note_is_labelled_ours_and_escaped():
    hostile = Today(text=["<b>bold</b> *star* {{ config }} [x](y)"], citations=[
        Reference(title="<i>T</i> *t* {% x %}", url='https://e.org/?a="b"&c=<d>', publisher="P_1", year=2023,
                  section="s\\16")])
    marker = replace(CONTENT.marker("referral"), today=hostile)
    content = replace(CONTENT, markers=[marker if m.id == "referral" else m for m in CONTENT.markers])
    page = render.marker_page(content, "referral")
    html = markdown.markdown(page, extensions=["abbr", "md_in_html", "attr_list", "toc"])
    assert '<h2 id="today">Reading this marker today</h2>' in html
    assert "not part of the published marker" in html
    for tag in ("<b>", "<i>", "<em>", 'href="y"'):
        assert tag not in html
    assert "&lt;b&gt;bold&lt;/b&gt; *star* {{ config }} [x](y)" in html
    assert '<a href="https://e.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;">&lt;i&gt;T&lt;/i&gt; *t* {% x %}</a> (P_1, 2023), s\\16' in html
    # Before the first heading of the marker's own content.
    assert page.index("{#today}") < page.index("{#summary}")


def test_summaries_say_what_the_published_statements_say():
    summary = {m.id: getattr(m, "summary", "") or "" for m in CONTENT.markers}
    assert "in a timely manner" in summary["referral"] and "promptly" not in summary["referral"]
    assert "in a timely manner" in summary["decision-making"] and "promptly" not in summary["decision-making"]
    assert "organisational learning and improvement" in summary["clarity-of-purpose"]
    assert "as much as possible" in summary["parallel-processes"] and "criminal trials" in summary["parallel-processes"]
    assert "in the context of normal working practices" in summary["assembling-information"]
    assert "usual practice" not in summary["assembling-information"]
    assert "explanations for professional practice that the analysis evidenced" in summary["report"]


def test_sources_are_the_publishers_current_pages():
    assert CONTENT.marker("advising-board-members").source_url.endswith("/settingup/advising-board-members/")
    assert CONTENT.marker("family-involvement").source_url.endswith("/running/family-involvement/")
    assert not [m.id for m in CONTENT.markers if m.source_url.endswith(".asp")]
    assert NSPCC in CONTENT.framework.overview_urls
    for marker in CONTENT.markers:
        assert f'href="{NSPCC}"' in render.marker_page(CONTENT, marker.id), marker.id


def test_marker_15_labels_the_sites_conventions_outside_the_published_text():
    page = render.marker_page(CONTENT, "improvement-action")
    note = page.index("About this text (our note):")
    assert note < page.index("{#quality-statement}")
    assert "15.1 to 15.5" in page[note:] and "Is appropriate time been given" in page[note:]


def test_home_page_lists_every_summary_and_the_one_full_marker():
    text = render.framework_map(CONTENT)
    for marker in CONTENT.markers:
        if not marker.is_full:
            assert render.md_text(marker.summary) in text, marker.id


# Built site.

def article_text(html: str) -> str:
    article = html[html.index("<article"):html.index("</article>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", "", re.sub(r"</(p|li|h\d)>", " ", article))).split())


def test_every_built_marker_page_has_the_today_box_with_a_source(built_site):
    for marker in CONTENT.markers:
        html = (built_site / "markers" / marker.id / "index.html").read_text(encoding="utf-8")
        box = re.search(r'<section aria-labelledby="today" class="scr-today">(.*?)</section>', html, re.S)
        assert box, marker.id
        assert '<h2 id="today">Reading this marker today</h2>' in box.group(1)
        assert "not part of the published marker" in box.group(1)
        sources = re.search(r'<ul class="scr-today-sources">(.*?)</ul>', box.group(1), re.S).group(1)
        assert re.search(r'<li><a href="https://', sources), marker.id
        assert f'href="{NSPCC}"' in html


def test_home_page_says_exactly_what_is_on_the_site(built_site):
    text = article_text((built_site / "index.html").read_text(encoding="utf-8"))
    assert "check a review against the markers" not in text
    assert "Marker 15, Improvement action, in full" in text
    # Marker 15 alone has questions; every marker can be judged overall.
    assert "checklist of its five questions" in text
    assert "Judge how well a review met each marker, answer marker 15's questions" in text
    for marker in CONTENT.markers:
        if not marker.is_full:
            assert " ".join(marker.summary.split()) in text, marker.id


def search_hits(index: dict, words: str) -> set[str]:
    """The pages whose entries hold `words` as whole words in title or text, ignoring case (the
    way lunr matches them: the index splits on spaces and hyphens and lower-cases words)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(words)}(?![\w-])", re.I)
    hits = set()
    for doc in index["docs"]:
        text = unescape(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
        if pattern.search(" ".join(text.split())):
            hits.add(doc["location"].split("#")[0])
    return hits


@pytest.mark.parametrize("words, page", [
    ("CSPR", "glossary/"),
    ("CSPR", "about/"),
    ("practice review", "glossary/"),
    ("practice review", "markers/report/"),
    ("safeguarding partnership", "glossary/"),
    ("safeguarding partnership", "about/"),
    ("rapid review", "glossary/"),
    ("rapid review", "markers/referral/"),
    ("export", "self-assessment/"),
    ("download", "self-assessment/"),
    ("print", "self-assessment/"),
])
def test_search_knows_todays_words(built_site, words, page):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert page in search_hits(index, words)
