// What the "My self-assessment" page shows of a review, no DOM: counts per stage and marker,
// and the answers in framework order. `framework` is the page's data-framework (README).

import { answerFor } from "./review.mjs";

const tally = () => ({ answered: 0, questions: 0, counts: { yes: 0, partly: 0, no: 0, "not-applicable": 0 } });
function add(into, from) {
  into.answered += from.answered;
  into.questions += from.questions;
  for (const k in from.counts) into.counts[k] += from.counts[k];
  return from;
}

export function summarise(review, framework) {
  const total = tally();
  total.stages = framework.stages.map((stage) => {
    const s = { ...stage, ...tally() };
    s.markers = stage.markers.map((marker) => {
      const m = { ...marker, ...tally(), questions: marker.questions.length };
      for (const q of marker.questions) {
        const response = answerFor(review, marker.id, q.id)?.response;
        if (response) {
          m.answered += 1;
          m.counts[response] += 1;
        }
      }
      return add(s, m);
    });
    return add(total, s);
  });
  return total;
}

// Answers to questions no longer on the site are kept, and listed last.
export function answerList(review, framework, unanswered) {
  const list = [];
  const rest = [];
  const found = new Map(); // marker id: its stage and marker
  for (const stage of framework.stages) {
    for (const marker of stage.markers) {
      found.set(marker.id, { stage, marker });
      marker.questions.forEach((q, i) => {
        const answer = answerFor(review, marker.id, q.id);
        if (answer || unanswered) list.push({ stage, marker, question: { id: q.id, number: i + 1, text: q.text }, answer, onSite: true });
      });
    }
  }
  for (const [markerId, answers] of Object.entries(review.answers)) {
    const known = found.get(markerId);
    for (const [id, answer] of Object.entries(answers)) {
      if (!known?.marker.questions.some((q) => q.id === id)) {
        rest.push({ stage: null, marker: { id: markerId }, ...known, question: { id, number: null, text: answer.questionText }, answer, onSite: false });
      }
    }
  }
  return list.concat(rest);
}

export const answersNeedingDiscussion = (review, framework) =>
  answerList(review, framework).filter((item) => ["partly", "no"].includes(item.answer.response));
