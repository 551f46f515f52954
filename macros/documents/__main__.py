"""`python -m macros.documents --out DIR`: write every template in every format.

The files go where the site build puts them, `DIR/templates/<id>/<id>.<ext>`, so that
`--out site` after any other builder gives the same site as `mkdocs build`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.utils import yaml_load

from macros.documents import all_files, size_label, write_files
from macros.content.source import ROOT
from macros.content.source import DataError
from macros.content import load_all


def configured_site_url() -> str:
    """The site address from mkdocs.yml, which reads SITE_URL when it is set."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["site_url"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.documents", description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write into, e.g. site")
    parser.add_argument("--site-url", help="address printed in the documents' footer (default: from mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        content, templates = load_all()
    except DataError as e:
        print(e, file=sys.stderr)
        return 1
    files = all_files(templates, content, args.site_url or configured_site_url())
    write_files(files, args.out)
    for file in files:
        print(f"wrote {args.out / file.path} ({size_label(len(file.data))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
