// Files in and out, no DOM: the JSON and CSV downloads of a review, and reading a JSON
// download back. An import is taken whole or refused with a message, never in part.

import { decisionLabel } from "./findings.mjs";
import {
  JUDGEMENT_QUESTION, addReview, checkAnswer, checkFinding, clean, isId, isReview, isTime, meetingOf, own, record, responseLabel,
} from "./review.mjs";
import { answerList, recordList } from "./summary.mjs";

export const EXPORT_FORMAT = "scr-quality-markers-self-assessment";
// 2 added `judgements`, 3 the review's `findings`; files of versions 1 and 2 still import.
export const EXPORT_VERSION = 3;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export function exportJSON(review, framework, now) {
  const answers = answerList(review, framework).map(({ marker, question, answer }) => ({
    markerId: marker.id, markerNumber: marker.number ?? null, markerTitle: marker.title ?? null, questionId: question.id, ...answer,
  }));
  const judgements = recordList(review, framework).filter((item) => item.kind === "judgement").map(({ marker, answer }) => {
    const { questionText, ...judgement } = answer; // a judgement's question is always the same
    return { markerId: marker.id, markerNumber: marker.number ?? null, markerTitle: marker.title ?? null, ...judgement };
  });
  const { name, created, updated, meeting } = review;
  return JSON.stringify({
    format: EXPORT_FORMAT, version: EXPORT_VERSION, contentVersion: framework.contentVersion, exported: now,
    review: { name, created, updated, meeting }, answers, judgements, findings: review.findings ?? [],
  }, null, 2) + "\n";
}

export const CSV_COLUMNS = ["Review", "Stage", "Marker number", "Marker", "Marker id", "Question number",
  "Question id", "Question", "Response", "Notes and evidence", "Last changed", "Content version"];

// Quoted, so commas and line breaks stay in their cell; a leading = + - @ gets a ' so
// spreadsheets show the text instead of running it as a formula.
export const csvField = (v) => `"${String(v ?? "").replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`;

/** CSV text of `rows` (the first the column names): a byte order mark, which Excel needs to
 * read UTF-8, then quoted fields and CRLF line ends. */
export const csvText = (rows) => "\uFEFF" + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");

// Every question and every marker's judgement, answered or not: a complete record. Then the
// review's findings, one a row: its reference as the question number, the board's decision as
// the response and its reasons as the notes.
export function exportCSV(review, framework) {
  const rows = recordList(review, framework, true).map(({ stage, marker, question, answer: a }) => [
    review.name, stage?.title, marker.number, marker.title, marker.id, question ? question.number : "overall", question?.id,
    question ? a?.questionText || question.text : JUDGEMENT_QUESTION, responseLabel(a?.response), a?.notes, a?.updated, a?.contentVersion,
  ]);
  const findings = (review.findings ?? []).map((f) => [review.name, FINDINGS_STAGE, "", "", "", f.ref, f.id,
    [f.title, f.text].filter(Boolean).join("\n"), decisionLabel(f.decision), f.reasons, "", ""]);
  return csvText([CSV_COLUMNS, ...rows, ...findings]);
}

export const FINDINGS_STAGE = "Findings of the review";

export const exportFileName = (review, extension, now) =>
  `self-assessment-${review.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "review"}-${now.slice(0, 10)}.${extension}`;

const NOT_EXPORT = "This file is not a self-assessment downloaded from this site. Choose a file you saved with “Download as JSON”.";
const DAMAGED = "This file is damaged or incomplete, so it cannot be imported";

/** The text of a file's bytes, or null if they are not UTF-8 (a download from this site always is). */
export function decodeFile(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function readExport(text, size = text?.length ?? 0) {
  if (size > MAX_IMPORT_BYTES) return { error: `This file is too large (${(size / 1048576).toFixed(1)} MB) to be a self-assessment from this site.` };
  if (text == null) return { error: NOT_EXPORT };
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    // Also what a nesting too deep for the parser gives.
    return { error: text.includes(EXPORT_FORMAT) ? DAMAGED + "." : NOT_EXPORT };
  }
  if (own(doc, "format") !== EXPORT_FORMAT) return { error: NOT_EXPORT };
  if (doc.version > EXPORT_VERSION) return { error: "This file was downloaded from a newer version of this site, which this version cannot read." };
  const damaged = (why) => ({ error: `${DAMAGED} (${why}).` });
  if (![1, 2, 3].includes(doc.version) || !isReview(doc.review)) return damaged("its version, review name or dates are missing");
  const [meeting, whole] = meetingOf(own(doc.review, "meeting"));
  if (!whole) return damaged("its meeting details are not all text");
  if (!Array.isArray(doc.answers)) return damaged("it has no list of answers");
  const answers = record();
  for (const [i, a] of doc.answers.entries()) {
    const answer = checkAnswer(a);
    if (!answer || !isId(a.markerId) || !isId(a.questionId)) return damaged(`answer ${i + 1} is incomplete`);
    const questions = own(answers, a.markerId) ?? (answers[a.markerId] = record());
    if (Object.hasOwn(questions, a.questionId)) return damaged(`answer ${i + 1} repeats an earlier question`);
    questions[a.questionId] = answer;
  }
  const judgements = record();
  const listed = own(doc, "judgements") ?? [];
  if (!Array.isArray(listed)) return damaged("its judgements are not a list");
  for (const [i, j] of listed.entries()) {
    const judgement = checkAnswer({ questionText: "", ...j });
    if (!judgement || !isId(j.markerId)) return damaged(`judgement ${i + 1} is incomplete`);
    if (Object.hasOwn(judgements, j.markerId)) return damaged(`judgement ${i + 1} repeats an earlier marker`);
    judgements[j.markerId] = judgement;
  }
  const findings = own(doc, "findings") ?? [];
  if (!Array.isArray(findings)) return damaged("its findings are not a list");
  for (const [i, f] of findings.entries()) {
    if (!checkFinding(f)) return damaged(`finding ${i + 1} is incomplete`);
    if (findings.findIndex((other) => other.id === f.id) < i) return damaged(`finding ${i + 1} repeats an earlier one`);
  }
  const { name, created, updated } = doc.review;
  return {
    review: { name: clean(name), created, updated, answers, judgements, findings: findings.map(checkFinding), ...(meeting && { meeting }) },
    count: doc.answers.length, judged: listed.length, findingCount: findings.length,
    exported: isTime(doc.exported) ? doc.exported : "", contentVersion: String(doc.contentVersion ?? ""),
  };
}

export const importReview = (data, { name, ...from }, now, id) =>
  addReview(data, data.reviews.some((r) => r.name === name) ? name + " (imported)" : name, now, id, from);
