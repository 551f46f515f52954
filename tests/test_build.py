"""One strict build of the real site, and what a broken data file does to `make build`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

from macros.content.markers import load_content
from tests.conftest import ROOT, build_site

CONTENT = load_content()


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def test_home_page_shows_18_markers_in_3_stages(built_site):
    html = article(page(built_site, ""))
    stages = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert [unescape(s) for s in stages if s.startswith("Stage")] == [
        "Stage 1 of 3: Review setup", "Stage 2 of 3: Running the review", "Stage 3 of 3: Review outputs"]
    # The framework's list, after "Start here" (which links to marker 15 first).
    links = re.findall(r'<a href="markers/([a-z0-9-]+)/">', html[html.index('id="stage-review-setup"'):])
    assert links == [m.id for m in CONTENT.ordered_markers()] and len(links) == 18


def test_every_marker_page_exists_with_stage_and_neighbours(built_site):
    order = CONTENT.ordered_markers()
    for i, marker in enumerate(order):
        html = article(page(built_site, f"markers/{marker.id}"))
        stage = CONTENT.stage(marker.stage).title
        assert f"Marker {marker.number} of 18. Stage " in html and f": {stage}." in html
        pager = re.search(r'<nav aria-label="Previous and next marker".*?</nav>', html, re.S).group(0)
        links = re.findall(r'<li class="scr-pager-(prev|next)"><a href="\.\./([^/"]+)/"><span class="scr-pager-label">'
                           r'(Previous|Next) marker</span>', pager)
        expected = ([("prev", order[i - 1].id, "Previous")] if i > 0 else []) + \
            ([("next", order[i + 1].id, "Next")] if i + 1 < len(order) else [])
        assert links == expected
        assert ("scr-questions" in html) == marker.is_full


def test_navigation_lists_every_marker_under_its_stage(built_site):
    html = page(built_site, "markers/improvement-action")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    for stage in CONTENT.stages:
        assert stage.title in nav
    assert nav.index("Review setup") < nav.index("Running the review") < nav.index("Review outputs")
    assert "15. Improvement action" in nav


ASSET_ATTRS = re.compile(
    r"<(script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"([^\"]+)\""
    r"|<link\b(?=[^>]*\brel=\"(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|manifest|modulepreload)\")"
    r"[^>]*\bhref=\"([^\"]+)\"",
    re.I,
)


def test_no_page_loads_assets_from_another_host(built_site):
    for html_file in built_site.rglob("*.html"):
        for match in ASSET_ATTRS.finditer(html_file.read_text(encoding="utf-8")):
            url = match.group(2) or match.group(3)
            assert not re.match(r"^(https?:)?//", url), f"{html_file}: {url}"
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", url), f"{css}: {url}"
        assert "@import" not in css.read_text(encoding="utf-8")


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project that shares the installed virtual environment."""
    dest = tmp_path / "project"
    for name in ("data", "docs", "hooks", "macros", "overrides", "schema", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "Makefile", "requirements.txt", "constraints.txt", "requirements-geckodriver.txt"):
        shutil.copy2(ROOT / name, dest / name)  # keeps times, so make does not reinstall
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def break_data(project: Path) -> list[str]:
    data = project / "data" / "markers.yml"
    text = data.read_text(encoding="utf-8").replace("number: 7\n", "number: seven\n")
    text = text.replace("id: linked-to-framework", "id: time-given")
    data.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    seven = next(i for i, line in enumerate(lines) if "number: seven" in line) + 1
    times = [i + 1 for i, line in enumerate(lines) if "id: time-given" in line]
    return [
        f"data/markers.yml:{seven}: marker 'governance', number: must be a whole number, not text ('seven')",
        f"data/markers.yml:{times[1]}: marker 'improvement-action', questions[3].id: duplicate id 'time-given' "
        f"(first used at line {times[0]})",
    ]


def test_make_build_on_a_broken_file_prints_only_the_messages(tmp_path):
    project = project_copy(tmp_path)
    expected = break_data(project)
    result = subprocess.run(["make", "-s", "build"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    # make adds its own one-line "Error 1" note (as "make[1]:" when run inside another make).
    output = [line for line in (result.stdout + result.stderr).splitlines() if not re.match(r"make(\[\d+\])?: ", line)]
    assert output == expected
    assert not (project / "site").exists()


def test_mkdocs_itself_stops_on_a_broken_file_without_a_traceback(tmp_path):
    project = project_copy(tmp_path)
    expected = break_data(project)
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for message in expected:
        assert message in result.stderr


def test_what_a_page_asks_for_from_its_head_is_in_the_site(built_site):
    """`page_assets` (front matter) and the checklist's module preload name files the site has:
    a wrong path there would cost a failed request on every visit, with no other sign."""
    asked = 0
    for html_file in built_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for match in re.finditer(r'<link rel="(?:stylesheet|modulepreload|preload)"[^>]*\bhref="([^"]+)"', text):
            href = match.group(1)
            # 404.html is served at any depth, so its addresses start from the site's root.
            target = built_site / href.lstrip("/") if href.startswith("/") else (html_file.parent / href).resolve()
            assert target.is_file(), f"{html_file.relative_to(built_site)}: {match.group(1)}"
            asked += 1
    page = (built_site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="preload" as="fetch" crossorigin="anonymous" href="../assets/framework.json">' in page
    assert '<link rel="modulepreload" href="../assets/js/summary-page.mjs">' in page
    assert asked > 0


def scripts_after_the_content(html: str) -> list[str]:
    """The script tags with a `src` in the page's body, in order."""
    return re.findall(r"<script [^>]*\bsrc=[^>]*>", html.split("</head>", 1)[1])


def assert_nothing_holds_the_parser(site: Path, our_script: str) -> None:
    """Every script at the end of a page waits for the page to be parsed, the theme's bundle first."""
    for html_file in site.rglob("*.html"):
        if html_file.parent.name == "offline":
            continue  # the offline copy's stand-in for workers (offline/), not a page
        scripts = scripts_after_the_content(html_file.read_text(encoding="utf-8"))
        where = html_file.relative_to(site)
        assert scripts and "assets/javascripts/bundle." in scripts[0], where
        assert all(re.search(r'\bdefer\b|type="module"', tag) for tag in scripts), (where, scripts)
        assert [tag for tag in scripts if our_script in tag], (where, scripts)


def test_the_scripts_at_the_end_of_each_page_wait_for_it_to_be_parsed_in_their_order(built_site):
    """The theme's bundle is deferred, so a slow download of it does not hold the page's first
    paint up; our module comes after it (modules are deferred: the theme's globals are there)."""
    assert_nothing_holds_the_parser(built_site, "assets/js/self-assessment.mjs")
