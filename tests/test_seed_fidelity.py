"""The Improvement action page carries the seed document's marker text word for word,
each sentence under its own heading, with the five questions as list items in order."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.conftest import ROOT

SEED = ROOT.parent / "shared" / "seeds" / "000_6c3fe5da7c7dea97.txt"
if not SEED.exists():  # CI puts shared/ beside the clone
    SEED = ROOT / "shared" / "seeds" / "000_6c3fe5da7c7dea97.txt"

HEADINGS = [
    "Quality statement",
    "How might you know if you are meeting this quality marker?",
    "Knowledge base",
    "Link to statutory guidance & inspection criteria",
    "Tackling some common obstacles",
]


def squash(text: str) -> str:
    return " ".join(text.split())


def seed_sections() -> dict[str, list[str]]:
    """The seed's marker content: heading -> its items (paragraphs, questions or bullets)."""
    if not SEED.exists():
        pytest.fail(f"the seed document is missing: {SEED}")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = squash(line)  # the source has stray non-breaking spaces; words are what count
        if text in HEADINGS:
            current = text
            sections[current] = []
        elif current and text:
            sections[current].append(re.sub(r"^(?:\d+\.|•)\s+", "", text))
    assert list(sections) == HEADINGS
    return sections


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z‘])", squash(paragraph)) if s]


def page_sections(html: str) -> dict[str, str]:
    """Visible text of the article under each h2."""
    article = html[html.index("<article"):html.index("</article>")]
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", article)
    text = lambda h: squash(unescape(re.sub(r"<[^>]+>", " ", h)))
    return {text(parts[i]): text(parts[i + 1]) for i in range(1, len(parts), 2)}


@pytest.fixture(scope="module")
def marker_html(built_site) -> str:
    return (built_site / "markers" / "improvement-action" / "index.html").read_text(encoding="utf-8")


def test_every_sentence_appears_word_for_word_under_its_heading(marker_html):
    on_page = page_sections(marker_html)
    for heading, items in seed_sections().items():
        assert heading in on_page, f"missing heading {heading!r}"
        for item in items:
            for sentence in sentences(item):
                assert sentence in on_page[heading], f"not under {heading!r}: {sentence!r}"


def test_questions_are_list_items_in_order(marker_html):
    ol = re.search(r'<ol class="scr-questions"[^>]*>(.*?)</ol>', marker_html, re.S).group(1)
    items = [squash(unescape(re.sub(r"<[^>]+>", "", li))) for li in re.findall(r"<li[^>]*>(.*?)</li>", ol, re.S)]
    assert items == [squash(q) for q in seed_sections()[HEADINGS[1]]]
    assert len(items) == 5


def test_sections_are_in_the_order_of_the_source(marker_html):
    found = [h for h in page_sections(marker_html) if h in HEADINGS]
    assert found == HEADINGS
