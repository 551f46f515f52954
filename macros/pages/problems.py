"""What the pages say when answers cannot be saved or read: the words of each problem that
`store.mjs` reports (its `problem()` codes), on the alert box as `data-<code>` attributes, so
they are page content rather than script (dom.mjs, `showSessionProblem`, shows them)."""

from __future__ import annotations

from macros.pages.markdown import esc

SELF = "the “My self-assessment” page"
ONLY_UNTIL = "your changes are kept only until you close or reload this page"
LOCKED = (
    "The answers saved in this browser cannot be read here (they are damaged, or from a newer version "
    f"of this site), so this page will not save over them, and {ONLY_UNTIL}."
)
# By attribute name: `data-damaged-not-kept` is the code `damagedNotKept` in the script.
PROBLEMS = {
    "unavailable": f"This browser is not letting the site save your answers (some privacy settings do this), so "
                   f"{ONLY_UNTIL}. Anything saved before is still shown. To keep your changes, download them from {SELF}.",
    "full": f"This browser's storage for the site is full, so changes are not being saved and {ONLY_UNTIL}. What was "
            f"saved before is safe. To make room, download and delete reviews you no longer need on {SELF}.",
    "damaged": "Some saved answers could not be read because the saved data is damaged. Nothing was deleted: a copy "
               f"is kept aside, under “Damaged data kept aside” on {SELF}.",
    "damaged-not-kept": LOCKED,
    "newer": LOCKED,
}


def problem_box() -> str:
    """The alert box a page's script fills in with the session's problem, if any."""
    words = "".join(f' data-{code}="{esc(text)}"' for code, text in PROBLEMS.items())
    return f'<div class="scr-problem" role="alert" data-scr="problem"{words}></div>'


# Shown by self-assessment.mjs above the note for readers without JavaScript, when the page's own
# code or data could not be fetched from the site (a dropped connection): those readers have it.
LOAD_PROBLEM = ("This page could not load everything it needs from the site. Check your connection, then reload "
                "the page. Your saved answers are safe in this browser.")


def load_problem_box() -> str:
    """The alert a page shows, instead of its note for readers without JavaScript, if its code cannot load."""
    return f'<p class="scr-problem" role="alert" data-scr-load-problem hidden>{esc(LOAD_PROBLEM)}</p>'
