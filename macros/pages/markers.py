"""Turn the content model into page Markdown: pure functions, tested without MkDocs.

Text from the YAML is escaped as it is inserted (macro output is not templated again but it is
parsed as Markdown and HTML). Links between pages are Markdown links to `.md` files, so
MkDocs checks and rewrites them in a strict build.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from macros.content.markers import Content, FullMarker, MarkerBase, OutlineMarker, Reference, Today
from macros.pages.problems import problem_box
from macros.pages.markdown import bullets, esc, esc_md, heading, md_text, nav_title, paragraphs, span

# The section headings of a full marker, in the order of the published framework.
HEADINGS = {
    "quality_statement": "Quality statement",
    "questions": "How might you know if you are meeting this quality marker?",
    "knowledge_base": "Knowledge base",
    "statutory_guidance": "Link to statutory guidance & inspection criteria",
    "equality_and_diversity": "Equality & diversity",
    "obstacles": "Tackling some common obstacles",
}
ANCHORS = {
    "quality_statement": "quality-statement",
    "questions": "questions",
    "knowledge_base": "knowledge-base",
    "statutory_guidance": "statutory-guidance",
    "equality_and_diversity": "equality-and-diversity",
    "obstacles": "obstacles",
}
MARKERS_DIR = "markers"


def marker_label(marker: MarkerBase) -> str:
    return f"{marker.number}. {marker.title}"


def marker_path(marker_id: str) -> str:
    """The source file of a marker page, relative to `docs/`."""
    return f"{MARKERS_DIR}/{marker_id}.md"


def page_stub(macro: str, item_id: str) -> str:
    """The exact content of a generated page's file: everything else comes from the YAML."""
    return f'---\nrender_macros: true\n---\n\n{{{{ {macro}("{item_id}") }}}}\n'


def marker_stub(marker_id: str) -> str:
    return page_stub("marker_page", marker_id)


def stage_label(content: Content, stage_id: str) -> str:
    index = [s.id for s in content.stages].index(stage_id)
    return f"Stage {index + 1} of {len(content.stages)}: {content.stage(stage_id).title}"


# A stage with more markers than this is split into groups in the navigation, so that each
# page carries a short menu and build time per page stays flat as markers are added.
NAV_GROUP_SIZE = 20


def nav_sections(content: Content, group_size: int = NAV_GROUP_SIZE) -> list[dict]:
    """One navigation section per stage, its markers in framework order. Titles are escaped
    (`nav_title`): the theme prints them as HTML."""
    sections = []
    for stage in content.stages:
        entries = [{nav_title(marker_label(m)): marker_path(m.id)} for m in content.markers_in(stage.id)]
        if len(entries) > group_size:
            markers = content.markers_in(stage.id)
            entries = [
                {f"Markers {markers[i].number} to {markers[min(i + group_size, len(markers)) - 1].number}":
                 entries[i:i + group_size]}
                for i in range(0, len(entries), group_size)
            ]
        sections.append({nav_title(stage.title): entries})
    return sections


