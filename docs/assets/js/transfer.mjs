// Taking a review away and bringing it back: JSON and CSV exports and checked JSON import.
// Pure functions (no DOM, no storage).
//
// JSON export, format version 1:
//   { format: EXPORT_FORMAT, version: 1, contentVersion, exported,
//     review: { name, created, updated },
//     answers: [{ markerId, markerNumber, markerTitle, questionId, questionText, response,
//                 notes, contentVersion, updated }] }
// `contentVersion` at the top is the site's content version when exported; each answer's
// `questionText` and `contentVersion` are those it was answered against. `markerNumber` and
// `markerTitle` are for people reading the file (null if the marker has gone); import
// ignores them.

import {
  addReview, answerList, checkAnswer, clean, isId, isObject, isTime, responseLabel,
} from "./state.mjs";

export const EXPORT_FORMAT = "scr-quality-markers-self-assessment";
export const EXPORT_VERSION = 1;
// Real exports are a few kilobytes; anything this big is not one, and would not fit in storage.
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const NOT_EXPORT =
  "This file is not a self-assessment exported from this site. Choose a file you saved with " +
  "“Download as JSON” (its name ends in .json).";
const DAMAGED = "This export file is damaged or incomplete, so it cannot be imported";

export function exportJSON(review, framework, now) {
  const answers = answerList(review, framework).map(({ marker, question, answer }) => ({
    markerId: marker.id,
    markerNumber: marker.number ?? null,
    markerTitle: marker.title ?? null,
    questionId: question.id,
    questionText: answer.questionText,
    response: answer.response,
    notes: answer.notes,
    contentVersion: answer.contentVersion,
    updated: answer.updated,
  }));
  const { name, created, updated } = review;
  const doc = {
    format: EXPORT_FORMAT, version: EXPORT_VERSION, contentVersion: framework.contentVersion,
    exported: now, review: { name, created, updated }, answers,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

export const CSV_COLUMNS = [
  "Review", "Stage", "Marker number", "Marker", "Marker id", "Question number", "Question id",
  "Question", "Response", "Notes and evidence", "Last changed", "Content version",
];

/**
 * Every question on the site (answered or not) and every other saved answer, as CSV that
 * Excel and LibreOffice open correctly: UTF-8 with a byte order mark, CRLF line ends, every
 * field quoted. A field starting with = + - @ gets a leading ' so spreadsheets show it as
 * text instead of running it as a formula.
 */
export function exportCSV(review, framework) {
  const rows = answerList(review, framework, { unanswered: true }).map(({ stage, marker, question, answer }) => [
    review.name, stage?.title ?? "", marker.number ?? "", marker.title ?? "", marker.id,
    question.number ?? "", question.id, answer?.questionText || question.text,
    responseLabel(answer?.response ?? ""), answer?.notes ?? "", answer?.updated ?? "",
    answer?.contentVersion ?? "",
  ]);
  return "\uFEFF" + [CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A file name such as "self-assessment-child-h-review-2026-2026-03-01.json". */
export function exportFileName(review, extension, now) {
  const slug = clean(review.name).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `self-assessment-${slug || "review"}-${now.slice(0, 10)}.${extension}`;
}

/**
 * Reads a JSON export. Returns { review, exported, contentVersion, count } ready for
 * `importReview`, or { error } with a plain message. `size` is the file's size in bytes.
 */
export function readExport(text, size = text.length) {
  if (size > MAX_IMPORT_BYTES) {
    const mb = (size / 1048576).toFixed(1);
    return { error: `This file is too large (${mb} MB) to be an export from this site, so it was not opened. Exports from this site are a few kilobytes.` };
  }
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { error: text.includes(EXPORT_FORMAT) ? `${DAMAGED}. Export it again from the browser it came from.` : NOT_EXPORT };
  }
  if (!isObject(doc) || doc.format !== EXPORT_FORMAT) return { error: NOT_EXPORT };
  if (!Number.isInteger(doc.version) || doc.version < 1) return { error: `${DAMAGED} (it has no valid version).` };
  if (doc.version > EXPORT_VERSION) {
    return { error: "This file was exported from a newer version of this site, which this version cannot read. Nothing was imported." };
  }
  const r = doc.review;
  if (!isObject(r) || typeof r.name !== "string" || !clean(r.name) || !isTime(r.created) || !isTime(r.updated)) {
    return { error: `${DAMAGED} (the review's name or dates are missing).` };
  }
  if (!Array.isArray(doc.answers)) return { error: `${DAMAGED} (it has no list of answers).` };
  const answers = {};
  for (const [i, a] of doc.answers.entries()) {
    const where = `answer ${i + 1}`;
    if (!isObject(a) || !isId(a.markerId) || !isId(a.questionId)) return { error: `${DAMAGED} (${where} has no valid marker or question id).` };
    const { answer, reason } = checkAnswer(a);
    if (!answer) return { error: `${DAMAGED} (${where} ${reason}).` };
    if (answers[a.markerId]?.[a.questionId]) return { error: `${DAMAGED} (${where} repeats an earlier question).` };
    (answers[a.markerId] ??= {})[a.questionId] = answer;
  }
  return {
    review: { name: clean(r.name), created: r.created, updated: r.updated, answers },
    exported: isTime(doc.exported) ? doc.exported : "",
    contentVersion: typeof doc.contentVersion === "string" ? doc.contentVersion : "",
    count: doc.answers.length,
  };
}

/** Adds an imported review as a new, current review; a name already in use gets "(imported)". */
export function importReview(data, imported, now, id) {
  const names = new Set(data.reviews.map((r) => r.name));
  let name = imported.name;
  for (let n = 1; names.has(name); n += 1) name = `${imported.name} (imported${n > 1 ? ` ${n}` : ""})`;
  const added = addReview(data, name, now, id);
  const { created, updated, answers } = imported;
  return { ...added, reviews: added.reviews.map((r) => (r.id === id ? { ...r, created, updated, answers } : r)) };
}
