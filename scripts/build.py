"""The whole build, as `make build` runs it: the site, then its offline copy, zipped inside it.

    python scripts/build.py [SITE_DIR]

The offline copy is the same site built with OFFLINE=true (Material's offline plugin: plain
file links, search index as a script) plus the small shims in `offline/`, so that it works
when unzipped and opened from disk. The zip is byte-for-byte the same for the same commit.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
from bundle import bundle, entry_modules  # noqa: E402

from macros.pages import publisher as publisher_config  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ZIP = "downloads/scr-quality-markers-offline.zip"
OFFLINE_FOLDER = "scr-quality-markers"  # the folder the zip unpacks to
OFFLINE_TEMPLATES = "assets/offline/template-files.js"  # loaded by offline pages (macros/__init__.py)
# Not needed from disk, and they carry the build date.
LEFT_OUT_OFFLINE = {"sitemap.xml", "sitemap.xml.gz"}


def template_files_script(site: Path) -> str:
    """A classic script holding the office templates of `site`, base64-encoded by path."""
    files = {p.relative_to(site).as_posix(): base64.b64encode(p.read_bytes()).decode("ascii")
             for p in sorted((site / "templates").rglob("*")) if p.suffix in (".docx", ".odt")}
    return f"// Offline copy only: the office templates, for meeting papers.\nglobalThis.__scrTemplateFiles = {json.dumps(files, indent=0)};\n"


def start_mkdocs_build(dest: Path, project: Path = ROOT, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def mkdocs_build(dest: Path, project: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    return finished(start_mkdocs_build(dest, project, **env))


def zip_folder(folder: Path, zip_path: Path, prefix: str) -> None:
    """A reproducible zip: sorted entries, fixed times and permissions."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    # Level 6 (zlib's default): level 9 took several times as long for under 1% less.
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            if rel in LEFT_OUT_OFFLINE:
                continue
            info = zipfile.ZipInfo(f"{prefix}/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=6)


def build(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """Build into `site_dir`; returns the failing step's result, or the last one."""
    with tempfile.TemporaryDirectory() as tmp:
        offline = Path(tmp) / OFFLINE_FOLDER
        # The site and its offline copy are built at the same time, one on each core.
        builds = [start_mkdocs_build(site_dir, project), start_mkdocs_build(offline, project, OFFLINE="true")]
        results = [finished(b) for b in builds]
        result = next((r for r in results if r.returncode != 0), results[0])
        if result.returncode != 0:
            return result
        shutil.copytree(project / "offline", offline / "assets" / "offline")
        # ES modules do not load from file://: the offline pages load these instead (macros/__init__.py).
        for entry in entry_modules(project / "docs" / "assets" / "js"):
            (offline / "assets" / "offline" / f"{entry.stem}.js").write_text(bundle(entry), encoding="utf-8")
        # Nor can pages fetch files from file://: meeting papers read the templates from here.
        (offline / OFFLINE_TEMPLATES).write_text(template_files_script(offline), encoding="utf-8")
        zip_folder(offline, site_dir / OFFLINE_ZIP, OFFLINE_FOLDER)
    return result


def configured_publisher(project: Path) -> dict:
    """`extra.publisher` from the project's mkdocs.yml (read as MkDocs reads it: !ENV tags)."""
    from mkdocs.utils import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f) or {}
    return (config.get("extra") or {}).get("publisher") or {}


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0] if argv else "site").resolve()
    project = Path.cwd()
    placeholder = publisher_config.is_placeholder(configured_publisher(project))
    if placeholder and publisher_config.publishing():
        # One plain message, before anything is built.
        sys.stderr.write(publisher_config.REFUSAL + "\n")
        return 1
    result = build(site_dir, project=project)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if placeholder and result.returncode == 0:
        # Loud, but not a MkDocs warning: strict builds treat those as failures.
        bar = "*" * 78
        sys.stderr.write(f"{bar}\n{publisher_config.NOTE}\n{bar}\n")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
