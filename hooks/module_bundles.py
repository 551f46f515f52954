"""MkDocs hook: serve each page's JavaScript as one file (scripts/bundle.py, `module_bundles`).

A marker page loads `assets/js/self-assessment.mjs`, which imports four more modules: five
requests, one after another. After the build, that file (and each module imported only on the
pages that need it) is replaced by one ES module holding it and what it imports. The sources in
docs/ are unchanged and work as they are without this hook. The offline copy has its own
classic-script bundles (scripts/build.py), so it is left alone.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from bundle import module_bundles  # noqa: E402


def on_post_build(config):
    offline = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    if offline and offline.config.enabled:
        return
    out = Path(config["site_dir"]) / "assets" / "js"
    for name, text in module_bundles(Path(config["docs_dir"]) / "assets" / "js").items():
        (out / name).write_text(text, encoding="utf-8")
