"""Our stylesheets hold up in every engine: a selector an engine does not know makes it drop the
whole rule, so a rule using a newer selector (`:has()`) stands alone rather than sharing its
selector list with rules every engine needs."""

import re

from tests.conftest import ROOT

NEWER = (":has(",)


def selector_lists(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [prelude.strip() for prelude in re.findall(r"([^{};]+)\{", css) if not prelude.strip().startswith("@")]


def top_level_commas(selectors: str) -> int:
    depth = commas = 0
    for char in selectors:
        depth += char == "("
        depth -= char == ")"
        commas += char == "," and depth == 0
    return commas


def test_rules_with_newer_selectors_stand_alone():
    found = []
    for sheet in sorted((ROOT / "docs" / "assets").glob("*.css")):
        for selectors in selector_lists(sheet.read_text(encoding="utf-8")):
            if any(newer in selectors for newer in NEWER):
                found.append(selectors)
                assert top_level_commas(selectors) == 0, f"{sheet.name}: {selectors!r} shares its rule with other selectors"
    assert found, "the :has() rules were not found: is the check still reading the stylesheets?"


def test_the_check_sees_a_shared_selector_list():
    assert top_level_commas(".a:has(.b, .c)") == 0
    assert top_level_commas(".a, .b:has(.c)") == 1
