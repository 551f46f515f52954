"""The built site: template pages and their downloads, the same bytes from every build, and
every link on every page leading to a file that is there."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from macros.documents import FORMATS, all_files, size_label
from macros.load import ROOT, load_content
from macros.template_load import load_templates
from tests.conftest import build_site

@pytest.fixture(scope="module")
def templates():
    content = load_content()
    return content, load_templates(content)


class Links(HTMLParser):
    """Every address a page asks for or links to: (tag, attribute, value, has download)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.found.append((tag, attrs[name], "download" in attrs))


def page_url(site: Path, html: Path) -> str:
    return "/" + html.relative_to(site).as_posix()


def target(site: Path, url: str, site_url: str) -> Path | None:
    """The file a local address leads to, or None for another site (checked by hand, not here)."""
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "data", "javascript"):
        return None
    if parts.scheme in ("http", "https"):
        if not url.startswith(site_url):
            return None
        path = "/" + url[len(site_url):]
    else:
        path = parts.path
    path = unquote(path).split("#")[0]
    file = site / path.lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def all_links(site: Path):
    for html in sorted(site.rglob("*.html")):
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for tag, url, download in parser.found:
            yield html, tag, urljoin(page_url(site, html), url), download


def test_every_link_on_every_page_leads_to_a_file_in_the_build(built_site, site_url, templates):
    broken, downloads = [], []
    for html, tag, url, download in all_links(built_site):
        file = target(built_site, url, site_url)
        if file is not None and not file.is_file():
            broken.append(f"{html.relative_to(built_site)}: <{tag}> {url}")
        if download:
            downloads.append(url)
    assert not broken, "\n".join(broken)
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
    assert first == second and len(first) == 12
    first.append(Path("downloads/scr-quality-markers-offline.zip"))
    different = [str(p) for p in first if (built_site / p).read_bytes() != (again / p).read_bytes()]
    assert not different

