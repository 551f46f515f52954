"""Reading and checking the content files: `data/*.yml` in, one parsed model out.

`markers`, `templates` and `glossary` each hold one file's model and the rules that check it; `source`
reads YAML and words every problem for a content editor; `shape` checks raw YAML against the
model's dataclasses. `python -m macros.content.check` is `make check`.
"""

from __future__ import annotations

from macros.content.glossary import Glossary, load_glossary
from macros.content.markers import Content, load_content
from macros.content.source import DataError
from macros.content.templates import Templates, load_templates

__all__ = ["DataError", "Glossary", "load_all", "load_glossary"]


def load_all() -> tuple[Content, Templates]:
    """Both content files, checked; DataError names the problems of the first that has any
    (the templates cannot be checked against markers that do not load)."""
    content = load_content()
    return content, load_templates(content)
