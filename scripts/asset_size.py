"""What our own JavaScript and CSS cost a page, gzipped, as browsers download them.

    python scripts/asset_size.py      # prints each page's files and totals; fails over a budget

Counted honestly, per page: every stylesheet in `extra_css`, the theme's globals script, the
module in `extra_javascript` and every module it imports, statically (loaded with the page) or,
for the summary page, on demand (`import("./x.mjs")`: loaded there only). Each file is served
and compressed on its own, so a page's cost is the sum of its files gzipped (level 9, as
`gzip -9` or a static host pre-compresses them). A browser test checks that these are the files
Chromium really requests.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
THEME_GLOBALS = "assets/js/theme-globals.js"  # loaded by overrides/partials/javascripts/base.html
BUDGETS = {"guidance page": 15_000, "summary page": 40_000, "compare page": 40_000, "papers page": 40_000}

STATIC_IMPORT = re.compile(r'^import\s[^;]*?from\s+"(\./[^"]+)";', re.M | re.S)
DYNAMIC_IMPORT = re.compile(r'\bimport\("(\./[^"]+)"\)')
# A stylesheet a module adds to the page itself, loaded with the module.
STYLESHEET = re.compile(r'new URL\("(\.\.?/[^"]+\.css)", import\.meta\.url\)')


def _config_list(name: str) -> list[str]:
    """A list of paths from mkdocs.yml, read as text: the file has tags PyYAML's safe loader refuses."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(rf"^{name}:\n((?:\s+- .+\n)+)", text, re.M)
    return re.findall(r"- (\S+)", block.group(1)) if block else []


def imports(path: str, pattern: re.Pattern) -> list[str]:
    """The site paths a module imports, by `pattern`."""
    folder = Path(path).parent
    return [str((folder / found).as_posix()).replace("/./", "/") for found in pattern.findall((DOCS / path).read_text(encoding="utf-8"))]


def closure(modules: list[str]) -> list[str]:
    """The modules, everything they import statically and the stylesheets they add, each once,
    in the order met."""
    seen: list[str] = []
    todo = list(modules)
    while todo:
        path = todo.pop(0)
        if path not in seen:
            seen.append(path)
            if path.endswith(".mjs"):
                todo += imports(path, STATIC_IMPORT) + [os.path.normpath(p) for p in imports(path, STYLESHEET)]
    return seen


def pages() -> dict[str, list[str]]:
    """Each kind of page and the site paths of the files it loads: a guidance page loads the
    checklist module; a page with more (e.g. `summary-page.mjs`: "summary page") loads what
    the checklist imports on demand for it, and what that imports on demand in turn."""
    guidance = _config_list("extra_css") + [THEME_GLOBALS] + closure(_config_list("extra_javascript"))
    found = {"guidance page": guidance}
    for module in [m for path in guidance if path.endswith(".mjs") for m in imports(path, DYNAMIC_IMPORT)]:
        files = guidance + [m for m in closure([module]) if m not in guidance]
        while more := [m for path in files if path.endswith(".mjs") and path not in guidance
                       for m in imports(path, DYNAMIC_IMPORT) if m not in files]:
            files += [m for m in closure(more) if m not in files]
        found[Path(module).stem.replace("-page", "") + " page"] = files
    return found


def packed(path: str) -> int:
    return len(gzip.compress((DOCS / path).read_bytes(), 9))


def main() -> int:
    over = False
    for page, files in pages().items():
        print(f"{page}:")
        for path in files:
            print(f"  {packed(path):6,} B gzipped  {path}")
        total = sum(packed(path) for path in files)
        over |= total > BUDGETS[page]
        print(f"  {total:6,} B gzipped in all; budget {BUDGETS[page]:,} B ({total / BUDGETS[page]:.0%})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
