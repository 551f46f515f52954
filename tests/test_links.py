"""Every internal link and #anchor in the built site resolves; external links are listed in
the test report and never fetched."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from tests.conftest import EXTERNAL_LINKS


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url_path: str) -> Path | None:
    candidate = site / unquote(url_path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = {p: parse(p) for p in built_site.rglob("*.html")}
    broken, checked = [], 0
    for path, parsed in pages.items():
        page_url = "http://site.invalid/" + path.relative_to(built_site).as_posix()
        for href in parsed.links:
            absolute = urljoin(page_url, href)
            parts = urlsplit(absolute)
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.netloc != "site.invalid":
                EXTERNAL_LINKS.add(absolute)
                continue
            checked += 1
            url, fragment = urldefrag(absolute)
            target = target_file(built_site, urlsplit(url).path)
            if target is None:
                broken.append(f"{path.relative_to(built_site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{path.relative_to(built_site)}: {href} (no #{fragment} on that page)")
    assert checked > 100
    assert not broken, "\n".join(broken)

