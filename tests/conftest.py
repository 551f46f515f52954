"""Shared fixtures: one strict build of the real site per test run, a local server for it,
and Playwright driving the system Chromium with every request recorded."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Filled by the link test; listed at the end of the run so a person can check them by hand.
EXTERNAL_LINKS: set[str] = set()


def pytest_terminal_summary(terminalreporter):
    if EXTERNAL_LINKS:
        terminalreporter.section(f"external links in the built site ({len(EXTERNAL_LINKS)}, not fetched)")
        for url in sorted(EXTERNAL_LINKS):
            terminalreporter.write_line(url)


def require_tool(available: bool, what: str) -> None:
    """In CI a missing tool fails the test; on a developer's machine it skips it."""
    if available:
        return
    message = f"{what} is not installed: run `make test-tools`"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def build_site(dest: Path, project: Path = ROOT, site_url: str | None = None) -> subprocess.CompletedProcess:
    """The whole build of `project` into `dest`, as `make build` runs it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), str(dest)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """A server for the built site, started first so that the site can be built for its address:
    Material's instant navigation follows only links whose address, port included, is in the
    sitemap."""
    folder = tmp_path_factory.mktemp("site")
    server, url = serve(folder)
    yield folder, url
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site_server) -> str:
    """The address the shared site is built for and served at, with a trailing slash."""
    return site_server[1] + "/"


@pytest.fixture(scope="session")
def built_site(site_server, site_url) -> Path:
    """The real site, built once, strictly, with no warnings."""
    dest = site_server[0]
    result = build_site(dest, site_url=site_url)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> tuple[socketserver.TCPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def base_url(built_site, site_server) -> str:
    """Overrides pytest-playwright's base_url: the built site, served on a free port."""
    return site_server[1]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require_tool(Path(CHROMIUM).exists(), "Chromium (/usr/bin/chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def answered_storage(browser, base_url) -> list:
    """What the pages save when marker 15 is answered through them (answer_everything), once
    for the run: tests that need a browser holding those answers copy it in (restore)."""
    from tests.checklist_helpers import answer_everything, storage  # they import this module

    context = browser.new_context()
    page = context.new_page()
    answer_everything(page, base_url)
    kept = storage(page)
    context.close()
    return kept


def requests_elsewhere(urls: list[str], site_root: str) -> list[str]:
    """The requests that went anywhere but the site (`site_root`: its address, or its folder
    as a file:// URL); data: and blob: addresses are made in the page and go nowhere."""
    return [u for u in urls if not u.startswith((site_root, "data:", "blob:"))]


@pytest.fixture
def requests_seen() -> list[str]:
    return []


@pytest.fixture
def context(context, base_url, requests_seen):
    """Every browser test proves that the site contacts no host but its own."""
    context.on("request", lambda request: requests_seen.append(request.url))
    yield context
    elsewhere = requests_elsewhere(requests_seen, base_url + "/")
    assert not elsewhere, f"requests left the site: {elsewhere}"


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8") + "\n;true"


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA and best-practice violations on the current page."""
    require_tool(AXE.exists(), "axe-core (node_modules/axe-core)")
    # Evaluated through the DevTools protocol: the page's own CSP forbids injected script tags.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def axe_failures(page, base_url: str, paths) -> dict[str, list[dict]]:
    """axe's violations on each page of `paths` that has any, by path."""
    failures = {}
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
    return failures
