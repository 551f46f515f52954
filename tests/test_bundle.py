"""The offline copy's classic-script bundle of our ES modules (scripts/bundle.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from bundle import BundleError, bundle, entry_modules, module_bundles  # noqa: E402

from macros import offline_scripts  # noqa: E402
from tests.conftest import require_tool  # noqa: E402


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_modules_run_in_dependency_order_with_their_own_scope(tmp_path):
    require_tool(shutil.which("node") is not None, "Node.js")
    write(tmp_path, {
        "util.mjs": "const secret = 1;\nexport const twice = (n) => n * 2;\nexport function where() { return import.meta.url; }\n",
        "words.mjs": 'import { twice as double } from "./util.mjs";\nconst secret = 2;\nexport function four() { return double(secret); }\n',
        "main.mjs": 'import {\n  four,\n} from "./words.mjs";\nimport { where } from "./util.mjs";\nglobalThis.result = [four(), where()];\n',
    })
    assert [p.name for p in entry_modules(tmp_path)] == ["main.mjs"]
    script = bundle(tmp_path / "main.mjs")
    run = ("globalThis.document = {currentScript: {src: 'file:///copy/assets/offline/main.js'}};\n"
           + script + "\nconsole.log(JSON.stringify(globalThis.result));")
    out = subprocess.run(["node", "-e", run], capture_output=True, text=True, check=True).stdout
    assert out.strip() == '[4,"file:///copy/assets/js/main.mjs"]'


def test_a_module_imported_when_needed_is_in_the_bundle(tmp_path):
    require_tool(shutil.which("node") is not None, "Node.js")
    write(tmp_path, {
        "extra.mjs": "export const answer = () => 42;\n",
        "main.mjs": 'let extra = null;\nglobalThis.result = (extra ??= import("./extra.mjs")).then((m) => m.answer());\n',
    })
    assert [p.name for p in entry_modules(tmp_path)] == ["main.mjs"]
    script = bundle(tmp_path / "main.mjs")
    assert "import(" not in script
    run = ("globalThis.document = {currentScript: {src: 'file:///copy/assets/offline/main.js'}};\n"
           + script + "\nglobalThis.result.then((n) => console.log(n));")
    assert subprocess.run(["node", "-e", run], capture_output=True, text=True, check=True).stdout.strip() == "42"


def test_unsupported_module_syntax_is_an_error(tmp_path):
    write(tmp_path, {"main.mjs": 'import * as all from "./other.mjs";\nexport default 1;\n'})
    with pytest.raises(BundleError, match="main.mjs: uses module syntax"):
        bundle(tmp_path / "main.mjs")


def test_offline_pages_load_the_bundles_instead_of_modules_deferred_as_modules_are():
    scripts = offline_scripts(["assets/js/self-assessment.mjs", "assets/other.js"])
    assert [str(s) for s in scripts] == ["assets/offline/self-assessment.js", "assets/other.js"]
    assert all(s.defer and not s.type for s in scripts)


def test_online_files_join_each_pages_modules_and_load_each_module_once(tmp_path):
    """module_bundles: the entry with its imports in one file; a module imported when needed in
    another, without what the entry already loaded; ES modules that Node runs as a browser would."""
    require_tool(shutil.which("node") is not None, "Node.js")
    write(tmp_path, {
        "util.mjs": "globalThis.runs = (globalThis.runs ?? 0) + 1;\nexport const twice = (n) => n * 2;\n",
        "extra.mjs": 'import { twice } from "./util.mjs";\nexport const answer = () => twice(21);\nexport const where = () => import.meta.url;\n',
        "main.mjs": 'import { twice } from "./util.mjs";\nglobalThis.result = import("./extra.mjs").then((m) => [twice(2), m.answer(), m.where()]);\n',
    })
    files = module_bundles(tmp_path)
    assert set(files) == {"main.mjs", "extra.mjs"}
    assert "__modules['util.mjs'] ??=" not in files["extra.mjs"], "the entry already holds it"
    out = tmp_path / "out"
    out.mkdir()
    write(out, files)
    run = f"await import({str(out / 'main.mjs')!r}); console.log(JSON.stringify([...(await globalThis.result), globalThis.runs]));"
    result = subprocess.run(["node", "--input-type=module", "-e", run], capture_output=True, text=True, check=True).stdout
    assert result.strip() == json.dumps([4, 42, (out / "extra.mjs").as_uri(), 1], separators=(",", ":"))
