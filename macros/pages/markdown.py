"""Text from the data files as page Markdown and HTML: every helper escapes what it is given,
so no character of content acts as markup wherever it lands."""

from __future__ import annotations

import html
import re


def esc(text: str) -> str:
    """Text for an HTML element or attribute."""
    return html.escape(text, quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def esc_md(text: str) -> str:
    """Text for inline Markdown (headings, link text): no character acts as markup."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {esc_md(text)} {{#{anchor}}}"


def paragraphs(texts: list[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return "\n\n".join(f"<p{attr}>{esc(t)}</p>" for t in texts)


def bullets(texts: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{esc(t)}</li>" for t in texts) + "\n</ul>"


def nav_title(text: str) -> str:
    """Text for a title in MkDocs' navigation, which the theme prints as HTML and the macros
    plugin renders as a template when it sees '{{' or '{%': escaped for HTML, and with braces
    as character references, so a title is only ever shown, never run."""
    return esc(text).replace("{", "&#123;").replace("}", "&#125;")
