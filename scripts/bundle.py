"""Join the site's ES modules into fewer files: one classic script per entry for the offline
copy, and one ES module per page's code for the online site.

Browsers refuse to load ES modules from file:// pages, so the offline copy (scripts/build.py)
runs each entry module as a plain script made here (`bundle`). The online site loads, in place
of each module a page loads (`self-assessment.mjs`) or imports when needed
(`import("./summary-page.mjs")`), that module with everything it imports joined in
(`module_bundles`, written by hooks/module_bundles.py): one request for a marker page's code
instead of five. The sources in docs/ stay plain modules that a browser can load as they are
(`mkdocs serve` and any builder without the hook). This handles the subset of module syntax our own code uses
(named imports from relative files, `import("./file.mjs")` of one, `export` before a declaration,
`import.meta.url`), and fails loudly on anything else rather than produce a script that breaks quietly.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\./[\w.-]+\.mjs)";[ \t]*$', re.M)
EXPORT_DECLARATION = re.compile(r"^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)", re.M)
# A module loaded when first needed; in the bundle it is already there.
DYNAMIC_IMPORT = re.compile(r'\bimport\("(\./[\w.-]+\.mjs)"\)')
DECLARED_NAME = re.compile(r"(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)")


class BundleError(Exception):
    pass


@functools.cache  # asked again and again while ordering; the regular expressions are the cost
def _imports(source: str) -> tuple[tuple[tuple[tuple[str, str], ...], str], ...]:
    found = []
    for names, path in IMPORT.findall(source):
        pairs = []
        for spec in (s.strip() for s in names.split(",") if s.strip()):
            original, _, local = spec.partition(" as ")
            pairs.append((original.strip(), (local or original).strip()))
        found.append((tuple(pairs), path[2:]))
    return tuple(found + [((), path[2:]) for path in DYNAMIC_IMPORT.findall(source)])


def _module_body(name: str, source: str, keep_dynamic: bool = False) -> tuple[str, list[str]]:
    """The module's code as a function body, and the names it exports. With `keep_dynamic`,
    `import("./x.mjs")` and `import.meta.url` stay (an ES module bundle in the same folder)."""
    exported = []
    for match in EXPORT_DECLARATION.finditer(source):
        declared = DECLARED_NAME.match(source, match.end())
        if not declared:
            raise BundleError(f"{name}: cannot read the export at offset {match.start()}")
        exported.append(declared.group(1))
    body = IMPORT.sub("", source)
    body = EXPORT_DECLARATION.sub("", body)
    if re.search(r"^\s*(import|export)\b", body, re.M):
        raise BundleError(f"{name}: uses module syntax the offline bundle does not support")
    if keep_dynamic:
        return body, exported
    body = DYNAMIC_IMPORT.sub(lambda m: f"Promise.resolve(__modules[{m.group(1)[2:]!r}])", body)
    body = body.replace("import.meta.url", "__moduleUrl")
    return body, exported


def _sources(folder: Path) -> dict[str, str]:
    """Every module of `folder` by file name, read once."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.mjs"))}


def _order(sources: dict[str, str], name: str, dynamic: bool = True) -> list[str]:
    """`name` and the modules it imports (with `dynamic`, also those imported when needed),
    each after the modules it imports."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise BundleError(f"{name}: circular import")
        visiting.add(name)
        for pairs, dependency in _imports(sources[name]):
            if pairs or dynamic:  # no names: `import("./x.mjs")`
                visit(dependency)
        visiting.discard(name)
        order.append(name)

    visit(name)
    return order


def _imports_of(source: str) -> str:
    return "".join(
        f"const {{ {', '.join(o if o == l else f'{o}: {l}' for o, l in pairs)} }} = __modules[{dep!r}];\n"
        for pairs, dep in _imports(source) if pairs  # none for import("./x.mjs")
    )


def bundle(entry: Path) -> str:
    """One classic script that runs `entry` and the modules it imports, in dependency order."""
    sources = _sources(entry.parent)
    order = _order(sources, entry.name)
    parts = [
        f"// Offline copy: {entry.name} and its modules as one classic script (made by scripts/bundle.py).",
        "(function () {",
        '"use strict";',
        "const __modules = {};",
        # Modules find their siblings from their own address; keep that address the same.
        f'const __moduleUrl = new URL("../js/{entry.name}", document.currentScript.src).href;',
    ]
    for name in order:
        body, exported = _module_body(name, sources[name])
        parts.append(f"__modules[{name!r}] = (function () {{\n{_imports_of(sources[name])}{body}\n"
                     f"return {{ {', '.join(exported)} }};\n}})();")
    parts.append("})();")
    return "\n".join(parts) + "\n"


def entry_modules(folder: Path) -> list[Path]:
    """Modules that no other module imports: the ones pages load."""
    sources = _sources(folder)
    imported = {dep for source in sources.values() for _, dep in _imports(source)}
    return [folder / name for name in sources if name not in imported]


def module_bundles(folder: Path) -> dict[str, str]:
    """For the online site: the module pages load (the entry) and each module imported when
    needed, each as one ES module holding it and what it imports, by file name.

    The entry's file holds its modules and exports the record of them (`__modules`); a module
    imported when needed takes that record from the entry and adds only the modules not
    already loaded by whatever imports it (each run once, even if two files hold it), then
    exports what its module exports. `import.meta.url` is the file's own address, in the same
    folder as the sources."""
    entries = [p.name for p in entry_modules(folder)]
    if len(entries) != 1:
        raise BundleError(f"one module loaded by the pages was expected, not {entries}")
    entry = entries[0]
    sources = _sources(folder)
    # Who imports each module when needed: `import("./x.mjs")`, with no names.
    importers: dict[str, list[str]] = {}
    for name, source in sources.items():
        for pairs, dependency in _imports(source):
            if not pairs:
                importers.setdefault(dependency, []).append(name)
    statics = {name: _order(sources, name, dynamic=False) for name in sources}
    files = {entry: _module_file(sources, entry, entry, [])}
    loaded: dict[str, set[str]] = {}

    def already(chunk: str) -> set[str]:
        """The modules surely loaded before `chunk` is: those of every file that imports it."""
        if chunk not in loaded:
            found = []
            for importer in importers[chunk]:
                home = next((c for c in importers if importer in statics[c]), entry) if importer not in statics[entry] else entry
                found.append(set(statics[entry]) if home == entry else already(home) | set(statics[home]))
            loaded[chunk] = set.intersection(*found)
        return loaded[chunk]

    for chunk in importers:
        files[chunk] = _module_file(sources, chunk, entry, sorted(already(chunk)))
    return files


def _module_file(sources: dict[str, str], name: str, entry: str, loaded: list[str]) -> str:
    own = [m for m in _order(sources, name, dynamic=False) if m not in loaded]
    parts = [f"// {name} and the modules it imports, joined into one file (scripts/bundle.py).",
             "export const __modules = {};" if name == entry else f'import {{ __modules }} from "./{entry}";']
    for module in own:
        body, exported = _module_body(module, sources[module], keep_dynamic=True)
        parts.append(f"__modules[{module!r}] ??= (function () {{\n{_imports_of(sources[module])}{body}\n"
                     f"return {{ {', '.join(exported)} }};\n}})();")
    if name != entry:
        _, exported = _module_body(name, sources[name], keep_dynamic=True)
        parts.append(f"export const {{ {', '.join(exported)} }} = __modules[{name!r}];")
    return "\n".join(parts) + "\n"
