"""`make bench`: how fast the site builds and how light it is to load, as a Markdown table.

Measures, in one run on this machine:
- build time of the real site (median of RUNS) beside a stock Material site with the same
  pages and no macros, as a ratio;
- build time, size and cost per page with synthetic data of 18, 180 and 1,000 full markers;
- bytes on first load of a marker page, gzipped, split into our own files and the theme's;
- time from page load to a ready checklist, and to a summary page with 1,000 answers;
- time from load to the summary page and the comparison of 20 reviews of 1,000 markers.
Not part of `make test`: timings belong here, not in tests.
"""

from __future__ import annotations

import copy
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.content.markers import load_content  # noqa: E402
from macros.pages.stubs import fix_pages  # noqa: E402
from macros.content.templates import load_templates  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "5"))  # browser loads per timing
SIZES = [18, 180, 1000]
PROJECT_PARTS = ("data", "docs", "hooks", "macros", "overrides", "schema", "offline", "mkdocs.yml")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_once(project: Path, cold: bool = False) -> float:
    """Wall time of one `mkdocs build` in `project`. `cold` empties the office-file cache
    (.cache/) first, as on a first build or after an edit to the templates."""
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "site")],
                   cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def build_seconds(project: Path, runs: int) -> tuple[float, Path]:
    """Median wall time of `mkdocs build` in `project`, and the folder it built."""
    build_once(project)  # warms caches
    return (statistics.median(build_once(project) for _ in range(runs)) if runs else 0.0), project / "site"


def compare_builds(real: Path, stock: Path, runs: int) -> tuple[float, float, float]:
    """Median build times of the real site (warm and cold) and the stock site, taken in turn
    within each round so that a slower spell of the machine weighs on all three alike."""
    build_once(real), build_once(stock)  # warm caches
    rounds = [(build_once(real, cold=True), build_once(real), build_once(stock)) for _ in range(runs)]
    cold, warm, plain = (statistics.median(column) for column in zip(*rounds))
    return warm, cold, plain


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def copy_project(dest: Path) -> Path:
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


class _MacrosEnv:
    """Just enough of the macros plugin for `define_env`, to render pages without MkDocs."""

    def __init__(self, conf):
        self.conf, self.variables, self.macros, self.page = conf, dict(conf["extra"]), {}, None

    def macro(self, fn):
        self.macros[fn.__name__] = fn
        return fn


def _page_url(rel: str) -> str:
    stem = rel.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


