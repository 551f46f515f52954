"""Every internal link, asset and #anchor in the built site resolves; external links are listed
in the test report and never fetched."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from tests.conftest import EXTERNAL_LINKS

PAGE_HOST = "site.invalid"  # a stand-in origin for resolving relative addresses


@dataclass
class Link:
    page: Path
    tag: str
    url: str  # absolute, on PAGE_HOST when it is the site's own
    download: bool


@dataclass
class _Page(HTMLParser):
    links: list[tuple[str, str, bool]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append((tag, attrs[name], "download" in attrs))


@functools.cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def site_links(site: Path, site_url: str) -> list[Link]:
    """Every href and src of every page; the site's own absolute addresses count as its own."""
    found = []
    for html in sorted(site.rglob("*.html")):
        page_url = f"http://{PAGE_HOST}/" + html.relative_to(site).as_posix()
        for tag, href, download in _parse(html).links:
            if href.startswith(site_url):
                href = "/" + href[len(site_url):]
            found.append(Link(html, tag, urljoin(page_url, href), download))
    return found


def target_file(site: Path, url_path: str) -> Path | None:
    candidate = site / unquote(url_path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, site_url: str) -> tuple[list[str], int]:
    """Every internal link, asset and #anchor of every page of `site` that does not resolve, and
    how many were checked; external links are collected for the report."""
    broken, checked = [], 0
    for link in site_links(site, site_url):
        parts = urlsplit(link.url)
        if parts.scheme in ("mailto", "tel", "data", "javascript"):
            continue
        if parts.netloc != PAGE_HOST:
            EXTERNAL_LINKS.add(link.url)
            continue
        checked += 1
        url, fragment = urldefrag(link.url)
        target = target_file(site, urlsplit(url).path)
        where = f"{link.page.relative_to(site)}: <{link.tag}> {link.url}"
        if target is None:
            broken.append(f"{where} (no such file)")
        elif fragment and target.suffix == ".html" and unquote(fragment) not in _parse(target).ids:
            broken.append(f"{where} (no #{fragment} on that page)")
    return broken, checked


def test_every_internal_link_asset_and_anchor_resolves(built_site, site_url):
    broken, checked = broken_links(built_site, site_url)
    assert checked > 100
    assert not broken, "\n".join(broken)
