"""Hostile content files (tests/corpus/hostile-content.yml): each variant of data/markers.yml or
data/templates.yml is refused by `make check` with plain file:line messages, or builds with its
text shown as written, with nothing evaluated, run or injected.

All variants are made and checked once, in parallel, together with a build of the unedited files
as the reference for what the site's own pages hold; variants that build share builds in groups
(builds take seconds each), and any variant whose group fails is run again alone. Each test then
reads one variant's findings.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import docx
import markdown
import pytest
import yaml

from tests.readback import READERS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus" / "hostile-content.yml"
# What a build needs from the project (the office-file cache is left out: each copy makes its own).
PROJECT_PARTS = ["data", "docs", "hooks", "macros", "overrides", "offline", "schema", "scripts", "mkdocs.yml"]
# `make check` must finish within 5 s of CPU time (the machine may be busy with other work, so
# wall time is only a backstop against a process that waits rather than works).
CHECK_CPU_SECONDS = 5
CHECK_TIMEOUT = 60
BUILD_TIMEOUT = 300
MESSAGE_LINE = re.compile(r"^data/(markers|templates)\.yml:\d+: ")
JINJA_RESULT = "1337"  # what {{ 7*191 }} gives if anything evaluates it
PAYLOAD_FILE = "pwned"  # what the shell-command payloads try to create in @@TMP@@
JINJA = ("{{ 7*191 }}{% for i in range(10**9) %}{% endfor %}"
         "{{ lipsum.__globals__.os.popen('touch @@TMP@@/pwned').read() }}")
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "background", "data"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

VARIANTS = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["variants"]
REFERENCE = "unedited"  # the real files, built as the reference


def expand(text: str, tmp: Path) -> bytes:
    """A corpus string as the bytes to write: @@TMP@@, @@N*TEXT@@ and @@hex:..@@ expanded."""
    out = b""
    for part in re.split(r"(@@.*?@@)", text.replace("@@JINJA@@", JINJA).replace("@@TMP@@", str(tmp))):
        repeat = re.fullmatch(r"@@(\d+)\*(.*)@@", part, re.S)
        raw = re.fullmatch(r"@@hex:([0-9a-fA-F ]+)@@", part)
        if repeat:
            out += repeat.group(2).encode("utf-8") * int(repeat.group(1))
        elif raw:
            out += bytes.fromhex(raw.group(1))
        else:
            out += part.encode("utf-8")
    return out


def expand_text(text: str, tmp: Path) -> str:
    return expand(text, tmp).decode("utf-8")


def apply_edit(data: bytes, edit: dict, tmp: Path) -> bytes:
    if "replace" in edit:
        old, new = edit["replace"].encode("utf-8"), expand(edit["with"], tmp)
        count = data.count(old)
        if edit.get("all"):
            assert count >= 1, f"the corpus edit no longer matches the real file: {edit['replace']!r}"
        else:
            assert count == 1, f"the corpus edit matches {count} places in the real file, not 1: {edit['replace']!r}"
        return data.replace(old, new)
    if "append" in edit:
        return data + expand(edit["append"], tmp)
    if "prepend" in edit:
        return expand(edit["prepend"], tmp) + data
    if "whole" in edit:
        return expand(edit["whole"], tmp)
    if edit.get("crlf"):
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    raise AssertionError(f"unknown corpus edit: {edit}")


@dataclass
class Outcome:
    name: str
    problems: list[str] = field(default_factory=list)
    site: Path | None = None
    tmp: Path | None = None
    # Of a group: the variants built together, and those whose edits did not fit with theirs.
    members: list[dict] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)


def run_variant(variant: dict, work: Path) -> Outcome:
    """Make the variant in its own copy of the project, check it and, if accepted, build it."""
    return run_group(variant["name"], [] if variant["name"] == REFERENCE else [variant], work, alone=True)


def run_group(name: str, variants: list[dict], work: Path, alone: bool = False) -> Outcome:
    """Make the variants together in one copy of the project (each edit applied to what the
    ones before made), check it and, if accepted, build it. A variant whose edits no longer fit
    is left out (`left_out`), to be run alone."""
    outcome = Outcome(name)
    project, site = work / "project", work / "site"
    # A short path, so that payloads naming it still fit in a title.
    tmp = outcome.tmp = Path(tempfile.mkdtemp(prefix="hc-"))
    for part in PROJECT_PARTS:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, project / part)
    files = {}
    for variant in variants:
        path = project / "data" / f"{variant['file']}.yml"
        data = files.get(path) or path.read_bytes()
        try:
            for edit in variant["edit"]:
                data = apply_edit(data, edit, tmp)
        except AssertionError as e:  # a corpus edit that no longer fits the real file, or the group's
            if alone:
                outcome.problems.append(str(e))
                return outcome
            outcome.left_out.append(variant)
            continue
        files[path] = data
        outcome.members.append(variant)
    for path, data in files.items():
        path.write_bytes(data)
    data = next(iter(files.values()), b"")

    fix_pages = any(v.get("fix_pages") for v in outcome.members)
    command = [sys.executable, "-c", LIMIT_CPU, str(CHECK_CPU_SECONDS), "-m", "macros.content.check",
               *(["--fix-pages"] if fix_pages else [])]
    try:
        check = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True,
                               errors="replace", timeout=CHECK_TIMEOUT)
    except subprocess.TimeoutExpired:
        outcome.problems.append(f"`make check` did not finish within {CHECK_TIMEOUT} s (waiting, not working?)")
        return outcome
    output = check.stdout + check.stderr
    if check.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        outcome.problems.append(f"`make check` did not finish within {CHECK_CPU_SECONDS} s of CPU time")
        return outcome
    if "Traceback" in output:
        outcome.problems.append(f"`make check` printed a traceback:\n{output[-3000:]}")
        return outcome
    refused = [v for v in outcome.members if "refused" in v]
    if refused:
        outcome.problems += refusal_problems(refused[0]["refused"], check.returncode, output, refused[0]["file"],
                                             data, tmp)
        return outcome
    if check.returncode != 0:
        outcome.problems.append(f"`make check` refused a variant expected to build:\n{output[-3000:]}")
        return outcome

    try:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                               cwd=project, env=ENV, capture_output=True, text=True, errors="replace",
                               timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        outcome.problems.append(f"the build did not finish within {BUILD_TIMEOUT} s")
        return outcome
    if build.returncode != 0:
        outcome.problems.append(f"`make check` passed but the build failed (exit code {build.returncode}):\n{build.stderr[-3000:]}")
        return outcome
    outcome.site = site
    return outcome


# Runs Python (`python -c LIMIT_CPU SECONDS ARGS...` is `python ARGS...`) under a CPU-time limit.
LIMIT_CPU = ("import os, resource, sys; s = int(sys.argv[1]); resource.setrlimit(resource.RLIMIT_CPU, (s, s + 1)); "
             "os.execv(sys.executable, [sys.executable, *sys.argv[2:]])")


def refusal_problems(expected: dict, code: int, output: str, file: str, data: bytes, tmp: Path) -> list[str]:
    lines = [line for line in output.splitlines() if line.strip()]
    problems = []
    if code == 0:
        return [f"`make check` accepted a variant expected to be refused:\n{output}"]
    bad = [line for line in lines if not MESSAGE_LINE.match(line)]
    if bad or not lines:
        problems.append(f"not every line of `make check` is a plain data/<file>.yml:LINE: message:\n{output}")
    fragment = expand_text(expected["message"], tmp)
    prefix = f"data/{file}.yml:"
    if "line" in expected or "line_of" in expected:
        line = expected.get("line") or line_of(data, expand_text(expected["line_of"], tmp))
        prefix += f"{line}: "
    if not any(line.startswith(prefix) and fragment in line for line in lines):
        problems.append(f"no message starting {prefix!r} says {fragment!r}:\n{output}")
    if expected.get("absent") and expected["absent"] in output:
        problems.append(f"a message says {expected['absent']!r}, which it must not:\n{output}")
    if (tmp / PAYLOAD_FILE).exists():
        problems.append("the payload ran: it created its file")
    return problems


def line_of(data: bytes, needle: str) -> int:
    """The 1-based line of the one line of the edited file that holds `needle`."""
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    hits = [i + 1 for i, line in enumerate(re.split(r"\r\n|\n", text)) if needle in line]
    assert len(hits) == 1, f"line_of {needle!r} matches lines {hits[:5]} of the edited file, not one"
    return hits[0]


# Reading the built pages.

class Scan(HTMLParser):
    """One page (or fragment): its elements, attributes, scripts, addresses and visible text."""

    def __init__(self, url: str = "/"):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        self.scripts: list[tuple] = []
        self.addresses: list[str] = []
        self.links: list[str] = []
        self.refresh = False
        self.text, self.title, self.nav = [], [], []
        self._open: list[str] = []  # title, nav, script and style elements we are inside

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = [(k, v or "") for k, v in attrs]
        self.attributes |= {(tag, k) for k, _ in attrs}
        values = dict(attrs)
        for k, v in attrs:
            if k in URL_ATTRIBUTES:
                self.addresses.append(v)
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.refresh = True
        if tag == "script":
            src = urljoin(self.url, values["src"]) if "src" in values else None
            self.scripts.append((src, values.get("type"), values.get("id")))
        if tag in ("title", "nav", "script", "style"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag)]

    def handle_data(self, data):
        if "script" in self._open or "style" in self._open:
            return
        self.text.append(data)
        if "title" in self._open:
            self.title.append(data)
        if "nav" in self._open:
            self.nav.append(data)


def scan(markup: str, url: str = "/") -> Scan:
    page = Scan(url)
    page.feed(markup)
    page.close()
    return page


def words(parts) -> str:
    """Text with every run of white space as one space, to compare what a reader sees."""
    return " ".join("".join(parts).split())


def bad_address(value: str) -> bool:
    # Browsers ignore white space and control characters in a scheme.
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
    return cleaned.startswith(BAD_SCHEMES)


@dataclass
class Reference:
    """What the unedited site holds: anything else in a variant came from its content."""

    tags: set[str]
    attributes: set[tuple[str, str]]
    scripts: set[tuple]
    index_tags: set[str]
    index_attributes: set[tuple[str, str]]
    markdown_tags: set[str]
    markdown_attributes: set[tuple[str, str]]
    # Its pages, search entries and downloads: a variant's that are the same need no second look.
    same: set = field(default_factory=set)


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def page_scans(site: Path, skip: set = frozenset(), keep: str = "") -> dict[str, Scan]:
    return {rel: scan(path.read_text(encoding="utf-8"), "http://site/" + rel) for rel, path in pages(site).items()
            if rel == keep or ("page", rel, path.read_bytes()) not in skip}


def index_entries(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [doc[key] for doc in index["docs"] for key in ("title", "text")]


def index_scans(site: Path, skip: set = frozenset()) -> list[Scan]:
    return [scan(entry) for entry in index_entries(site) if ("index", entry) not in skip]


def downloads(site: Path, skip: set = frozenset()) -> list[Path]:
    return [p for p in sorted(site.glob("templates/*/*.*")) if ("file", p.name, p.read_bytes()) not in skip]


def markdown_downloads(site: Path, skip: set = frozenset()) -> dict[str, Scan]:
    """Each Markdown download as a wiki or viewer would show it."""
    return {p.name: scan(markdown.markdown(p.read_text(encoding="utf-8"), extensions=["tables"]))
            for p in downloads(site, skip) if p.suffix == ".md"}


def make_reference(site: Path) -> Reference:
    scans = page_scans(site)
    index = index_scans(site)
    md = markdown_downloads(site)
    return Reference(
        tags=set().union(*(s.tags for s in scans.values())),
        attributes=set().union(*(s.attributes for s in scans.values())),
        scripts={tuple(s.scripts) for s in scans.values()},
        index_tags=set().union(*(s.tags for s in index)),
        index_attributes=set().union(*(s.attributes for s in index)),
        markdown_tags=set().union(*(s.tags for s in md.values())),
        markdown_attributes=set().union(*(s.attributes for s in md.values())),
    )


def same_as(site: Path) -> set:
    return ({("page", rel, path.read_bytes()) for rel, path in pages(site).items()}
            | {("index", entry) for entry in index_entries(site)}
            | {("file", p.name, p.read_bytes()) for p in sorted(site.glob("templates/*/*.*"))})


def injection_problems(where: str, page: Scan, tags: set[str], attributes: set[tuple[str, str]]) -> list[str]:
    problems = []
    for tag in sorted(page.tags - tags):
        problems.append(f"{where}: a <{tag}> element, which the unedited site does not have")
    for tag, name in sorted(page.attributes - attributes):
        problems.append(f"{where}: a <{tag} {name}=...> attribute, which the unedited site does not have")
    for tag, name in sorted(page.attributes):
        if name.startswith("on"):
            problems.append(f"{where}: an event handler attribute <{tag} {name}=...>")
    problems += [f"{where}: a {a[:40]!r} address" for a in page.addresses if bad_address(a)]
    if page.refresh:
        problems.append(f"{where}: a <meta http-equiv=refresh>")
    if JINJA_RESULT in words(page.text):
        problems.append(f"{where}: {JINJA_RESULT!r} in the text: a template was evaluated")
    return problems


def site_problems(variant: dict, outcome: Outcome, reference: Reference) -> list[str]:
    """Everything the built site of a variant must (and must not) hold."""
    return injected_problems(outcome, reference) + expected_problems(variant, outcome)


def injected_problems(outcome: Outcome, reference: Reference) -> list[str]:
    """What no built site may hold, whatever its content: elements, attributes or scripts the
    unedited site does not have, payloads run or evaluated, downloads that do not open."""
    site, tmp = outcome.site, outcome.tmp
    problems = []
    for rel, page in page_scans(site, reference.same).items():
        problems += injection_problems(rel, page, reference.tags, reference.attributes)
        if tuple(page.scripts) not in reference.scripts:
            problems.append(f"{rel}: its scripts are not the site's own: {page.scripts}")
    for page in index_scans(site, reference.same):
        problems += injection_problems("search index", page, reference.index_tags, reference.index_attributes)
    for name, page in markdown_downloads(site, reference.same).items():
        problems += injection_problems(f"{name} shown as HTML", page, reference.markdown_tags,
                                       reference.markdown_attributes)
    for path in downloads(site, reference.same):
        if path.suffix[1:] in READERS:
            try:
                outline = READERS[path.suffix[1:]](path.read_bytes())
            except Exception as e:  # a file the reader cannot open is itself the finding
                problems.append(f"{path.name} does not open: {e!r}")
                continue
            if JINJA_RESULT in words(outline.text):
                problems.append(f"{path.name}: {JINJA_RESULT!r} in the text: a template was evaluated")
        if path.suffix == ".docx":
            props = docx.Document(io.BytesIO(path.read_bytes())).core_properties
            for prop in ("title", "subject"):
                if len(getattr(props, prop) or "") > 255:
                    problems.append(f"{path.name}: its {prop} property is over 255 characters")
    if (tmp / PAYLOAD_FILE).exists():
        problems.append("the payload ran: it created its file")
    return problems


def expected_problems(variant: dict, outcome: Outcome) -> list[str]:
    """What the variant's own text must look like where the corpus says it is shown."""
    site, tmp = outcome.site, outcome.tmp
    expected = variant.get("builds", {})
    if not expected:
        return []
    problems = []
    rel = expected["page"] + "index.html"
    texts = expected["text"] if isinstance(expected["text"], list) else [expected["text"]]
    texts = [words(expand_text(t, tmp)) for t in texts]
    text = texts[0]
    if not (site / rel).is_file():
        return problems + [f"the page {expected['page']} was not built"]
    page = scan((site / rel).read_text(encoding="utf-8"), "http://site/" + rel)
    problems += [f"{expected['page']} does not show {t!r}" for t in texts if t not in words(page.text)]
    if expected.get("title") and text not in words(page.title):
        problems.append(f"the <title> of {expected['page']} is {words(page.title)!r}, without {text!r}")
    if expected.get("nav") and text not in words(page.nav):
        problems.append(f"the menu of {expected['page']} does not show {text!r}")
    if expected.get("link") and expand_text(expected["link"], tmp) not in page.links:
        problems.append(f"{expected['page']} has no link to exactly {expected['link']!r}: {page.links}")
    if expected.get("downloads"):
        template_id = expected["downloads"]
        for extension, read in READERS.items():
            path = site / "templates" / template_id / f"{template_id}.{extension}"
            if not path.is_file():
                problems.append(f"{path.name} was not made")
            else:
                shown = words(read(path.read_bytes()).text)
                problems += [f"{path.name} does not show {t!r}" for t in texts if t not in shown]
    if expected.get("docx_subject_starts"):
        docs = sorted(site.glob("templates/*/*.docx"))
        start = expand_text(expected["docx_subject_starts"], tmp)
        if not any(docx.Document(str(d)).core_properties.subject.startswith(start) for d in docs):
            problems.append(f"no .docx has a subject property starting {start!r}")
    return problems