def stock_project(dest: Path) -> Path:
    """The same pages in a stock Material site: each page's Markdown as our macros render it,
    then built with no macros plugin, no overrides and no downloads."""
    import jinja2
    from mkdocs.config import load_config

    import macros

    real = load_config(str(ROOT / "mkdocs.yml"))
    env = _MacrosEnv(real)
    macros.define_env(env)
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\nrender_macros: true\n---"):
            env.page = types.SimpleNamespace(url=_page_url(page.relative_to(docs).as_posix()))
            text = jinja2.Environment().from_string(text.split("---", 2)[2]).render(**env.variables, **env.macros)
        page.write_text(text, encoding="utf-8")
    config = {
        "site_name": real["site_name"], "site_url": "http://127.0.0.1:8000/", "strict": True, "nav": env.conf["nav"],
        # As in mkdocs.yml, which takes docs/templates/ back in: MkDocs leaves it out by default.
        "exclude_docs": "\n".join(p.pattern for p in real["exclude_docs"].patterns) if real["exclude_docs"] else "",
        "theme": {"name": "material", "font": False, "features": real["theme"]["features"]},
        "markdown_extensions": ["attr_list", "md_in_html", "def_list", "admonition", {"toc": {"permalink": False}}],
        "plugins": ["search"],
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest


def synthetic_project(dest: Path, count: int) -> Path:
    """The real project with `count` full markers, each with the text of Improvement action.

    The real markers keep their ids (the templates refer to them); the rest are made up."""
    copy_project(dest)
    data = yaml.safe_load((ROOT / "data" / "markers.yml").read_text(encoding="utf-8"))
    model = next(m for m in data["markers"] if m["id"] == "improvement-action")
    stages = [s["id"] for s in data["stages"]]
    real_ids = [m["id"] for m in data["markers"]]
    markers = []
    for i in range(count):
        marker = copy.deepcopy(model)
        marker.update(id=real_ids[i] if i < len(real_ids) else f"marker-{i + 1:04d}", number=i + 1,
                      stage=stages[i * len(stages) // count], title=f"Synthetic marker {i + 1}")
        markers.append(marker)
    data["markers"] = markers
    (dest / "data" / "markers.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                               encoding="utf-8")
    for old in (dest / "docs" / "markers").glob("*.md"):
        old.unlink()
    content = load_content(dest / "data" / "markers.yml")
    fix_pages(content, load_templates(content), docs=dest / "docs")
    return dest


def page_count(site: Path) -> int:
    return len(pages(site)) + 1  # + 404.html


def pages(site: Path) -> set[str]:
    """The pages of a built site, by address."""
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


OWN_PREFIXES = ("assets/site.css", "assets/js/")


def first_load_bytes(site: Path, path: str) -> dict[str, int]:
    """Gzipped bytes a fresh visit to `path` downloads, by who wrote them."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import serve

    server, base = serve(site)
    totals = {"page (HTML)": 0, "our CSS and JS": 0, "theme and search": 0}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=CHROMIUM_FLAGS)
            page = browser.new_page(bypass_csp=True)  # the waits below are evaluated in the page
            bodies = []
            page.on("response", lambda r: bodies.append(r))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            for response in bodies:
                rel = response.url[len(base) + 1:]
                size = len(gzip.compress(response.body(), compresslevel=6))
                if rel == path.strip("/") + "/" or response.request.resource_type == "document":
                    totals["page (HTML)"] += size
                elif rel.startswith(OWN_PREFIXES):
                    totals["our CSS and JS"] += size
                else:
                    totals["theme and search"] += size
            browser.close()
    finally:
        server.shutdown()
    return totals


def seeded_answers(content, when: str = "2026-01-01T00:00:00.000Z") -> dict:
    """Saved data with every question of every full marker answered, a third Partly or No."""
    answers, responses = {}, ["yes", "partly", "no", "not-applicable", "yes", "partly"]
    n = 0
    for marker in content.full_markers():
        for question in marker.questions:
            answers.setdefault(marker.id, {})[question.id] = {
                "response": responses[n % len(responses)], "notes": f"Evidence note {n}",
                "questionText": " ".join(question.text.split()), "contentVersion": "1", "updated": when}
            n += 1
    review = {"id": "bench", "name": "Benchmark review", "created": when, "updated": when, "answers": answers}
    return {"version": 1, "current": "bench", "reviews": [review]}


def ready_times(site: Path, summary_site: Path, answered) -> dict[str, float]:
    """Milliseconds from the start of navigation until each page is ready for the user."""
    import json

    from playwright.sync_api import sync_playwright

    from tests.conftest import serve

    timings = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=CHROMIUM_FLAGS)
        server, base = serve(site)
        try:
            page = browser.new_page(bypass_csp=True)  # the waits below are evaluated in the page
            page.goto(base + "/markers/improvement-action/")
            page.wait_for_function("document.querySelectorAll('li[data-question] fieldset').length === 5")
            timings["Improvement action page: load to ready checklist"] = page.evaluate("performance.now()")
        finally:
            server.shutdown()
        server, base = serve(summary_site)
        try:
            page = browser.new_page(bypass_csp=True)  # the waits below are evaluated in the page
            data = json.dumps(answered)
            page.add_init_script(f"localStorage.getItem('scr-qm:/:data') || localStorage.setItem('scr-qm:/:data', {json.dumps(data)})")
            total = sum(len(a) for a in answered["reviews"][0]["answers"].values())
            discuss = sum(1 for a in answered["reviews"][0]["answers"].values() for x in a.values()
                          if x["response"] in ("partly", "no"))
            page.goto(base + "/self-assessment/")
            page.wait_for_function(f"document.querySelectorAll('.scr-discuss > li').length === {discuss}",
                                   timeout=60_000)
            timings[f"Summary page with {total} answers: load to rendered"] = page.evaluate("performance.now()")
        finally:
            server.shutdown()
        browser.close()
    return timings


def many_reviews(content, count: int = 20, when: str = "2026-01-01T00:00:00.000Z") -> dict:
    """Saved data of `count` reviews, each judging every marker; the first also answers every
    question. (Nineteen more with every answer would not fit in a browser's storage.)"""
    responses = ["yes", "partly", "no", "not-applicable", "", "partly"]
    reviews = []
    for r in range(count):
        judgements = {m.id: {"response": responses[(i + r) % len(responses)] or "no", "notes": f"J{i}", "questionText": "",
                             "contentVersion": "1", "updated": when} for i, m in enumerate(content.markers)}
        answers = seeded_answers(content, when)["reviews"][0]["answers"] if r == 0 else {}
        reviews.append({"id": f"bench{r}", "name": f"Review {r + 1}", "created": when, "updated": when,
                        "answers": answers, "judgements": judgements})
    return {"version": 1, "current": "bench0", "reviews": reviews}


def spread(samples: list[float]) -> str:
    """`median ms (min–max, n samples)`: one number hides how much a loaded machine varies."""
    return f"{statistics.median(samples):.0f} ms (min {min(samples):.0f}, max {max(samples):.0f}; {len(samples)} samples)"


# What "rendered" means on each page, from navigation start to the first frame in which it holds:
# the summary shows every marker in the overview and the first points for the board; the
# comparison shows its first rows (longlist.mjs draws the rest on request and before printing).
RENDERED = {
    "/self-assessment/": "document.querySelectorAll('.scr-grid li').length === {markers} && "
                         "document.querySelector('.scr-discuss > li') !== null",
    "/compare/": "document.querySelectorAll('table.scr-comparison tbody tr').length === Math.min({rows}, 50) && "
                 "document.querySelector('[data-more-list=comparison]') !== null",
}


def summary_and_comparison_times(site: Path, saved: dict, samples: int = SAMPLES) -> dict[str, list[float]]:
    """Milliseconds from the start of navigation to the first frame in which the summary page,
    and the comparison of every saved review, are rendered with the saved data (`samples` loads each)."""
    import json

    from playwright.sync_api import sync_playwright

    from tests.conftest import serve

    markers = len(saved["reviews"][0]["judgements"])
    rows = markers + sum(len(a) for a in saved["reviews"][0]["answers"].values())
    timings = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_FLAGS)
        server, base = serve(site)
        try:
            for path, condition in RENDERED.items():
                condition = condition.format(markers=markers, rows=rows)
                times = []
                for _ in range(samples):
                    page = browser.new_page(bypass_csp=True)  # the waits below are evaluated in the page
                    page.add_init_script(f"localStorage.setItem('scr-qm:/:data', {json.dumps(json.dumps(saved))})")
                    page.goto(base + path, wait_until="commit")
                    # Checked at every frame; the time is taken in the page, when it first holds.
                    times.append(page.wait_for_function(f"() => ({condition}) && performance.now()",
                                                        timeout=120_000, polling="raf").json_value())
                    page.close()
                what = "Summary page" if path == "/self-assessment/" else f"Comparison of {len(saved['reviews'])} reviews ({rows} rows, first 50 drawn)"
                timings[f"{what}, {markers} markers: navigation start to rendered"] = times
        finally:
            server.shutdown()
        browser.close()
    return timings


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        real_site = tmp / "real" / "site"
        real, cold, stock = compare_builds(copy_project(tmp / "real"), stock_project(tmp / "stock"), RUNS)
        if pages(real_site) != pages(tmp / "stock" / "site"):
            sys.exit(f"The stock site does not build the same pages: {pages(real_site) ^ pages(tmp / 'stock' / 'site')}")
        rows.append(("Real site build (median of %d)" % RUNS, f"{real:.2f} s"))
        rows.append(("Real site build with an empty office-file cache", f"{cold:.2f} s"))
        rows.append(("Stock Material, same pages, no macros", f"{stock:.2f} s"))
        rows.append(("Ratio real / stock (empty cache)", f"{real / stock:.2f} ({cold / stock:.2f})"))

        scale = []
        thousand = None
        for count in SIZES:
            seconds, site = build_seconds(synthetic_project(tmp / f"synthetic-{count}", count), max(3, RUNS // 2))
            built = page_count(site)
            scale.append((count, built, seconds, folder_bytes(site), seconds / built))
            if count == 1000:
                thousand = (tmp / f"synthetic-{count}", site)
        for count, built, seconds, size, per_page in scale:
            rows.append((f"{count} full markers: build, size, pages, per page",
                         f"{seconds:.2f} s, {size / 1e6:.1f} MB, {built} pages, {per_page * 1000:.1f} ms/page"))
        rows.append(("Per-page cost, 1,000 vs 18 markers", f"{scale[-1][4] / scale[0][4]:.2f}x"))

        for label, size in first_load_bytes(real_site, "/markers/improvement-action/").items():
            rows.append((f"First load of a marker page, gzipped: {label}", kb(size)))

        # 200 full markers of 5 questions: 1,000 answered questions on one summary page.
        answers_site = tmp / "synthetic-200"
        _, answers_built = build_seconds(synthetic_project(answers_site, 200), 0)
        answered = seeded_answers(load_content(answers_site / "data" / "markers.yml"))
        for label, ms in ready_times(real_site, answers_built, answered).items():
            rows.append((label, f"{ms:.0f} ms"))
        # 20 reviews of 1,000 markers (the goal: each rendered within 300 ms of load).
        saved = many_reviews(load_content(thousand[0] / "data" / "markers.yml"))
        for label, times in summary_and_comparison_times(thousand[1], saved).items():
            rows.append((label, spread(times)))

    print("| Measure | Value |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
