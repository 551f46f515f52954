"""Text from the data files as page Markdown and HTML: every helper escapes what it is given,
so no character of content acts as markup wherever it lands."""

from __future__ import annotations

import html
import re


def esc(text: str) -> str:
    """Text for an HTML element or attribute."""
    return html.escape(text, quote=True)


# What Python-Markdown reads as markup in a heading or link text and lets a backslash escape
# (`|` is added by the tables extension). Nothing else is escaped: `\~` would show its backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def esc_md(text: str) -> str:
    """Text for inline Markdown (headings, link text): no character acts as markup."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# What Markdown reads as markup inside a line of text (block syntax such as '#' or '- ' only
# counts at the start of a block, which `md_text` never is).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]])")


def md_text(text: str) -> str:
    """Text for an element with `markdown="span"` (md_in_html): read as Markdown so that the
    glossary's abbreviations apply, but no character acts as markup or HTML."""
    return _MD_INLINE.sub(r"\\\1", html.escape(text, quote=False))


def span(tag: str, text: str, attrs: str = "") -> str:
    """`<tag attrs markdown="span">text</tag>`, the text escaped by `md_text`."""
    return f'<{tag}{attrs} markdown="span">{md_text(text)}</{tag}>'


def md_heading(level: int, text: str, anchor: str) -> str:
    """A heading whose words the glossary's abbreviations can reach (`heading` escapes hyphens
    and full stops, which splits words such as 'multi-agency' for them)."""
    return f"{'#' * level} {md_text(text).replace('#', chr(92) + '#')} {{#{anchor}}}"


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {esc_md(text)} {{#{anchor}}}"


def paragraphs(texts: list[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return "\n\n".join(span("p", t, attr) for t in texts)


def bullets(texts: list[str]) -> str:
    return '<ul markdown="1">\n' + "\n".join(span("li", t) for t in texts) + "\n</ul>"


def nav_title(text: str) -> str:
    """Text for a title in MkDocs' navigation, which the theme prints as HTML and the macros
    plugin renders as a template when it sees '{{' or '{%': escaped for HTML, and with braces
    as character references, so a title is only ever shown, never run."""
    return esc(text).replace("{", "&#123;").replace("}", "&#125;")