# Running the corpus once for the module.

# The fields of a variant, so that a misspelt one fails rather than being ignored.
VARIANT_FIELDS = {"name", "file", "edit", "fix_pages", "refused", "builds"}
EDIT_FIELDS = [{"replace", "with", "all"}, {"append"}, {"prepend"}, {"whole"}, {"crlf"}]
REFUSED_FIELDS = {"message", "line", "line_of", "absent"}
BUILDS_FIELDS = {"page", "text", "title", "nav", "downloads", "link", "docx_subject_starts"}


def test_the_corpus_is_well_formed():
    names = [v["name"] for v in VARIANTS]
    assert len(names) == len(set(names)), "variant names must be unique"
    for v in VARIANTS:
        assert set(v) <= VARIANT_FIELDS, f"{v['name']}: unknown fields {set(v) - VARIANT_FIELDS}"
        assert v["file"] in ("markers", "templates"), v["name"]
        assert ("refused" in v) != ("builds" in v), f"{v['name']}: give refused or builds"
        assert v["edit"] and all(any(set(e) <= f and set(e) & f for f in EDIT_FIELDS) for e in v["edit"]), v["name"]
        assert set(v.get("refused", {})) <= REFUSED_FIELDS and set(v.get("builds", {})) <= BUILDS_FIELDS, v["name"]
        assert "message" in v.get("refused", {"message": 1}), v["name"]
        assert {"page", "text"} <= set(v.get("builds", {"page": 1, "text": 1})), v["name"]
    outcomes = Counter(("refused" if "refused" in v else "builds", v["file"]) for v in VARIANTS)
    assert len(VARIANTS) >= 60 and all(outcomes[k] >= 5 for k in
                                       [(o, f) for o in ("refused", "builds") for f in ("markers", "templates")])


