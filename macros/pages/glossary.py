"""The glossary page and the abbreviations that explain each term where a page uses it:
pure functions from `data/glossary.yml`, tested without MkDocs."""

from __future__ import annotations

from macros.content.glossary import Glossary, Term
from macros.pages.markdown import md_heading, md_text, span
from macros.pages.markers import reference

INTRO = (
    "The markers were written in 2016, for serious case reviews and Local Safeguarding Children "
    "Boards. These are the terms the site uses, old and new, in our own words, with what each "
    "is called or done today. On the other pages, point at a term to see its meaning."
)


def glossary_page(glossary: Glossary) -> str:
    """Every term, in alphabetical order, with its other forms, today's equivalent and sources."""
    parts = [span("p", INTRO)]
    for term in glossary.ordered():
        parts += term_section(term)
    return "\n\n".join(parts) + "\n"


def term_title(term: Term) -> str:
    name = term.term[:1].upper() + term.term[1:]
    return f"{name} ({term.abbreviation})" if term.abbreviation else name


def term_section(term: Term) -> list[str]:
    parts = [md_heading(2, term_title(term), term.id), span("p", term.definition)]
    if term.current_equivalent:
        parts.append(_labelled("Today", md_text(term.current_equivalent)))
    if term.also:
        parts.append(_labelled("Also written", md_text(", ".join(term.also))))
    if term.citations:
        label = "Source" if len(term.citations) == 1 else "Sources"
        parts.append(_labelled(label, "; ".join(reference(r) for r in term.citations)))
    return parts


def _labelled(label: str, inline: str) -> str:
    """A paragraph that starts with a bold label; `inline` is already Markdown-safe."""
    return f'<p markdown="span"><strong>{label}:</strong> {inline}</p>'
