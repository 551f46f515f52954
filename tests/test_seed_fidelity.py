"""The Improvement action page carries the published text of marker 15 word for word, and
nothing else under its headings: every sentence of the source is on the page under its own
heading, every sentence of guidance on the page is in the source, and the five questions are
list items in order. The source is kept in the repository (tests/fixtures/README.md)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from html import unescape

import pytest

from tests.conftest import ROOT

SOURCE = ROOT / "tests" / "fixtures" / "improvement-action-2016.txt"

HEADINGS = [
    "Quality statement",
    "How might you know if you are meeting this quality marker?",
    "Knowledge base",
    "Link to statutory guidance & inspection criteria",
    "Tackling some common obstacles",
]


def squash(text: str) -> str:
    return " ".join(text.split())


def source_sections() -> dict[str, list[str]]:
    """The source's marker content: heading -> its items (paragraphs, questions or bullets)."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
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


class _WithoutHidden(HTMLParser):
    """The HTML without elements marked `hidden` (the checklist's controls, which the script
    shows): what a reader sees of the page as published."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if self.depth or "hidden" in dict(attrs):
            self.depth += tag not in self.VOID
        else:
            self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        else:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.depth:
            self.out.append(data)

    handle_entityref = lambda self, name: self.handle_data(f"&{name};")
    handle_charref = lambda self, name: self.handle_data(f"&#{name};")


def without_hidden(html: str) -> str:
    parser = _WithoutHidden()
    parser.feed(html)
    return "".join(parser.out)


def page_sections(html: str) -> dict[str, str]:
    """Visible text of the article under each h2."""
    article = without_hidden(html[html.index("<article"):html.index("</article>")])
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", article)
    # Inline tags (the glossary's <abbr>, links) sit inside words' runs: drop them; others part text.
    inline = lambda h: re.sub(r"</?(?:abbr|a|strong|em|span)\b[^>]*>", "", h)
    text = lambda h: squash(unescape(re.sub(r"<[^>]+>", " ", inline(h))))
    return {text(parts[i]): text(parts[i + 1]) for i in range(1, len(parts), 2)}


@pytest.fixture(scope="module")
def marker_html(built_site) -> str:
    return (built_site / "markers" / "improvement-action" / "index.html").read_text(encoding="utf-8")


def test_every_sentence_of_the_source_is_on_the_page_under_its_heading(marker_html):
    on_page = page_sections(marker_html)
    for heading, items in source_sections().items():
        assert heading in on_page, f"missing heading {heading!r}"
        for item in items:
            for sentence in sentences(item):
                assert sentence in on_page[heading], f"not under {heading!r}: {sentence!r}"


def test_every_sentence_under_the_published_headings_is_in_the_source(marker_html):
    """Nothing of ours (or anyone's) is presented as the published guidance."""
    on_page = page_sections(marker_html)
    source = source_sections()
    for heading in HEADINGS:
        published = [s for item in source[heading] for s in sentences(item)]
        for sentence in sentences(on_page[heading]):
            assert sentence in published, f"under {heading!r} but not in the source: {sentence!r}"


def test_questions_are_list_items_in_order(marker_html):
    ol = re.search(r'<ol class="scr-questions"[^>]*>(.*?)</ol>', marker_html, re.S).group(1)
    items = [squash(unescape(re.sub(r"<[^>]+>", "", li))) for li in re.findall(r"<li[^>]*>(.*?)</li>", ol, re.S)]
    assert items == [squash(q) for q in source_sections()[HEADINGS[1]]]
    assert len(items) == 5


def test_sections_are_in_the_order_of_the_source(marker_html):
    found = [h for h in page_sections(marker_html) if h in HEADINGS]
    assert found == HEADINGS


def test_no_test_script_or_make_target_reads_outside_the_repository():
    """A fresh clone with nothing beside it must pass: nothing may reach beside the repository."""
    places = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("scripts/*"), *ROOT.glob("macros/**/*.py"),
              ROOT / "Makefile", ROOT / ".ci" / "run", ROOT / "mkdocs.yml"]
    outside = re.compile(r"ROOT\.parent\b|\.\./shared|[\"']shared[\"']\s*/|/seeds/")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in places if p.is_file()
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if outside.search(line) and "outside = re.compile" not in line]
    assert not offenders
