"""The "My self-assessment" page: pure functions, tested without MkDocs.

The page's script (docs/assets/js/summary.mjs) needs the stages, markers and questions to
count answers and list the points to discuss. They go into the page as a JSON data island,
`<script type="application/json">`, which browsers never run (so a strict
Content-Security-Policy allows it) and which is escaped so no text can end it early.
"""

from __future__ import annotations

import json
from typing import Callable

from mkdocs.utils import get_relative_url

from macros.model import Content, FullMarker
from macros.render import esc, esc_md, marker_label, marker_path, stage_label

ISLAND_ID = "scr-framework"


def framework_data(content: Content, marker_url: Callable[[str], str]) -> dict:
    """What the summary script needs: the content version, and the stages with their
    markers (number, title, address) and each marker's questions (id and text)."""
    return {
        "contentVersion": content.framework.content_version,
        "stages": [
            {
                "id": stage.id,
                "title": stage.title,
                "label": stage_label(content, stage.id),
                "markers": [
                    {
                        "id": m.id,
                        "number": m.number,
                        "title": m.title,
                        "url": marker_url(m.id),
                        "questions": [{"id": q.id, "text": q.text} for q in m.questions]
                        if isinstance(m, FullMarker) else [],
                    }
                    for m in content.markers_in(stage.id)
                ],
            }
            for stage in content.stages
        ],
    }


def data_island(data: dict, element_id: str = ISLAND_ID) -> str:
    """`data` as a JSON script element. `<`, `>` and `&` are written as \\u escapes, so
    neither `</script>` nor `<!--` can appear in it; JSON.parse reads them back unchanged."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


def marker_url(marker_id: str, page_url: str, use_directory_urls: bool = True) -> str:
    """The address of a marker's page relative to the page at `page_url` (as MkDocs writes it)."""
    target = f"markers/{marker_id}/" if use_directory_urls else f"markers/{marker_id}.html"
    return get_relative_url(target, page_url)


def summary_page(content: Content, marker_url: Callable[[str], str]) -> str:
    """The body of the summary page (its file is at the top of docs/): a note and links for
    readers without JavaScript, and the element the script fills in, holding the data island."""
    links = "\n".join(f"- [{esc_md(marker_label(m))}]({marker_path(m.id)})" for m in content.full_markers())
    # md_in_html: the links stay Markdown, so a strict build checks them.
    nojs = (
        '<div class="scr-nojs" markdown>\n\n'
        "This page shows the answers you saved in this browser, and lets you download, print and "
        "import them. It needs JavaScript, which is turned off or blocked in this browser. "
        "You can still read every question on the marker pages:\n\n"
        f"{links}\n\n</div>"
    )
    island = data_island(framework_data(content, marker_url))
    return f'{nojs}\n\n<div id="scr-summary" class="scr-summary">\n{island}\n</div>\n'

