"""MkDocs hook: keep the theme's compiled templates between builds (Jinja's bytecode cache).

Material's templates are compiled to Python on every build, a sixth of a build's time; cached in
`.cache/jinja/`, keyed by each template's source, a build reads them back instead. The output is
the same. Only a speed-up: a builder that ignores `hooks:` (e.g. Zensical) builds the same site.
"""

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "jinja"


def on_env(env, config, files):
    CACHE.mkdir(parents=True, exist_ok=True)
    # Its writes are atomic (a temporary file renamed), so two builds at once can share it.
    env.bytecode_cache = FileSystemBytecodeCache(str(CACHE))
    return env