def framework_map(content: Content, link_prefix: str = f"{MARKERS_DIR}/") -> str:
    """The three stages with their markers, numbers and how much of each is on the site."""
    full = len(content.full_markers())
    parts = [
        f"<p>The framework has {len(content.markers)} markers in {len(content.stages)} stages. "
        f"{full} of them {'has' if full == 1 else 'have'} full guidance on this site.</p>"
    ]
    for stage in content.stages:
        parts.append(heading(2, stage_label(content, stage.id), f"stage-{stage.id}"))
        lines = []
        for m in content.markers_in(stage.id):
            line = f"- Marker {m.number}: [{esc_md(m.title)}]({link_prefix}{m.id}.md)"
            if m.is_full:
                lines.append(f"{line} (full guidance and checklist)")
            else:
                lines.append(f"{line} (summary only): {md_text(m.summary)}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def marker_page(content: Content, marker_id: str, extra_sections: str = "") -> str:
    """The Markdown of one marker's page (its file sits beside the other markers' files)."""
    marker = content.marker(marker_id)
    parts = [
        f"# {esc_md(marker.title)}",
        f'<p class="scr-marker-meta">Marker {marker.number} of {len(content.markers)}. '
        f"{esc(stage_label(content, marker.stage))}.</p>",
    ]
    if isinstance(marker, FullMarker):
        parts += _full_sections(content, marker)
    else:
        parts += _outline_sections(content, marker)
    if marker.today:
        # Before the first published heading: nothing of ours sits under the published text.
        first_heading = next(i for i, part in enumerate(parts) if part.startswith("## "))
        parts.insert(first_heading, today_box(marker.today))
    if extra_sections:
        parts.append(extra_sections)
    parts.append(pager(content, marker_id))
    return "\n\n".join(parts) + "\n"


# Help under every response set and notes box: in the page, as data the checklist script shows.
RESPONSE_HINT = (
    "Partly: the review does some of this, or does it for some agencies or some of the time. "
    "Not applicable: the question does not arise in this review; say why in the notes."
)
NOTES_HINT = (
    "Good evidence says where to find it: a document, minutes or a date, and what it shows. "
    "Do not record names or details that could identify a child, family or practitioner."
)
HINTS = f' data-hint="{esc(RESPONSE_HINT)}" data-notes-hint="{esc(NOTES_HINT)}"'


def questions_list(marker: FullMarker, content_version: str = "") -> str:
    """The questions as a numbered list; the checklist script builds its form from it and
    records `content_version` with each answer."""
    items = "\n".join(
        span("li", q.text, f' id="q-{esc(q.id)}" data-question="{esc(q.id)}"') for q in marker.questions
    )
    version = f' data-content-version="{esc(content_version)}"' if content_version else ""
    return f'<ol class="scr-questions" data-marker="{esc(marker.id)}"{version}{HINTS} markdown="1">\n{items}\n</ol>'


def checklist_head(marker: MarkerBase) -> str:
    """The top of a marker's checklist, hidden until the checklist script shows it and fills in
    the parts marked `data-scr`. In the page, not in the script: it is content, and only the
    script's logic then counts towards the page's JavaScript."""
    return (
        f'<div class="scr-checklist-head" data-marker="{esc(marker.id)}" hidden markdown>\n\n'
        "**Your answers stay in this browser.** They are saved on this device as you work and are never sent "
        "anywhere. Do not record names or other details that could identify a child or family.\n\n"
        'Review: <strong data-scr="name"></strong> '
        "[Change review, see the summary, download or import](../self-assessment.md){: .scr-noprint }\n\n"
        '<p class="scr-progress" data-scr="progress"></p>\n'
        f"{problem_box()}\n"
        '<p class="scr-status" role="status" data-scr="notice"></p>\n'
        '<p class="scr-noprint"><button type="button" class="md-button" data-scr-action="print">'
        "Print with your answers</button></p>\n\n</div>"
    )


def judgement_slot(marker: MarkerBase, content_version: str) -> str:
    """Where the checklist script puts "How well did this review meet this marker?". The
    judgement is the same on every marker page, full or outline; without JavaScript the slot
    says what it would hold."""
    full = isinstance(marker, FullMarker)
    return "\n\n".join([
        heading(2, "Your judgement on this marker", "judgement"),
        *([] if full else [checklist_head(marker)]),
        f'<div class="scr-judgement" data-marker="{esc(marker.id)}" data-content-version="{esc(content_version)}" '
        f'data-questions="{len(marker.questions) if full else 0}"{HINTS}>'
        '<p class="scr-nojs-note">With JavaScript turned on, in a browser from about 2021 or later (see the '
        "accessibility statement), you can record here how well a review met this marker, with your notes and "
        "evidence. Your answers stay in this browser.</p></div>",
        what_next(),
    ])


def what_next() -> str:
    """After the checklist and the judgement: where the answers go from here. Shown by the
    checklist script (`data-scr-show`), as it is about what the script records."""
    return (
        '<div class="scr-next scr-noprint" data-scr-show hidden markdown>\n\n'
        "### What next {#what-next}\n\n"
        "- See every answer and judgement of this review, and the points for the board to discuss, on "
        "[My self-assessment](../self-assessment.md).\n"
        "- Download a copy there (your answers are only in this browser), and prepare the board "
        "meeting's agenda and action plan from your answers.\n"
        "- Lay several reviews side by side on [Compare reviews](../compare.md).\n\n</div>"
    )


def _full_sections(content: Content, m: FullMarker) -> list[str]:
    fw = content.framework
    parts = [
        f'<p class="scr-source-note" markdown="span">The official text of this marker, word for word, from '
        f'{md_text(fw.citation)} <a href="{esc(m.source_url)}">Read it on the publisher\'s site</a>. '
        f"{framework_links(content)}</p>",
        *([span("p", m.wording_note, ' class="scr-wording-note"').replace(
            'markdown="span">', 'markdown="span"><strong>About this text (our note):</strong> ', 1)]
          if m.wording_note else []),
        heading(2, HEADINGS["quality_statement"], ANCHORS["quality_statement"]),
        paragraphs([m.quality_statement], "scr-quality-statement"),
        paragraphs(m.rationale),
        heading(2, HEADINGS["questions"], ANCHORS["questions"]),
        checklist_head(m),
        questions_list(m, fw.content_version),
        judgement_slot(m, fw.content_version),
        heading(2, HEADINGS["knowledge_base"], ANCHORS["knowledge_base"]),
        bullets(m.knowledge_base),
        heading(2, HEADINGS["statutory_guidance"], ANCHORS["statutory_guidance"]),
        bullets([item.text for item in m.statutory_guidance]),
    ]
    if m.equality_and_diversity:
        parts += [heading(2, HEADINGS["equality_and_diversity"], ANCHORS["equality_and_diversity"]),
                  bullets(m.equality_and_diversity)]
    parts += [heading(2, HEADINGS["obstacles"], ANCHORS["obstacles"]), bullets(m.obstacles)]
    return parts


def _outline_sections(content: Content, m: OutlineMarker) -> list[str]:
    return [
        '<p class="scr-notice"><strong>The full guidance for this marker is not yet on this site.</strong> '
        "This page gives a one-sentence summary in our own words. It is not the official quality statement.</p>",
        heading(2, "Summary (our words, not the official text)", "summary"),
        paragraphs([m.summary], "scr-summary"),
        heading(2, "Read the full marker", "full-marker"),
        f'<p markdown="span">The quality statement, questions and guidance for this marker are published in '
        f"{md_text(content.framework.citation)} "
        f'<a href="{esc(m.source_url)}">Read marker {m.number}, {md_text(m.title)}, on the publisher\'s site</a>. '
        f"{framework_links(content)}</p>",
        judgement_slot(m, content.framework.content_version),
    ]


def framework_links(content: Content) -> str:
    """The publishers' pages for the whole framework: a second way to the text if a marker's
    own page moves (the publisher has moved them before)."""
    urls = content.framework.overview_urls
    if not urls:
        return ""
    links = [f'<a href="{esc(u)}">its page on {md_text(_host(u))}</a>' for u in urls]
    listed = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    return f"The framework as a whole: {listed}."


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


TODAY_INTRO = (
    "Our note, not part of the published marker: how it reads now that local child safeguarding "
    "practice reviews have replaced serious case reviews and safeguarding partners have replaced LSCBs."
)


def today_box(today: Today) -> str:
    """'Reading this marker today': our words on today's rules, with their sources. Its own
    heading keeps it apart from the published text."""
    sources = "\n".join(f'<li markdown="span">{reference(r)}</li>' for r in today.citations)
    return "\n\n".join([
        '<section class="scr-today" aria-labelledby="today" markdown="1">',
        heading(2, "Reading this marker today", "today"),
        span("p", TODAY_INTRO, ' class="scr-today-label"'),
        paragraphs(today.text),
        '<p class="scr-today-sources-label">Sources:</p>',
        f'<ul class="scr-today-sources" markdown="1">\n{sources}\n</ul>',
        "</section>",
    ])


def reference(ref: Reference) -> str:
    """A citation as Markdown-safe inline HTML: the title links to the source."""
    details = ", ".join(str(x) for x in (ref.publisher, ref.year) if x)
    out = f'<a href="{esc(ref.url)}">{md_text(ref.title)}</a>'
    if details:
        out += f" ({md_text(details)})"
    if ref.section:
        out += f", {md_text(ref.section)}"
    return out


def pager(content: Content, marker_id: str) -> str:
    """Previous and next marker in framework order, as a pagination block (Markdown links, so
    the build checks them)."""
    before, after = content.neighbours(marker_id)
    items = []
    for kind, label, m in (("prev", "Previous marker", before), ("next", "Next marker", after)):
        if m:
            items.append(f'<li class="scr-pager-{kind}" markdown="span">[<span class="scr-pager-label">{label}</span> '
                         f"{esc_md(marker_label(m))}]({m.id}.md)</li>")
    body = "\n".join(items)
    return f'<nav class="scr-pager" aria-label="Previous and next marker" markdown>\n<ul markdown>\n{body}\n</ul>\n</nav>'


def citation(content: Content) -> str:
    return esc(content.framework.citation)


def offline_download(href: str, preview: bool = False) -> str:
    """The link to the zipped offline copy; a preview (`make serve`) has no zip to link to."""
    if preview:
        return ('<p class="scr-offline">The published site offers the whole site as a zip file for '
                "offline use here. This preview does not make it: <code>make build</code> does.</p>")
    return (
        f'<p class="scr-offline"><a href="{esc(href)}" download>Download this site for offline use</a> '
        "(a zip file). Unzip it and open <code>index.html</code> in the folder "
        "<code>scr-quality-markers</code>: the guidance, search and checklists work without a network, "
        "and your answers stay on your computer.</p>"
    )
