"""The theme's start-up globals ride at the start of its bundle (hooks/theme_globals.py)."""

import importlib.util
import re
from pathlib import Path

import material

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("theme_globals", ROOT / "hooks" / "theme_globals.py")
theme_globals = importlib.util.module_from_spec(spec)
spec.loader.exec_module(theme_globals)


def test_globals_go_in_front_once():
    once = theme_globals.with_globals("bundle();\n", "var g = 1;\n")
    assert once == theme_globals.MARK + "var g = 1;\nbundle();\n"
    assert theme_globals.with_globals(once, "var g = 1;\n") == once, "a second build does not add them again"


def test_the_built_bundle_starts_with_them_and_no_page_asks_for_them(built_site):
    [bundle] = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    globals_js = (ROOT / "docs" / theme_globals.GLOBALS).read_text(encoding="utf-8")
    assert bundle.read_text(encoding="utf-8").startswith(theme_globals.MARK + globals_js.rstrip("\n") + "\n")
    assert not (built_site / theme_globals.GLOBALS).exists()
    for page in built_site.rglob("*.html"):
        assert not re.search(r"<script[^>]*theme-globals", page.read_text(encoding="utf-8")), page


def test_the_joined_bundle_is_named_by_its_content_and_every_page_loads_it(built_site):
    """A host may keep a file named by a hash for ever: the join must not keep the theme's name."""
    [bundle] = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    rel = bundle.relative_to(built_site).as_posix()
    assert rel == theme_globals.joined_name(bundle.read_text(encoding="utf-8"))
    [shipped] = (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
    assert shipped.name != bundle.name
    pages = sorted(built_site.rglob("*.html"))
    assert (built_site / "404.html") in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert shipped.name not in text, page
        assert len(re.findall(r'<script defer src="[^"]*' + re.escape(rel) + '"', text)) == 1, page
