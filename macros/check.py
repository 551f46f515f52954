"""`python -m macros.check`: check every content file and print only plain messages.

Exit status 0 when all is well, 1 with one line per problem otherwise. `make build` runs it
first, so an editor sees these messages rather than a Python traceback.
"""

from __future__ import annotations

import sys

from macros.load import load_content
from macros.pages import page_problems
from macros.source import DataError
from macros.template_load import load_templates


def problems() -> list[str]:
    try:
        content = load_content()
    except DataError as e:
        return e.messages
    try:
        templates = load_templates(content)
    except DataError as e:
        return e.messages
    return page_problems(content, templates)


def main() -> int:
    found = problems()
    for message in found:
        print(message, file=sys.stderr)
    if not found:
        print("data/markers.yml, data/templates.yml: no problems found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
