"""The self-assessment's JavaScript unit tests (tests/js/, Node's own test runner) as one
pytest test, so `make test` runs them."""

import shutil
import subprocess

from tests.conftest import ROOT, require_tool

SELF_ASSESSMENT_TESTS = ["tests/js/state.test.mjs", "tests/js/export-import.test.mjs", "tests/js/storage.test.mjs"]


def test_self_assessment_javascript_unit_tests_pass():
    node = shutil.which("node")
    require_tool(node is not None, "Node.js (node)")
    result = subprocess.run([node, "--test", *SELF_ASSESSMENT_TESTS], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
