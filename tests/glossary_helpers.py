"""Reading a built page's main content as text, knowing which parts the glossary explains."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from macros.content.glossary import Term

# Inline elements: text on either side of them runs on within one sentence.
INLINE = {"a", "abbr", "strong", "em", "b", "i", "span", "small", "sup", "sub", "code"}
SKIP = {"script", "style", "code", "pre", "template"}


class _Article(HTMLParser):
    """The text of the page's <article>, as (text, inside an <abbr title>) runs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, bool]] = []
        self.depth = 0  # inside <article> when > 0
        self.abbr = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag == "abbr" and dict(attrs).get("title"):
            self.abbr += 1
        if tag in SKIP:
            self.skip += 1
        if tag not in INLINE:
            self.runs.append((" ", False))

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "article":
            self.depth -= 1
        if tag == "abbr" and self.abbr:
            self.abbr -= 1
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag not in INLINE:
            self.runs.append((" ", False))

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.runs.append((data, self.abbr > 0))


def article_runs(html: str) -> list[tuple[str, bool]]:
    parser = _Article()
    parser.feed(html)
    return parser.runs


def form_pattern(form: str) -> re.Pattern:
    """A form as whole words; an all lower-case term is found in any case, a name or an
    abbreviation only as written."""
    flags = re.IGNORECASE if form == form.lower() else 0
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", flags)


def undefined_first_uses(html: str, terms: list[Term]) -> list[str]:
    """The forms whose first use in the page's main content is not inside an <abbr title>."""
    runs = article_runs(html)
    text = "".join(t for t, _ in runs)
    inside = []
    for t, in_abbr in runs:
        inside += [in_abbr] * len(t)
    found = []
    for term in terms:
        for form in [term.term, *([term.abbreviation] if term.abbreviation else []), *term.also]:
            match = form_pattern(form).search(text)
            if match and not inside[match.start()]:
                found.append(f"{form!r} near {text[max(0, match.start() - 40):match.end() + 20]!r}")
    return found