# Variants that build are built together, up to this many at a time: each build takes seconds.
GROUP_SIZE = 10


def groupable(variant: dict) -> bool:
    """Only variants that replace single, distinct pieces of text can share a build; those that
    rewrite the whole file, prepend to it, replace every occurrence or rename pages build alone."""
    return "builds" in variant and not variant.get("fix_pages") and all(
        set(edit) <= {"replace", "with"} for edit in variant["edit"])


def lines_edited(variant: dict) -> set[tuple[str, int]]:
    """The lines of the real file that the variant's edits replace, with the lines either side."""
    text = (ROOT / "data" / f"{variant['file']}.yml").read_text(encoding="utf-8")
    lines = set()
    for edit in variant["edit"]:
        at = text.find(edit["replace"])
        if at >= 0:  # (an edit that no longer fits is reported when the variant runs alone)
            first = text.count("\n", 0, at) + 1
            lines |= {(variant["file"], n) for n in range(first - 1, first + edit["replace"].count("\n") + 2)}
    return lines


def jobs(variants: list[dict]) -> list[list[dict]]:
    """The variants in the order they run: groups of buildable ones first (they take longest),
    then the builds alone, then the refusals (one `make check` each), to fill the gaps at the end.
    Variants that edit the same or neighbouring lines go in different groups."""
    groups: list[tuple[list[dict], set]] = []
    for variant in filter(groupable, variants):
        lines = lines_edited(variant)
        group = next((g for g in groups if len(g[0]) < GROUP_SIZE and not g[1] & lines), None)
        if group is None:
            groups.append(group := ([], set()))
        group[0].append(variant)
        group[1].update(lines)
    return ([members for members, _ in groups]
            + [[v] for v in variants if "builds" in v and not groupable(v)]
            + [[v] for v in variants if "refused" in v])


