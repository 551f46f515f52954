"""Who publishes the site (extra.publisher in mkdocs.yml): shown in the footer, on About and on
the accessibility page, escaped; `make build` says loudly while it is the placeholder, and a
publishing build (PUBLISH=true) refuses with one plain message."""

from __future__ import annotations

import datetime
import importlib.util
import os
import subprocess
import sys

import pytest
from mkdocs.exceptions import PluginError

import macros
from macros.pages import publisher
from tests.conftest import ROOT
from tests.test_define_env import FakeEnv

REAL = {
    "name": "Anytown Safeguarding Children Partnership",
    "contact": "https://anytown.gov.uk/safeguarding/contact",
    "last_reviewed": datetime.date(2027, 1, 5),
    "relationship": "Not published by the NSPCC or SCIE.",
}


def load_build_script():
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "scripts" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_repository_ships_the_placeholder():
    shipped = load_build_script().configured_publisher(ROOT)
    assert publisher.is_placeholder(shipped)
    assert set(publisher.FIELDS) <= set(shipped)


@pytest.mark.parametrize("change", [
    {},
    {"name": publisher.PLACEHOLDER_NAME},
    {"contact": "someone@partnership.example"},
    {"contact": "https://example.org/contact"},
    {"last_reviewed": ""},
    {"relationship": None},
])
def test_what_counts_as_the_placeholder(change):
    assert publisher.is_placeholder({**REAL, **change}) == bool(change)


def test_values_are_shown_escaped_and_dates_in_words():
    hostile = {**REAL, "name": "<script>alert(1)</script> & {{ x }}", "contact": 'a"b@c.org',
               "relationship": "<b>ours</b>"}
    block = publisher.publisher_block(hostile)
    assert "<script>" not in block and "<b>" not in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ x }}" in block
    assert 'href="mailto:a&quot;b@c.org"' in block
    assert "5 January 2027" in publisher.publisher_block(REAL)
    assert publisher.reviewed({"last_reviewed": "2026-11-26"}) == "26 November 2026"
    assert publisher.contact_link(REAL) == ('<a href="https://anytown.gov.uk/safeguarding/contact">'
                                            "anytown.gov.uk/safeguarding/contact</a>")
    assert publisher.footer_values(REAL)["href"] == REAL["contact"]


def test_publish_build_with_the_placeholder_is_refused_with_one_plain_message(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), str(site)], cwd=ROOT,
                            env={**os.environ, "PUBLISH": "true", "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == publisher.REFUSAL + "\n"
    assert result.stdout == ""
    assert not site.exists(), "nothing is built"


def test_mkdocs_itself_refuses_a_publishing_build_with_the_placeholder(monkeypatch):
    """For a build that skips scripts/build.py (`mkdocs build`): define_env stops it too."""
    monkeypatch.setenv("PUBLISH", "true")
    env = FakeEnv([{"Markers": macros.NAV_PLACEHOLDER}, {"Templates": macros.TEMPLATES_INDEX}])
    with pytest.raises(PluginError, match="Not published: mkdocs.yml still names the placeholder publisher"):
        macros.define_env(env)
    env = FakeEnv([{"Markers": macros.NAV_PLACEHOLDER}, {"Templates": macros.TEMPLATES_INDEX}])
    env.conf["extra"]["publisher"] = REAL
    macros.define_env(env)
    assert env.conf["extra"]["publisher_footer"]["name"] == REAL["name"]


def test_an_ordinary_build_with_the_placeholder_says_so_loudly_but_not_as_a_warning(monkeypatch, capsys, tmp_path):
    build = load_build_script()
    monkeypatch.delenv("PUBLISH", raising=False)
    monkeypatch.setattr(build, "build", lambda site, project: subprocess.CompletedProcess([], 0, "", ""))
    monkeypatch.chdir(ROOT)
    assert build.main([str(tmp_path / "site")]) == 0
    err = capsys.readouterr().err
    assert publisher.NOTE in err and "WARNING" not in err


def test_a_configured_publisher_builds_quietly_even_when_publishing(monkeypatch, capsys, tmp_path):
    build = load_build_script()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nextra:\n  publisher:\n"
        f"    name: {REAL['name']}\n    contact: {REAL['contact']}\n    last_reviewed: 2027-01-05\n"
        f"    relationship: {REAL['relationship']}\n", encoding="utf-8")
    monkeypatch.setenv("PUBLISH", "true")
    monkeypatch.setattr(build, "build", lambda site, project: subprocess.CompletedProcess([], 0, "", ""))
    monkeypatch.chdir(tmp_path)
    assert build.main([str(tmp_path / "site")]) == 0
    assert capsys.readouterr().err == ""


def test_publisher_is_in_every_footer_and_on_about_and_accessibility(built_site):
    shipped = load_build_script().configured_publisher(ROOT)
    name = publisher.esc(shipped["name"])
    for page in ("index.html", "markers/improvement-action/index.html", "glossary/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        assert f"Published by {name}." in footer and "Content last reviewed 26 November 2026." in footer
        assert 'href="mailto:accessibility@scr-quality-markers.example"' in footer
    for page in ("about/index.html", "accessibility/index.html"):
        article = (built_site / page).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        assert f"<dt>Published by</dt><dd>{name}</dd>" in article
        assert "<dt>Relationship to NSPCC and SCIE</dt>" in article
