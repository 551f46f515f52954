"""MkDocs hook: the globals Material's bundle expects, put at the start of that bundle.

Material defines them (`__md_scope`, `__md_get`, ...) in an inline script, which our
Content-Security-Policy forbids. As a file of their own (docs/assets/js/theme-globals.js) they
cost every page one more request, a script in the head that holds the page up. After the build
they are written at the start of the theme's bundle instead, which every page loads anyway and
which is the first to need them. Only the copy in the built site changes; the site and its
offline copy both get it.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

GLOBALS = "assets/js/theme-globals.js"
MARK = "// theme-globals.js (hooks/theme_globals.py)\n"


def with_globals(bundle: str, globals_js: str) -> str:
    """The theme's bundle with the globals in front, once (a second build leaves it as it is)."""
    return bundle if bundle.startswith(MARK) else MARK + globals_js.rstrip("\n") + "\n" + bundle


def on_post_build(config):
    site = Path(config["site_dir"])
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"hooks/theme_globals.py: one theme bundle was expected in assets/javascripts/, not {len(bundles)}")
    globals_js = (Path(config["docs_dir"]) / GLOBALS).read_text(encoding="utf-8")
    bundles[0].write_text(with_globals(bundles[0].read_text(encoding="utf-8"), globals_js), encoding="utf-8")
    # Nothing loads it on its own now; left out so no one mistakes it for what pages load.
    (site / GLOBALS).unlink(missing_ok=True)
