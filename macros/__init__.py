"""MkDocs macros for the Serious Case Review Quality Markers site.

`define_env` is the only MkDocs-facing code: it loads the content once, puts the markers in
the navigation and registers the macros that pages call. The work is done by pure functions
in three packages that follow the flow of the data: `macros.content` reads and checks
`data/*.yml` into one model, `macros.pages` turns the model into page Markdown, and
`macros.documents` into the downloadable files. `on_post_build` only writes the template
downloads that `define_env` made.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from macros.content import DataError, load_all, load_glossary
from macros.documents import all_files, write_files
from macros.pages import compare
from macros.pages import glossary as glossary_pages
from macros.pages import markers as marker_pages
from macros.pages import papers as paper_pages
from macros.pages import publisher as publisher_pages
from macros.pages import self_assessment
from macros.pages import templates as template_pages
from macros.pages.stubs import page_problems

# The entry in mkdocs.yml's `nav` that is replaced by one section per stage.
NAV_PLACEHOLDER = "MARKERS-FROM-DATA"
# The offline copy's stand-in for Web Workers (scripts/build.py copies offline/ there). Its name
# contains "iframe-worker", so Material's offline plugin adds no shim from another host.
OFFLINE_WORKER_SHIM = "assets/offline/iframe-worker.js"
OFFLINE_ZIP = "downloads/scr-quality-markers-offline.zip"
# The office templates as a script, for meeting papers made from file:// (scripts/build.py).
OFFLINE_TEMPLATE_FILES = "assets/offline/template-files.js"
# Office files made by earlier builds, reused when nothing they depend on has changed.
DOCUMENT_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "documents"
# The entry in `nav` that the template pages are listed under.
TEMPLATES_INDEX = "templates/index.md"
# The downloads made by the latest define_env, for on_post_build to write. Not kept in
# env.variables: the macros plugin turns every variable into JSON for its log on each build.
_downloads: list = []
# Other files made from the data, by their path in the site (the framework, for the pages' scripts).
_generated: dict[str, bytes] = {}


def define_env(env) -> None:
    try:
        content, templates = load_all()
        glossary = load_glossary()
    except DataError as e:
        raise PluginError(f"The content in data/ has problems:\n{e}") from None
    problems = page_problems(content, templates)
    if problems:
        raise PluginError("\n".join(problems))

    publisher = env.conf["extra"].get("publisher") or {}
    if publisher_pages.publishing() and publisher_pages.is_placeholder(publisher):
        # Also refused by scripts/build.py before MkDocs starts, for a plain message.
        raise PluginError(publisher_pages.REFUSAL)
    env.conf["extra"]["publisher_footer"] = publisher_pages.footer_values(publisher)
    use_glossary(env.conf, glossary)
    env.conf["nav"] = splice_nav(env.conf["nav"], marker_pages.nav_sections(content))
    env.conf["nav"] = nest_under(env.conf["nav"], TEMPLATES_INDEX, template_pages.nav_entries(templates))
    offline = is_offline_build(env.conf)
    env.conf["extra"]["offline_copy"] = offline  # overrides/main.html: no module preloads from disk
    preview = env.conf["extra"].get("preview") is True  # `make serve`: no offline zip is made
    if offline:
        env.conf["extra"]["polyfills"] = [OFFLINE_WORKER_SHIM]
        env.conf["extra_javascript"] = offline_scripts([*env.conf["extra_javascript"], OFFLINE_TEMPLATE_FILES])
    # The downloads are made once per build; on_post_build writes them into the site.
    site_url = env.conf["site_url"] or ""
    # A cache each for the site and its offline copy: scripts/build.py builds both at once.
    files = all_files(templates, content, site_url, cache=DOCUMENT_CACHE / ("offline" if offline else "site"))
    _downloads[:] = files
    _generated.clear()
    if not offline:
        _generated[self_assessment.FRAMEWORK_FILE] = self_assessment.framework_file(content)

    @env.macro
    def offline_download(link_prefix: str = "") -> str:
        """The link to the zipped offline copy; the copy itself has no such link."""
        return "" if offline else marker_pages.offline_download(link_prefix + OFFLINE_ZIP, preview)

    @env.macro
    def marker_page(marker_id: str) -> str:
        return marker_pages.marker_page(content, marker_id, template_pages.marker_templates(templates, content, marker_id))

    @env.macro
    def template_page(template_id: str) -> str:
        return template_pages.template_page(templates, content, template_id, files, site_url, env.page.url)

    @env.macro
    def templates_index() -> str:
        return template_pages.templates_index(templates, content, files, env.page.url)

    @env.macro
    def framework_map() -> str:
        return marker_pages.framework_map(content)

    @env.macro
    def glossary_page() -> str:
        return glossary_pages.glossary_page(glossary)

    @env.macro
    def publisher_block() -> str:
        """Who publishes the site (About, accessibility statement), every value escaped."""
        return publisher_pages.publisher_block(publisher)

    @env.macro
    def publisher_name() -> str:
        return publisher_pages.esc(str(publisher.get("name") or ""))

    @env.macro
    def publisher_contact() -> str:
        return publisher_pages.contact_link(publisher)

    @env.macro
    def publisher_reviewed() -> str:
        return publisher_pages.esc(publisher_pages.reviewed(publisher))

    @env.macro
    def response_days() -> str:
        return publisher_pages.esc(str(publisher.get("response_days") or 10))

    @env.macro
    def citation() -> str:
        return marker_pages.citation(content)

    def link_from_here(page: str) -> str:
        """The address of `docs/<page>.md` relative to the page being rendered."""
        return self_assessment.page_url(page, env.page.url, env.conf["use_directory_urls"])

    def framework_from_here() -> tuple[str, str] | None:
        """The shared framework file and the site's root, from the page (none offline)."""
        if offline:
            return None
        return get_relative_url(self_assessment.FRAMEWORK_FILE, env.page.url), get_relative_url("./", env.page.url)

    @env.macro
    def self_assessment_page() -> str:
        return self_assessment.summary_page(content, lambda m: link_from_here(f"markers/{m}"), link_from_here("compare"),
                                            link_from_here("meeting-papers"), framework_from_here())

    @env.macro
    def meeting_papers_page() -> str:
        return paper_pages.papers_page(content, templates, lambda m: link_from_here(f"markers/{m}"),
                                       link_from_here("self-assessment"),
                                       {t: link_from_here(f"templates/{t}") for t in paper_pages.PAPER_TEMPLATES},
                                       framework_from_here())

    @env.macro
    def compare_page() -> str:
        return compare.compare_page(content, lambda m: link_from_here(f"markers/{m}"), link_from_here("self-assessment"),
                                    framework_from_here())


