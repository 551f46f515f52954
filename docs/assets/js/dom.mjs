// DOM helpers shared by the checklist (self-assessment.mjs) and the summary page
// (summary-page.mjs). Elements are built from text, never HTML, so what users type stays text.

import { mergeText, moveCaret } from "./merge.mjs";

// h("p", { class: "x", hidden: true }, "text", child, [more])
export function h(tag, attributes, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value != null && value !== false) el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children.flat(2).filter((c) => c != null && c !== false));
  return el;
}

export const part = (root, name) => root.querySelector(`[data-scr="${name}"]`);

// Emptied first, so a repeated message is announced again.
export function announce(region, text, delay = 0) {
  clearTimeout(region.timer);
  region.textContent = "";
  region.timer = setTimeout(() => (region.textContent = text), delay + 50);
}

// The alert box stays in the page, empty, so screen readers announce what appears in it.
export function showProblem(box, message) {
  if (box.textContent !== (message ? "Warning: " + message : "")) {
    box.replaceChildren(...(message ? [h("strong", {}, "Warning: "), message] : []));
  }
}

/** The session's problem (a code: store.mjs), in the words the page gives the box as
 * `data-<code>` attributes (macros/pages/problems.py). */
export const showSessionProblem = (box, code) => showProblem(box, code && box.dataset[code]);

/** What to say when another tab deleted the review this one was working on. */
export const goneMessage = ({ deleted, cleared }, now) =>
  `${cleared ? "All data on this device was cleared" : `The review “${deleted}” was deleted`} in another tab. ` +
  `This page is now working on “${now}”.`;

export const BOTH_KEPT = "This text was also changed in another tab at the same time. Both versions are kept here: check it reads as you want.";

// The saved text each field last showed: what differs from it is the user's own typing.
const shownText = new WeakMap();

/** The text a field showed when the user started changing it. */
export const baseOf = (field) => shownText.get(field) ?? field.value;
export const setBase = (field, text) => shownText.set(field, text);

/**
 * Show the saved `text` in `field`. With `replace` (another review) it simply replaces the
 * value; otherwise a change that arrived from another tab is merged into what the user has
 * there, and the caret stays with the user's words. Returns whether the two really clashed.
 */
export function showText(field, text, replace) {
  const base = shownText.get(field);
  shownText.set(field, text);
  if (replace || base === undefined) {
    if (field.value !== text) field.value = text;
    return false;
  }
  if (text === base || field.value === text) return false;
  const merged = mergeText(base, field.value, text);
  const focused = field === document.activeElement;
  const [start, end] = [field.selectionStart, field.selectionEnd];
  field.value = merged.text;
  if (focused) field.setSelectionRange(moveCaret(start, merged.theirs), moveCaret(end, merged.theirs));
  // Words here that the saved text lacks are saved through the usual input handler.
  if (merged.text !== text) field.dispatchEvent(new Event("input", { bubbles: true }));
  return merged.conflict;
}
