"""`data/glossary.yml`: the terms the pages use, old and new, and `load_glossary`, which reads
and checks it.

Each term is defined in our own words, with today's equivalent and, where one applies, a
citation. The site lists them on the glossary page and explains each where a page uses it
(Python-Markdown's `abbr` extension, fed by `abbreviations`). Problems are reported like those
in `data/markers.yml`: file, line, term, field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from macros.content.markers import Reference, Slug, Text, Title, record
from macros.content.shape import Rule, described
from macros.content.source import (
    ROOT, Items, Source, as_dict, as_list, display_name, first_use_checker, problem, read_source, validate,
)

# A form the pages may write: words, digits, spaces, hyphens and apostrophes only, so that it
# is matched as plain words and cannot act as Markdown or HTML.
FORM_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9 '’-]*[A-Za-z0-9])?$"
Form = Annotated[str, Rule(pattern=FORM_PATTERN, max_length=80, mismatch=(
    "{value} cannot be matched in the pages: use letters, digits, spaces, hyphens and apostrophes only"))]
# Shown as a tooltip: a sentence or two.
Definition = Annotated[str, Rule(strip=True, min_length=1, max_length=400)]


@record
class Term:
    id: Slug = described("The term's anchor on the glossary page, /glossary/#<id>.")
    term: Annotated[Form, Rule(min_length=1)] = described("As the pages write it, e.g. 'serious case review'.")
    abbreviation: Form | None = described("e.g. 'SCR'.", default=None)
    also: list[Form] = described("Other forms the pages use: plurals, other abbreviations.", default=[])
    definition: Definition = described("What it means, in our own words.")
    current_equivalent: Text | None = described("What replaced it, or that it is a current term.", default=None)
    citations: list[Reference] = described("Where a fact in the definition comes from, if it needs one.", default=[])

    def forms(self) -> list[str]:
        """Every way the pages may write the term, each in the cases a sentence may give it."""
        out: list[str] = []
        for form in [self.term, *([self.abbreviation] if self.abbreviation else []), *self.also]:
            # A sentence may start with a lower-case term or a title may capitalise it; a name
            # or an abbreviation is only ever written as it is.
            variants = [form, form[:1].upper() + form[1:], _title_case(form)] if form[:1].islower() else [form]
            out += [v for v in variants if v not in out]
        return out

    def tooltip(self, form: str) -> str:
        """What a reader sees on pointing at `form`: an abbreviation is first spelt out."""
        text = self.definition
        if " " not in form and form.lower() != self.term.lower():  # an abbreviation
            text = f"{self.term[:1].upper() + self.term[1:]}: {text}"
        return " ".join(text.split())


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


@record
class Glossary:
    """The whole of `data/glossary.yml`."""

    terms: Annotated[list[Term], Rule(min_length=1)]

    def abbreviations(self) -> dict[str, str]:
        """Form -> tooltip, for the `abbr` extension's glossary."""
        return {form: term.tooltip(form) for term in self.terms for form in term.forms()}

    def ordered(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: t.term.lower())


GLOSSARY_FILE = ROOT / "data" / "glossary.yml"
GLOSSARY_ITEMS = Items(key="terms", noun="term")


def load_glossary(path: Path = GLOSSARY_FILE, name: str | None = None) -> Glossary:
    """The checked glossary, or DataError with every problem in the file."""
    source = read_source(path, name or display_name(path))
    return validate(source, Glossary, GLOSSARY_ITEMS, glossary_checks)


def glossary_checks(source: Source, items: Items) -> list[tuple[int, str]]:
    """Ids are unique, and no form belongs to two terms (a page could not say which is meant)."""
    check_id, found = first_use_checker(source, items, "id")
    owner: dict[str, tuple[int, str]] = {}
    for i, term in enumerate(as_list(source.data.get("terms"))):
        term = as_dict(term)
        check_id(("terms", i, "id"), term.get("id"))
        forms = [("term", term.get("term")), ("abbreviation", term.get("abbreviation"))]
        forms += [(("also", a), form) for a, form in enumerate(as_list(term.get("also")))]
        for where, form in forms:
            if not isinstance(form, str):
                continue
            loc = ("terms", i, *(where if isinstance(where, tuple) else (where,)))
            key = re.sub(r"\s+", " ", form.strip().lower())
            if key in owner and owner[key][0] != i:
                found.append(problem(source, items, loc, f"'{form}' is already a form of the term "
                                     f"'{owner[key][1]}' (line {source.line(('terms', owner[key][0]))}): keep it in one"))
            else:
                owner.setdefault(key, (i, str(term.get("term"))))
    return found
