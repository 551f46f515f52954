// Two tabs typing in one note, no DOM: a three-way merge of plain text, so neither tab's words
// are lost. Each side's change is the one stretch between the text both started from and its
// own (what a keystroke, a paste or a cut makes).

/** The stretch of `base` that `text` replaced: base[start, end) became text[start, end + delta). */
export function change(base, text) {
  const most = Math.min(base.length, text.length);
  let start = 0;
  while (start < most && base[start] === text[start]) start++;
  let tail = 0;
  while (tail < most - start && base[base.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
  return { start, end: base.length - tail, inserted: text.slice(start, text.length - tail) };
}

const apply = (text, { start, end, inserted }) => text.slice(0, start) + inserted + text.slice(end);

/**
 * `mine` and `theirs` both started from `base`. Changes to different stretches are both made;
 * changes to the same stretch keep both new texts, theirs first, and report a `conflict`.
 * `theirs` is where their change landed in the result, for moving a caret (`moveCaret`).
 */
export function mergeText(base, mine, theirs) {
  if (theirs === base || theirs === mine) return { text: mine, conflict: false, theirs: null };
  const m = change(base, mine);
  const t = change(base, theirs);
  if (mine === base) return { text: theirs, conflict: false, theirs: t };
  if (t.end < m.start || (t.end === m.start && t.start < m.start)) {
    // Theirs comes first: placing it leaves mine where it is in `base` plus their delta.
    return { text: apply(mine, t), conflict: false, theirs: t };
  }
  if (m.end < t.start || (m.end === t.start && m.start < t.start)) {
    const delta = mine.length - base.length;
    const moved = { start: t.start + delta, end: t.end + delta, inserted: t.inserted };
    return { text: apply(mine, moved), conflict: false, theirs: moved };
  }
  // The same stretch: both sides' versions of it, theirs then mine.
  const start = Math.min(m.start, t.start);
  const end = Math.max(m.end, t.end);
  const mineText = mine.slice(start, end + mine.length - base.length);
  const theirText = theirs.slice(start, end + theirs.length - base.length);
  const bothInserted = m.start === m.end && t.start === t.end;
  const joined = theirText + (bothInserted || !theirText || !mineText || /\s$/.test(theirText) ? "" : " ") + mineText;
  return {
    text: base.slice(0, start) + joined + base.slice(end),
    // Two insertions at one place (both typing at the end) lose nothing and read in order.
    conflict: !bothInserted,
    theirs: { start, end: start + mineText.length, inserted: joined },
  };
}

/** Where a caret at `caret` in the text before `edit` belongs after it: it stays with its words. */
export function moveCaret(caret, edit) {
  if (!edit || caret < edit.start) return caret;
  if (caret >= edit.end) return caret + edit.inserted.length - (edit.end - edit.start);
  return edit.start + edit.inserted.length;
}
