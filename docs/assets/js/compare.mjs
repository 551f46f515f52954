// Several reviews side by side, no DOM: one row per marker (its judgement) and per question of
// a full marker, one cell per review. Used by compare-page.mjs.

import { JUDGEMENT_QUESTION, answerFor, judgementFor, responseLabel } from "./review.mjs";
import { csvText } from "./exchange.mjs";
import { SHORT_OF } from "./summary.mjs";

/**
 * The rows, in framework order: { kind: "judgement" | "question", stage, marker, question,
 * cells (each review's answer or null), short (how many are Partly or No), answered, differ
 * (the reviews that answered do not all agree) }.
 */
export function compareReviews(reviews, framework) {
  const rows = [];
  const row = (kind, stage, marker, question, cells) => {
    const responses = cells.map((c) => c?.response).filter(Boolean);
    rows.push({ kind, stage, marker, question, cells, answered: responses.length,
      short: responses.filter((r) => SHORT_OF.includes(r)).length, differ: new Set(responses).size > 1 });
  };
  for (const stage of framework.stages) {
    for (const marker of stage.markers) {
      row("judgement", stage, marker, null, reviews.map((r) => judgementFor(r, marker.id)));
      marker.questions.forEach((q, i) => row("question", stage, marker, { ...q, number: i + 1 },
        reviews.map((r) => answerFor(r, marker.id, q.id))));
    }
  }
  return rows;
}

/** The rows most often answered Partly or No, most first (ties in framework order). */
export const mostOftenShort = (rows, count = 5) =>
  rows.map((row, i) => [row, i]).filter(([row]) => row.short).sort((a, b) => b[0].short - a[0].short || a[1] - b[1])
    .slice(0, count).map(([row]) => row);

export const rowLabel = ({ marker, question }) =>
  question ? `${marker.number}.${question.number} ${question.text}` : `Marker ${marker.number}, ${marker.title}: ${JUDGEMENT_QUESTION}`;

/** The comparison as CSV: a row per marker and question, the response and notes of each review. */
export function comparisonCSV(rows, reviews) {
  const head = ["Stage", "Marker number", "Marker", "Question number", "Question",
    ...reviews.flatMap((r) => [`${r.name}: response`, `${r.name}: notes`]), "Partly or No", "Answered", "Answers differ"];
  const body = rows.map((row) => [
    row.stage.title, row.marker.number, row.marker.title, row.question ? `${row.marker.number}.${row.question.number}` : "overall",
    row.question ? row.question.text : JUDGEMENT_QUESTION,
    ...row.cells.flatMap((c) => [responseLabel(c?.response), c?.notes]), row.short, row.answered, row.differ ? "Yes" : "No",
  ]);
  return csvText([head, ...body]);
}
