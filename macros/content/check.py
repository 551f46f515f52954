"""`python -m macros.content.check [--fix-pages]`: check every content file and print only plain messages.

With `--fix-pages` (`make pages`) it first writes or removes the page files of markers and
templates so that there is one for each item in the YAML.

Exit status 0 when all is well, 1 with one line per problem otherwise. `make build` runs it
first, so an editor sees these messages rather than a Python traceback.
"""

from __future__ import annotations

import sys

from macros.content import DataError, load_all, load_glossary
from macros.pages.stubs import fix_pages, page_problems


def problems(fix_page_files: bool = False) -> list[str]:
    try:
        load_glossary()
        glossary_problems = []
    except DataError as e:
        glossary_problems = e.messages
    try:
        content, templates = load_all()
    except DataError as e:
        return e.messages + glossary_problems
    if glossary_problems:
        return glossary_problems
    if fix_page_files:
        fix_pages(content, templates)
    return page_problems(content, templates)


def main(argv: list[str]) -> int:
    found = problems(fix_page_files="--fix-pages" in argv)
    for message in found:
        print(message, file=sys.stderr)
    if not found:
        print("data/markers.yml, data/templates.yml, data/glossary.yml: no problems found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
