"""A template as a Markdown file (.md), for people who write in plain text or a wiki.

Fill-in fields stay as they are, [like this]: without a link target Markdown shows them as
written. Tables are pipe tables, one line a row.
"""

from __future__ import annotations

import re

from macros.documents.layout import ORGANISER, Heading, Layout, Paragraph, Table, layout
from macros.content.markers import Content
from macros.content.templates import Template

# Characters that would act as Markdown; square brackets are left alone for the fill-ins.
_SPECIAL = re.compile(r"([\\`*_|<>#])")
# A ']' directly followed by '(', '[' or ':' makes the brackets before it a link, an image or a
# link definition (such as one to javascript:): the character after it is escaped instead.
_LINK = re.compile(r"\]([(\[:])")


def markdown_document(template: Template, content: Content, site_url: str, copy: str = ORGANISER) -> bytes:
    """The .md file of one template."""
    return draw(layout(template, content, site_url, copy)).encode("utf-8")


def draw(page: Layout) -> str:
    parts: list[str] = []
    for block in page.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {_escape(block.text)}")
        elif isinstance(block, Paragraph) and block.style == "detail":
            # The details are one list: consecutive items share a block.
            item = f"- {_inline(block)}"
            parts[-1:] = [parts[-1] + "\n" + item] if parts and parts[-1].startswith("- ") else [*parts[-1:], item]
        elif isinstance(block, Paragraph):
            parts.append(_inline(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
    parts += ["---", _escape(page.footer)]
    return "\n\n".join(parts) + "\n"


def _escape(text: str) -> str:
    return _unlink(_SPECIAL.sub(r"\\\1", text))


def _unlink(text: str) -> str:
    return _LINK.sub(r"]\\\1", text)


def _inline(block: Paragraph) -> str:
    out = ""
    for run in block.runs:
        if run.kind == "strong":
            out += f"**{_escape(run.text.strip())}**" + (" " if run.text.endswith(" ") else "")
        elif run.kind == "tab":
            out += " "
        else:
            out += _escape(run.text)
    return _unlink(out)  # a fill-in run's ']' and the next run's '(' meet only here


def _table(block: Table) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rows = [line([_escape(c.title) for c in block.columns]), line(["---"] * len(block.columns))]
    for row in block.rows:
        rows.append(line(["<br>".join(_inline(p) for p in cell) for cell in row]))
    return "\n".join(rows)
