"""The self-assessment's JavaScript and CSS stay within their size budget (gzipped)."""

import importlib.util

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("asset_size", ROOT / "scripts" / "asset_size.py")
asset_size = importlib.util.module_from_spec(spec)
spec.loader.exec_module(asset_size)


def test_the_feature_is_under_12_kb_gzipped():
    sizes = asset_size.sizes()
    assert "docs/assets/js/self-assessment.mjs" in sizes and "docs/assets/self-assessment.css" in sizes
    total = sum(packed for _, packed in sizes.values())
    assert total <= asset_size.BUDGET, f"{total:,} B gzipped; the budget is {asset_size.BUDGET:,} B: {sizes}"
