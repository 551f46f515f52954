"""MkDocs hook: the globals Material's bundle expects, put at the start of that bundle.

Material defines them (`__md_scope`, `__md_get`, ...) in an inline script, which our
Content-Security-Policy forbids. As a file of their own (docs/assets/js/theme-globals.js) they
cost every page one more request, a script in the head that holds the page up. So the site
serves the theme's bundle with the globals in front instead, which every page loads anyway and
which is the first to need them. The site and its offline copy both get it.

The joined file is named from its own content, as the theme names its files
(`bundle.<hash>.min.js`): under the theme's name, a host that keeps hashed files for ever would
go on serving an old join after an edit to the globals. Pages are pointed at the new name.
"""

import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

GLOBALS = "assets/js/theme-globals.js"
MARK = "// theme-globals.js (hooks/theme_globals.py)\n"
THEME_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")

# This build's theme bundle address and the joined file's, for the pages (on_files sets them).
_renamed: dict[str, str] = {}


def with_globals(bundle: str, globals_js: str) -> str:
    """The theme's bundle with the globals in front, once."""
    return bundle if bundle.startswith(MARK) else MARK + globals_js.rstrip("\n") + "\n" + bundle


def joined_name(joined: str) -> str:
    """Where the joined bundle is served: named by its content, as the theme names its files."""
    return f"assets/javascripts/bundle.{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:8]}.min.js"


def on_files(files, config):
    theme = [f for f in files if THEME_BUNDLE.fullmatch(f.src_uri)]
    globals_file = files.get_file_from_path(GLOBALS)
    if len(theme) != 1 or globals_file is None:
        raise PluginError(f"hooks/theme_globals.py: expected one theme bundle and {GLOBALS}, "
                          f"found {len(theme)} bundles and {'the' if globals_file else 'no'} globals")
    joined = with_globals(Path(theme[0].abs_src_path).read_text(encoding="utf-8"),
                          Path(globals_file.abs_src_path).read_text(encoding="utf-8"))
    served = File.generated(config, joined_name(joined), content=joined)
    # Neither is served as it is: nothing may mistake the standalone globals for what pages load.
    files.remove(theme[0])
    files.remove(globals_file)
    files.append(served)
    _renamed.clear()
    _renamed[theme[0].src_uri] = served.src_uri
    return files


def _point_at_joined(html: str) -> str:
    for theirs, ours in _renamed.items():
        html = html.replace(theirs, ours)
    return html


def on_post_page(output, page, config):
    return _point_at_joined(output)


def on_post_template(output_content, template_name, config):
    return _point_at_joined(output_content)  # 404.html
