// The self-assessment model: reviews, answers and summary counts. Pure functions with no DOM
// or storage access, so Node tests and the meeting-papers feature can use them directly.
// Every function returns new objects and leaves its arguments unchanged.
//
// Saved data, schema version 1:
//   Data     { version: 1, current: reviewId, reviews: [Review] }
//   Review   { id, name, created, updated, answers: { [markerId]: { [questionId]: Answer } } }
//   Answer   { response, notes, questionText, contentVersion, updated }
// `response` is "" (none yet) or a value of RESPONSES; times are ISO 8601 strings.
// Answers are keyed by marker and question id, never by position, so a reworded, moved or
// removed question keeps its answer. `questionText` is the wording the user answered.
//
// Framework (the data island on the summary page, made by macros/self_assessment.py):
//   { contentVersion, stages: [{ id, title, label,
//       markers: [{ id, number, title, url, questions: [{ id, text }] }] }] }

export const SCHEMA_VERSION = 1;

export const RESPONSES = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
  { value: "not-applicable", label: "Not applicable" },
];

// Responses that mark a point for the board to discuss.
export const NEEDS_DISCUSSION = ["partly", "no"];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isId = (v) => typeof v === "string" && ID.test(v);
export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
export const isTime = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
export const isResponse = (v) => v === "" || RESPONSES.some((r) => r.value === v);
export const responseLabel = (v) => RESPONSES.find((r) => r.value === v)?.label ?? "";

/** Wording with runs of white space made single, for comparing question texts. */
export const clean = (text) => String(text).replace(/\s+/g, " ").trim();

/** True when the user answered a different wording from `currentText`. */
export const wordingChanged = (answer, currentText) =>
  Boolean(answer?.questionText) && clean(answer.questionText) !== clean(currentText);

export function newId(now = Date.now(), random = Math.random) {
  return `r${now.toString(36)}${random().toString(36).slice(2, 8)}`;
}

export function defaultName(now) {
  const date = new Date(now).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return `Review started ${date}`;
}

export const emptyData = () => ({ version: SCHEMA_VERSION, current: null, reviews: [] });

export const currentReview = (data) => data.reviews.find((r) => r.id === data.current) ?? null;

/** `data` with at least one review and a current review that exists. */
export function withCurrentReview(data, now, id) {
  if (currentReview(data)) return data;
  if (data.reviews.length) return { ...data, current: data.reviews[0].id };
  return addReview(data, defaultName(now), now, id);
}

/** A new, empty review, which becomes the current one. */
export function addReview(data, name, now, id) {
  const review = { id, name: clean(name) || defaultName(now), created: now, updated: now, answers: {} };
  return { ...data, current: id, reviews: [...data.reviews, review] };
}

export const switchReview = (data, id) =>
  data.reviews.some((r) => r.id === id) ? { ...data, current: id } : data;

export function renameReview(data, id, name, now) {
  name = clean(name);
  if (!name) return data;
  return mapReview(data, id, (r) => ({ ...r, name, updated: now }));
}

/** Removes a review; if it was current, another (or none) becomes current. */
export function deleteReview(data, id) {
  const reviews = data.reviews.filter((r) => r.id !== id);
  const current = data.current === id ? (reviews[0]?.id ?? null) : data.current;
  return { ...data, current, reviews };
}

export const answerFor = (review, markerId, questionId) =>
  review?.answers[markerId]?.[questionId] ?? null;

/**
 * Records a change to one answer. `change` holds `response` and/or `notes`, and the
 * `questionText` and `contentVersion` the user sees now. An answer with neither a response
 * nor notes is removed.
 */
export function setAnswer(data, reviewId, markerId, questionId, change, now) {
  return mapReview(data, reviewId, (review) => {
    const before = answerFor(review, markerId, questionId) ?? { response: "", notes: "" };
    const answer = {
      response: change.response ?? before.response,
      notes: change.notes ?? before.notes,
      questionText: clean(change.questionText ?? before.questionText ?? ""),
      contentVersion: change.contentVersion ?? before.contentVersion ?? "",
      updated: now,
    };
    const marker = { ...review.answers[markerId] };
    if (answer.response || answer.notes) marker[questionId] = answer;
    else delete marker[questionId];
    const answers = { ...review.answers, [markerId]: marker };
    if (!Object.keys(marker).length) delete answers[markerId];
    return { ...review, answers, updated: now };
  });
}

function mapReview(data, id, change) {
  return { ...data, reviews: data.reviews.map((r) => (r.id === id ? change(r) : r)) };
}

/** How many of `questionIds` have a response. */
export function progress(review, markerId, questionIds) {
  const answered = questionIds.filter((q) => answerFor(review, markerId, q)?.response).length;
  return { answered, total: questionIds.length };
}

const noCounts = () => Object.fromEntries(RESPONSES.map((r) => [r.value, 0]));

function addCounts(into, from) {
  into.answered += from.answered;
  into.questions += from.questions;
  for (const key in from.counts) into.counts[key] += from.counts[key];
}

/**
 * Counts for the summary page: for the whole review, each stage and each marker, how many
 * questions there are, how many are answered and how many have each response.
 */
