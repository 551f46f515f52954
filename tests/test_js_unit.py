"""The JavaScript unit tests (tests/js/, run by Node's own test runner) as one pytest test, so
`make test` runs everything."""

import shutil
import subprocess

from tests.conftest import ROOT, require_tool


def test_javascript_unit_tests_pass():
    node = shutil.which("node")
    require_tool(node is not None, "Node.js (node)")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
