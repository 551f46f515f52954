// What the "My self-assessment" page shows of a review, no DOM: counts per stage and marker,
// and the answers and judgements in framework order. `framework` is the page's data-framework
// (README).

import { RESPONSES, answerFor, judgementFor, responseLabel } from "./review.mjs";

export const SHORT_OF = ["partly", "no"]; // the responses that are points for the board

// A symbol beside the word of each response, so a glance at a grid or table does not rely on colour.
const SYMBOLS = { yes: "✓", partly: "◐", no: "✗", "not-applicable": "–" };
/** "◐ Partly" for an answer or judgement with a response, else "". */
export const responseWords = (answer) => (answer?.response ? `${SYMBOLS[answer.response]} ${responseLabel(answer.response)}` : "");

const zero = () => Object.fromEntries(RESPONSES.map((r) => [r.value, 0]));
const tally = () => ({ answered: 0, questions: 0, judged: 0, markerCount: 0, counts: zero(), judgements: zero() });
function add(into, from) {
  for (const k of ["answered", "questions", "judged", "markerCount"]) into[k] += from[k];
  for (const k in from.counts) into.counts[k] += from.counts[k];
  for (const k in from.judgements) into.judgements[k] += from.judgements[k];
  return from;
}

/**
 * Counts per marker, stage and review: questions answered (`counts` by response), markers
 * judged (`judgements` by response) out of `markerCount`; each marker has its `judgement`.
 */
export function summarise(review, framework) {
  const total = tally();
  total.stages = framework.stages.map((stage) => {
    const s = { ...stage, ...tally() };
    s.markers = stage.markers.map((marker) => {
      const m = { ...marker, ...tally(), questions: marker.questions.length, markerCount: 1, judgement: judgementFor(review, marker.id) };
      for (const q of marker.questions) {
        const response = answerFor(review, marker.id, q.id)?.response;
        if (response) {
          m.answered += 1;
          m.counts[response] += 1;
        }
      }
      if (m.judgement?.response) {
        m.judged = 1;
        m.judgements[m.judgement.response] += 1;
      }
      return add(s, m);
    });
    return add(total, s);
  });
  return total;
}

/**
 * Every answer (with `unanswered`, every question too) and judgement in framework order: a
 * marker's questions, then its judgement. Answers and judgements for questions or markers no
 * longer on the site are kept, and listed last. Each item: { kind: "question" | "judgement",
 * stage, marker, question (null for a judgement), answer, onSite }.
 */
export function recordList(review, framework, unanswered) {
  const list = [];
  const rest = [];
  const found = new Map(); // marker id: its stage and marker
  for (const stage of framework.stages) {
    for (const marker of stage.markers) {
      found.set(marker.id, { stage, marker });
      marker.questions.forEach((q, i) => {
        const answer = answerFor(review, marker.id, q.id);
        if (answer || unanswered) list.push({ kind: "question", stage, marker, question: { ...q, number: i + 1 }, answer, onSite: true });
      });
      const judgement = judgementFor(review, marker.id);
      if (judgement || unanswered) list.push({ kind: "judgement", stage, marker, question: null, answer: judgement, onSite: true });
    }
  }
  for (const [markerId, answers] of Object.entries(review.answers)) {
    const known = found.get(markerId);
    for (const [id, answer] of Object.entries(answers)) {
      if (!known?.marker.questions.some((q) => q.id === id)) {
        rest.push({ kind: "question", stage: null, marker: { id: markerId }, ...known, question: { id, number: null, text: answer.questionText }, answer, onSite: false });
      }
    }
  }
  for (const [markerId, judgement] of Object.entries(review.judgements ?? {})) {
    if (!found.has(markerId)) rest.push({ kind: "judgement", stage: null, marker: { id: markerId }, question: null, answer: judgement, onSite: false });
  }
  return list.concat(rest);
}

/** The answers to questions (not judgements), in framework order. */
export const answerList = (review, framework, unanswered) => recordList(review, framework, unanswered).filter((item) => item.kind === "question");

/** The questions and markers answered Partly or No: the points for the board. */
export const answersNeedingDiscussion = (review, framework) =>
  recordList(review, framework).filter((item) => SHORT_OF.includes(item.answer.response));
