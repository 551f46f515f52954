"""Join the site's ES modules into one classic script, for the offline copy only.

Browsers refuse to load ES modules from file:// pages, so the offline copy (scripts/build.py)
runs each entry module as a plain script made here. The online site loads the modules as they
are: there is no build step for it. This handles the subset of module syntax our own code uses
(named imports from relative files, `import("./file.mjs")` of one, `export` before a declaration,
`import.meta.url`), and fails loudly on anything else rather than produce a script that breaks quietly.
"""

from __future__ import annotations

import re
from pathlib import Path

IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\./[\w.-]+\.mjs)";[ \t]*$', re.M)
EXPORT_DECLARATION = re.compile(r"^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)", re.M)
# A module loaded when first needed; in the bundle it is already there.
DYNAMIC_IMPORT = re.compile(r'\bimport\("(\./[\w.-]+\.mjs)"\)')
DECLARED_NAME = re.compile(r"(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)")


class BundleError(Exception):
    pass


def _imports(source: str) -> list[tuple[list[tuple[str, str]], str]]:
    found = []
    for names, path in IMPORT.findall(source):
        pairs = []
        for spec in (s.strip() for s in names.split(",") if s.strip()):
            original, _, local = spec.partition(" as ")
            pairs.append((original.strip(), (local or original).strip()))
        found.append((pairs, path[2:]))
    return found + [([], path[2:]) for path in DYNAMIC_IMPORT.findall(source)]


def _module_body(name: str, source: str) -> tuple[str, list[str]]:
    """The module's code as a function body, and the names it exports."""
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
    body = DYNAMIC_IMPORT.sub(lambda m: f"Promise.resolve(__modules[{m.group(1)[2:]!r}])", body)
    body = body.replace("import.meta.url", "__moduleUrl")
    return body, exported


def bundle(entry: Path) -> str:
    """One classic script that runs `entry` and the modules it imports, in dependency order."""
    folder = entry.parent
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise BundleError(f"{name}: circular import")
        visiting.add(name)
        for _, dependency in _imports((folder / name).read_text(encoding="utf-8")):
            visit(dependency)
        visiting.discard(name)
        order.append(name)

    visit(entry.name)
    parts = [
        f"// Offline copy: {entry.name} and its modules as one classic script (made by scripts/bundle.py).",
        "(function () {",
        '"use strict";',
        "const __modules = {};",
        # Modules find their siblings from their own address; keep that address the same.
        f'const __moduleUrl = new URL("../js/{entry.name}", document.currentScript.src).href;',
    ]
    for name in order:
        source = (folder / name).read_text(encoding="utf-8")
        body, exported = _module_body(name, source)
        imports = "".join(
            f"const {{ {', '.join(o if o == l else f'{o}: {l}' for o, l in pairs)} }} = __modules[{dep!r}];\n"
            for pairs, dep in _imports(source) if pairs  # none for import("./x.mjs")
        )
        parts.append(f"__modules[{name!r}] = (function () {{\n{imports}{body}\n"
                     f"return {{ {', '.join(exported)} }};\n}})();")
    parts.append("})();")
    return "\n".join(parts) + "\n"


def entry_modules(folder: Path) -> list[Path]:
    """Modules that no other module imports: the ones pages load."""
    modules = sorted(folder.glob("*.mjs"))
    imported = {dep for m in modules for _, dep in _imports(m.read_text(encoding="utf-8"))}
    return [m for m in modules if m.name not in imported]