export function summarise(review, framework) {
  const total = { answered: 0, questions: 0, counts: noCounts() };
  const stages = framework.stages.map((stage) => {
    const sum = { ...stage, answered: 0, questions: 0, counts: noCounts() };
    sum.markers = stage.markers.map((marker) => {
      const m = { ...marker, answered: 0, questions: marker.questions.length, counts: noCounts() };
      for (const q of marker.questions) {
        const response = answerFor(review, marker.id, q.id)?.response;
        if (response) {
          m.answered += 1;
          m.counts[response] += 1;
        }
      }
      addCounts(sum, m);
      return m;
    });
    addCounts(total, sum);
    return sum;
  });
  return { ...total, stages };
}

/**
 * Every answer of `review` in framework order, each as
 *   { stage, marker, question: { id, number, text }, answer, onSite }
 * `stage` and `marker` are the framework's objects (or `{ id }` when the marker is no longer
 * on the site); `question.text` is today's wording, or the answered wording for a question
 * that was removed (`onSite` false, `number` null). Answers to removed questions come last.
 * With `unanswered`, questions on the site with no answer are included (`answer` null).
 */
export function answerList(review, framework, { unanswered = false } = {}) {
  const list = [];
  const known = new Set();
  const markers = new Map();
  for (const stage of framework.stages) {
    for (const marker of stage.markers) {
      markers.set(marker.id, { stage, marker });
      marker.questions.forEach((q, i) => {
        known.add(`${marker.id}/${q.id}`);
        const answer = answerFor(review, marker.id, q.id);
        if (answer || unanswered) {
          list.push({ stage, marker, question: { id: q.id, number: i + 1, text: q.text }, answer, onSite: true });
        }
      });
    }
  }
  const rest = [];
  for (const [markerId, answers] of Object.entries(review.answers)) {
    for (const [questionId, answer] of Object.entries(answers)) {
      if (known.has(`${markerId}/${questionId}`)) continue;
      const where = markers.get(markerId) ?? { stage: null, marker: { id: markerId } };
      rest.push({ ...where, question: { id: questionId, number: null, text: answer.questionText }, answer, onSite: false });
    }
  }
  rest.sort((a, b) => `${a.marker.id}/${a.question.id}`.localeCompare(`${b.marker.id}/${b.question.id}`));
  return [...list, ...rest];
}

/** The answers the board needs to discuss (Partly or No), in the shape of `answerList`. */
export const answersNeedingDiscussion = (review, framework) =>
  answerList(review, framework).filter((item) => NEEDS_DISCUSSION.includes(item.answer.response));

export const countAnswers = (review) =>
  Object.values(review.answers).reduce((n, answers) => n + Object.keys(answers).length, 0);

/**
 * An answer from saved or imported data, checked field by field: the clean answer, or a
 * plain reason why it is not one.
 */
export function checkAnswer(a) {
  if (!isObject(a)) return { reason: "is not an answer" };
  if (!isResponse(a.response)) return { reason: "has an unknown response" };
  if (typeof a.notes !== "string") return { reason: "has notes that are not text" };
  if (typeof a.questionText !== "string") return { reason: "has no question text" };
  if (!isTime(a.updated)) return { reason: "has no valid time" };
  const contentVersion = a.contentVersion ?? "";
  if (typeof contentVersion !== "string") return { reason: "has an unreadable content version" };
  const { response, notes, questionText, updated } = a;
  return { answer: { response, notes, questionText, contentVersion, updated } };
}

function checkReview(r) {
  if (!isObject(r) || !isId(r.id) || typeof r.name !== "string" || !isTime(r.created) ||
      !isTime(r.updated) || !isObject(r.answers)) return { review: null, lost: true };
  let lost = false;
  const answers = {};
  for (const [markerId, questions] of Object.entries(r.answers)) {
    if (!isId(markerId) || !isObject(questions)) { lost = true; continue; }
    for (const [questionId, raw] of Object.entries(questions)) {
      const { answer } = checkAnswer(raw);
      if (!isId(questionId) || !answer) { lost = true; continue; }
      (answers[markerId] ??= {})[questionId] = answer;
    }
  }
  const { id, name, created, updated } = r;
  return { review: { id, name, created, updated, answers }, lost };
}

/**
 * Reads saved data. Returns { data, damaged, newer }: `damaged` when any of it could not be
 * read (`data` then holds what could), `newer` when a newer version of the site saved it.
 * The caller keeps the original text aside before saving anything over it.
 */
export function parseSaved(raw) {
  if (raw == null || raw === "") return { data: emptyData(), damaged: false, newer: false };
  let doc;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { data: emptyData(), damaged: true, newer: false };
  }
  if (!isObject(doc) || !Number.isInteger(doc.version) || !Array.isArray(doc.reviews)) {
    return { data: emptyData(), damaged: true, newer: false };
  }
  if (doc.version > SCHEMA_VERSION) return { data: emptyData(), damaged: true, newer: true };
  let damaged = false;
  const reviews = [];
  for (const r of doc.reviews) {
    const { review, lost } = checkReview(r);
    damaged ||= lost || !review || reviews.some((x) => x.id === review.id);
    if (review && !reviews.some((x) => x.id === review.id)) reviews.push(review);
  }
  const current = reviews.some((r) => r.id === doc.current) ? doc.current : (reviews[0]?.id ?? null);
  return { data: { version: SCHEMA_VERSION, current, reviews }, damaged, newer: false };
}

export const serialize = (data) => JSON.stringify(data);
