"""What our own JavaScript and CSS cost a page, gzipped, as browsers download them.

    python scripts/asset_size.py      # prints each page's files and totals; fails over a budget

Counted honestly, per page: every stylesheet in `extra_css`, the theme's globals script (served
at the start of the theme's bundle: counted as the bytes it adds to it), the
module in `extra_javascript` as the site serves it (joined with every module it imports:
scripts/bundle.py, hooks/module_bundles.py) and, for the summary and comparison pages, the
files of the modules they import on demand (`import("./x.mjs")`: loaded there only), with the
stylesheets those modules add. Each file is served and compressed on its own, so a page's cost
is the sum of its files gzipped (level 9, as `gzip -9` or a static host pre-compresses them).
A browser test checks that these are the files Chromium really requests.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Ours, served at the start of the theme's bundle (hooks/theme_globals.py): counted as what it
# adds to that file, gzipped.
THEME_GLOBALS = "assets/js/theme-globals.js"
BUDGETS = {"guidance page": 15_000, "summary page": 40_000, "compare page": 40_000, "papers page": 40_000}

sys.path.insert(0, str(ROOT / "scripts"))
from bundle import module_bundles  # noqa: E402

JS = "assets/js/"
DYNAMIC_IMPORT = re.compile(r'\bimport\("\./([^"]+)"\)')
# A stylesheet a module adds to the page itself, loaded with the module.
STYLESHEET = re.compile(r'new URL\("(\.\.?/[^"]+\.css)", import\.meta\.url\)')
HELD = re.compile(r"^__modules\['([\w.-]+)'\] \?\?=", re.M)


def _config_list(name: str) -> list[str]:
    """A list of paths from mkdocs.yml, read as text: the file has tags PyYAML's safe loader refuses."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(rf"^{name}:\n((?:\s+- .+\n)+)", text, re.M)
    return re.findall(r"- (\S+)", block.group(1)) if block else []


@functools.cache
def bundles() -> dict[str, str]:
    """The site's JavaScript files as served, by site path."""
    return {JS + name: text for name, text in module_bundles(DOCS / "assets" / "js").items()}


def with_styles(path: str) -> list[str]:
    """A served module file, and the stylesheets its modules add."""
    sources = [(DOCS / JS / m).read_text(encoding="utf-8") for m in HELD.findall(bundles()[path])]
    return [path] + [os.path.normpath(JS + css) for source in sources for css in STYLESHEET.findall(source)]


def on_demand(path: str) -> list[str]:
    """The module files that the modules in `path` import when needed."""
    sources = [(DOCS / JS / m).read_text(encoding="utf-8") for m in HELD.findall(bundles()[path])]
    return [JS + name for source in sources for name in DYNAMIC_IMPORT.findall(source)]


def pages() -> dict[str, list[str]]:
    """Each kind of page and the site paths of the files it loads: a guidance page loads the
    checklist's file; a page with more (e.g. `summary-page.mjs`: "summary page") also loads
    the file the checklist imports on demand for it, and what that imports on demand in turn."""
    entry = [JS + Path(p).name for p in _config_list("extra_javascript")]
    guidance = _config_list("extra_css") + [THEME_GLOBALS] + [f for path in entry for f in with_styles(path)]
    found = {"guidance page": guidance}
    for module in [m for path in entry for m in on_demand(path)]:
        files, todo = list(guidance), [module]
        while todo:
            path = todo.pop(0)
            files += [f for f in with_styles(path) if f not in files]
            todo += [m for m in on_demand(path) if m not in files and m not in todo]
        found[Path(module).stem.replace("-page", "") + " page"] = files
    return found


@functools.cache
def theme_bundle() -> bytes:
    """The theme's bundle as Material ships it (the site's copy starts with THEME_GLOBALS)."""
    import material

    [bundle] = (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
    return bundle.read_bytes()


@functools.cache
def theme_globals_hook():
    """hooks/theme_globals.py, which writes THEME_GLOBALS into the theme's bundle."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("theme_globals", ROOT / "hooks" / "theme_globals.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def packed(path: str) -> int:
    if path == THEME_GLOBALS:
        # What it adds to the theme's bundle, joined as the hook joins them for the site.
        bundle = theme_bundle().decode("utf-8")
        served = theme_globals_hook().with_globals(bundle, (DOCS / path).read_text(encoding="utf-8"))
        return len(gzip.compress(served.encode("utf-8"), 9)) - len(gzip.compress(theme_bundle(), 9))
    served = bundles().get(path)
    return len(gzip.compress(served.encode("utf-8") if served is not None else (DOCS / path).read_bytes(), 9))


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