@pytest.fixture(scope="module")
def corpus_outcomes(request, tmp_path_factory) -> dict[str, list[str]]:
    """The problems of each selected variant (all, unless -k picks some), by name. Jobs run in
    parallel, each check and build in its own process; each reads its pages once the unedited
    reference (started first) is ready.

    A group's variants are built together. If the group builds and its site passes the checks
    for the whole site, each variant has only its own text to show; otherwise (or if a variant's
    text is not shown as expected) a variant is run again alone, so that what is reported of a
    variant is always what it does by itself."""
    base = tmp_path_factory.mktemp("hostile")
    selected = {item.callspec.params["name"] for item in request.session.items
                if item.module is sys.modules[__name__] and hasattr(item, "callspec")}
    reference_job = {"name": REFERENCE, "builds": {}}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        reference_future = pool.submit(reference_of, reference_job, base / REFERENCE)

        def alone(variant: dict) -> tuple[str, list[str]]:
            work = base / variant["name"]
            try:
                outcome = run_variant(variant, work)
                if outcome.site and not outcome.problems:
                    outcome.problems += site_problems(variant, outcome, reference_future.result())
            except AssertionError as e:  # a line_of that fits no line, or a broken reference
                outcome = Outcome(variant["name"], [str(e)])
            clean_up(work, outcome)
            return variant["name"], outcome.problems

        def run(job: list[dict]) -> list[tuple[str, list[str]]]:
            if len(job) == 1:
                return [alone(job[0])]
            name = "group-" + job[0]["name"]
            outcome = run_group(name, job, base / name)
            results, again = [], list(outcome.left_out)
            if outcome.site and not outcome.problems and not injected_problems(outcome, reference_future.result()):
                for variant in outcome.members:
                    if expected_problems(variant, outcome):
                        again.append(variant)
                    else:
                        results.append((variant["name"], []))
            else:
                again += outcome.members
            clean_up(base / name, outcome)
            return results + [alone(v) for v in again]

        chosen = [v for v in VARIANTS if v["name"] in selected]
        outcomes = [result for results in pool.map(run, jobs(chosen)) for result in results]
    return dict(outcomes)


def clean_up(work: Path, outcome: Outcome) -> None:
    for folder in (work, outcome.tmp):
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def reference_of(job: dict, work: Path) -> Reference:
    outcome = run_variant(job, work)
    assert not outcome.problems and outcome.site, outcome.problems
    reference = make_reference(outcome.site)
    # The unedited site passes the same checks, so they find only what content adds.
    assert site_problems(job, outcome, reference) == []
    reference.same = same_as(outcome.site)
    shutil.rmtree(outcome.tmp, ignore_errors=True)
    return reference


@pytest.mark.parametrize("name", [v["name"] for v in VARIANTS])
def test_hostile_content(corpus_outcomes, name):
    problems = corpus_outcomes[name]
    assert not problems, "\n".join(problems)
