"""Our JavaScript's pure logic, tested with Node's own test runner (tests/js/*.test.mjs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile

from tests.conftest import ROOT, require_tool


def node_test(*files: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    require_tool(shutil.which("node") is not None, "Node.js")
    return subprocess.run(["node", "--test", *files], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def test_zip_reads_python_zips_and_writes_zips_python_reads(tmp_path):
    with zipfile.ZipFile(tmp_path / "from-python.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content>" + "é" * 5000 + "</office:document-content>")
        z.writestr("Pictures/", "")
    result = node_test("tests/js/zip.test.mjs", env={"ZIP_TEST_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((tmp_path / "names.json").read_text()) == ["mimetype", "content.xml", "Pictures/"]
    with zipfile.ZipFile(tmp_path / "from-node.zip") as z:
        assert z.testzip() is None
        assert z.namelist() == ["mimetype", "content.xml", "Pictures/"]
        assert z.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert z.read("content.xml").decode() == "<office:document-content>" + "é" * 5000 + "</office:document-content>"


def test_self_assessment_logic():
    """Reviews and answers, saving, two tabs, export and import (docs/assets/js/*.mjs, no DOM)."""
    files = ["review", "store", "merge", "exchange", "compare", "reminder", "findings"]
    result = node_test(*[f"tests/js/{name}.test.mjs" for name in files])
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