def use_glossary(conf, glossary) -> None:
    """Every page explains the glossary's terms where it uses them: Python-Markdown's `abbr`
    extension takes them as its `glossary` setting, so no definition passes through page text
    (nothing in it can act as Markdown or template syntax) and pages without macros get them too."""
    extensions = conf.get("markdown_extensions")
    if extensions is not None and "abbr" not in extensions:
        raise PluginError("mkdocs.yml: markdown_extensions must list 'abbr' for the glossary")
    configs = dict(conf.get("mdx_configs") or {})
    configs["abbr"] = {**configs.get("abbr", {}), "glossary": glossary.abbreviations()}
    conf["mdx_configs"] = configs


def offline_scripts(scripts: list) -> list:
    """ES modules do not load from file://: the offline copy uses the classic-script bundles that
    scripts/build.py makes of them, as assets/offline/<name>.js. Deferred, as modules are, so
    they still run after the theme's bundle (deferred in overrides/main.html) and in this order."""
    # Here, not at the top: `make check` imports this package, and has no use for MkDocs' config.
    from mkdocs.config.config_options import ExtraScriptValue

    out = []
    for script in scripts:
        path = str(getattr(script, "path", script))
        if path.endswith(".mjs"):
            path = "assets/offline/" + path.rsplit("/", 1)[-1].removesuffix(".mjs") + ".js"
        script = ExtraScriptValue(path)
        script.defer = True
        out.append(script)
    return out


def is_offline_build(conf) -> bool:
    plugin = conf["plugins"].get("material/offline") or conf["plugins"].get("offline")
    return bool(plugin and plugin.config.enabled)


def on_post_build(env) -> None:
    """Write the template downloads beside their pages, and the other files made from the
    data, after MkDocs has built the site."""
    write_files(_downloads, Path(env.conf["site_dir"]))
    for path, data in _generated.items():
        (Path(env.conf["site_dir"]) / path).write_bytes(data)


def nest_under(nav: list, page: str, children: list[dict]) -> list:
    """Make the entry for `page` a section: the page first, then `children`."""
    for i, entry in enumerate(nav or []):
        if isinstance(entry, dict) and list(entry.values()) == [page]:
            return [*nav[:i], {next(iter(entry)): [page, *children]}, *nav[i + 1:]]
    raise PluginError(f"mkdocs.yml: nav has no entry '{page}' to list the templates under")


def splice_nav(nav: list, sections: list[dict]) -> list:
    """Replace the placeholder entry of `nav` with the stage sections."""
    out = []
    for entry in nav or []:
        values = entry.values() if isinstance(entry, dict) else [entry]
        out += sections if NAV_PLACEHOLDER in values else [entry]
    if out == list(nav or []):
        raise PluginError(f"mkdocs.yml: nav has no entry '{NAV_PLACEHOLDER}' to put the markers in")
    return out
