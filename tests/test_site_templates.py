"""The built site: template pages and their downloads, and the same bytes from every build.
(That every link leads to a file is tests/test_links.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.documents import FORMATS, all_files, size_label
from macros.documents.layout import ORGANISER
from macros.content.markers import ROOT, load_content
from macros.content.templates import load_templates
from tests.conftest import build_site
from tests.test_links import site_links


@pytest.fixture(scope="module")
def templates():
    content = load_content()
    return content, load_templates(content)


def test_every_download_is_offered_where_expected(built_site, site_url, templates):
    downloads = [link.url for link in site_links(built_site, site_url) if link.download]
    # The list and each template's own page offer every download.
    _, parsed = templates
    template_downloads = [u for u in downloads if "/templates/" in u]
    assert len(template_downloads) == 2 * len(parsed.templates) * len(FORMATS)
    assert {u.rsplit("/", 1)[-1] for u in downloads if "/downloads/" in u} == {"scr-quality-markers-offline.zip"}


def test_downloads_are_the_generated_files_beside_their_pages(built_site, site_url, templates):
    content, parsed = templates
    for f in all_files(parsed, content, site_url):
        assert (built_site / f.path).read_bytes() == f.data
        assert (built_site / "templates" / f.template_id / "index.html").is_file()


def test_the_list_shows_every_template_with_format_and_real_size(built_site, site_url, templates):
    content, parsed = templates
    listing = (built_site / "templates" / "index.html").read_text(encoding="utf-8")
    for f in all_files(parsed, content, site_url):
        if f.copy != ORGANISER:  # the members' copies are for meeting papers, not listed
            assert f.name not in listing
            continue
        size = (built_site / f.path).stat().st_size
        assert f'href="{f.template_id}/{f.name}" download>{f.format.label} (.{f.format.extension}, {size_label(size)})' in listing


def test_improvement_action_page_links_to_every_template(built_site, site_url, templates):
    _, parsed = templates
    page = (built_site / "markers" / "improvement-action" / "index.html").read_text(encoding="utf-8")
    assert 'id="templates"' in page
    for t in parsed.templates:
        assert f'href="../../templates/{t.id}/"' in page


def docs_snapshot() -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in (ROOT / "docs").rglob("*")}


def test_two_builds_make_identical_downloads_and_leave_docs_alone(built_site, site_url, tmp_path):
    before = docs_snapshot()
    again = tmp_path / "second"
    result = build_site(again, site_url=site_url)
    assert result.returncode == 0, result.stderr
    assert docs_snapshot() == before, "a build must never write into docs/"
    first = sorted(p.relative_to(built_site) for p in (built_site / "templates").rglob("*") if p.suffix in (".docx", ".odt", ".md"))
    second = sorted(p.relative_to(again) for p in (again / "templates").rglob("*") if p.suffix in (".docx", ".odt", ".md"))
    assert first == second and len(first) == 5 * 3 + 2 * 2  # and the members' copies of the papers
    first.append(Path("downloads/scr-quality-markers-offline.zip"))
    different = [str(p) for p in first if (built_site / p).read_bytes() != (again / p).read_bytes()]
    assert not different

