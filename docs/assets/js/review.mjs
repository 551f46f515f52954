// The saved data model, no DOM: reviews, answers and meeting details, and reading the saved
// format. Pure functions that return new objects and never change their arguments.
// Whatever is keyed by an id or a name (answers by marker and question, meeting details by
// field) is a null-prototype record read with `own`, so an id such as "constructor" is only a
// key: it can neither find an inherited member nor write onto one.

export const SCHEMA_VERSION = 1;

export const RESPONSES = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
  { value: "not-applicable", label: "Not applicable" },
];

export const isId = (v) => typeof v == "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v);
// By prototype, not `.constructor`: an own key "constructor" would hide the real one.
export const isRecord = (v) => v !== null && typeof v == "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v));
export const isTime = (v) => typeof v == "string" && Date.parse(v) > 0;
export const own = (rec, key) => (rec != null && Object.hasOwn(rec, key) ? rec[key] : undefined);

export function record(entries = []) {
  const rec = Object.create(null);
  for (const [key, value] of entries) rec[key] = value; // no setter to reach, "__proto__" included
  return rec;
}

/** A copy of `rec` with `key` set to `value`, or left out when `value` is undefined. */
export const put = (rec, key, value) =>
  record([...Object.entries(rec ?? {}).filter(([k]) => k !== key), ...(value === undefined ? [] : [[key, value]])]);

export const responseLabel = (v) => RESPONSES.find((r) => r.value === v)?.label ?? "";
export const clean = (text) => String(text).replace(/\s+/g, " ").trim();
export const wordingChanged = (answer, text) => !!answer?.questionText && clean(answer.questionText) !== clean(text);
export const newId = () => "r" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
// One formatter for every date: toLocaleDateString makes a new one at each call, which the list of
// reviews on the summary page paid for many times over.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
export const longDate = (iso) => LONG_DATE.format(new Date(iso));
export const defaultName = (now) => "Review started " + longDate(now);

export const emptyData = () => ({ version: SCHEMA_VERSION, current: null, reviews: [] });
export const findReview = (data, id) => data.reviews.find((r) => r.id === id) ?? null;
export const currentReview = (data) => findReview(data, data.current);

// A first visit gets a review without being asked.
export const withCurrentReview = (data, now, id) =>
  currentReview(data) ? data : data.reviews[0] ? { ...data, current: data.reviews[0].id } : addReview(data, "", now, id);

// A name in use gets a number, "Name (2)": lists and dialogs tell reviews apart by name.
export function addReview(data, name, now, id, from) {
  const wanted = clean(name) || defaultName(now);
  let unique = wanted;
  for (let n = 2; data.reviews.some((r) => r.name === unique); n++) unique = `${wanted} (${n})`;
  const review = { id, name: unique, created: now, updated: now, answers: record(), judgements: record(), ...from };
  return { ...data, current: id, reviews: [...data.reviews, review] };
}

export const switchReview = (data, id) => (findReview(data, id) ? { ...data, current: id } : data);

export const mapReview = (data, id, change) => ({ ...data, reviews: data.reviews.map((r) => (r.id === id ? change(r) : r)) });


export const answerFor = (review, markerId, questionId) => own(own(review?.answers, markerId), questionId) ?? null;

export function setAnswer(data, reviewId, markerId, questionId, change, now) {
  return mapReview(data, reviewId, (review) => {
    const answer = { response: "", notes: "", ...answerFor(review, markerId, questionId), ...change, updated: now };
    answer.questionText = clean(answer.questionText ?? "");
    const questions = put(own(review.answers, markerId), questionId, answer.response || answer.notes ? answer : undefined);
    const answers = put(review.answers, markerId, Object.keys(questions).length ? questions : undefined);
    return { ...review, answers, updated: now };
  });
}

export const JUDGEMENT_QUESTION = "How well did this review meet this marker?";

// The overall judgement of a marker ("How well did this review meet this marker?") has the
// shape of an answer, in a record of its own: it can never collide with a question's id.
export const judgementFor = (review, markerId) => own(review?.judgements, markerId) ?? null;

export function setJudgement(data, reviewId, markerId, change, now) {
  return mapReview(data, reviewId, (review) => {
    const judgement = { response: "", notes: "", questionText: "", ...judgementFor(review, markerId), ...change, updated: now };
    const judgements = put(review.judgements, markerId, judgement.response || judgement.notes ? judgement : undefined);
    return { ...review, judgements, updated: now };
  });
}


export const progress = (review, markerId, questionIds) =>
  ({ answered: questionIds.filter((q) => answerFor(review, markerId, q)?.response).length, total: questionIds.length });


// A saved or imported answer, with only the fields we know, or null.
export function checkAnswer(a) {
  const { response, notes, questionText, contentVersion = "", updated } = isRecord(a) ? a : {};
  const text = [notes, questionText, contentVersion].every((v) => typeof v == "string");
  return text && (response === "" || responseLabel(response)) && isTime(updated)
    ? { response, notes, questionText, contentVersion, updated } : null;
}

// The board's decision on a finding of the report (findings.mjs); "" until it is made.
export const DECISIONS = ["", "accepted", "accepted-in-part", "not-accepted"];

/** A finding as saved or imported, with only the fields we know, or null. */
export function checkFinding(f) {
  const { id, ref, title, text, decision, reasons } = isRecord(f) ? f : {};
  const texts = [ref, title, text, reasons].every((v) => typeof v == "string");
  return isId(id) && texts && DECISIONS.includes(decision) ? { id, ref, title, text, decision, reasons } : null;
}

/** Meeting details as saved or imported: [the texts, or undefined if none; whether all were texts]. */
export function meetingOf(m) {
  if (m === undefined) return [undefined, true];
  const entries = isRecord(m) ? Object.entries(m) : [];
  const texts = entries.filter(([, v]) => typeof v == "string");
  return [record(texts), isRecord(m) && texts.length === entries.length];
}

export const isReview = (r) => isRecord(r) && typeof r.name == "string" && clean(r.name) && isTime(r.created) && isTime(r.updated);

export function parseSaved(raw) {
  const data = emptyData();
  let doc;
  try {
    doc = raw ? JSON.parse(raw) : data;
  } catch {}
  if (!isRecord(doc) || !Number.isInteger(doc.version) || !Array.isArray(doc.reviews)) return { data, damaged: true };
  if (doc.version > SCHEMA_VERSION) return { data, damaged: true, newer: true };
  let damaged = false;
  for (const r of doc.reviews) {
    if (!isReview(r) || !isId(r.id) || !isRecord(r.answers) || findReview(data, r.id)) {
      damaged = true;
      continue;
    }
    const answers = record();
    for (const [markerId, questions] of Object.entries(r.answers)) {
      // Anything but a record of answers counts as one unreadable answer.
      for (const [id, a] of Object.entries(isRecord(questions) ? questions : { "": 0 })) {
        const answer = checkAnswer(a);
        if (answer && isId(markerId) && isId(id)) (own(answers, markerId) ?? (answers[markerId] = record()))[id] = answer;
        else damaged = true;
      }
    }
    const judgements = record();
    for (const [markerId, j] of Object.entries(r.judgements === undefined ? {} : isRecord(r.judgements) ? r.judgements : { "": 0 })) {
      const judgement = checkAnswer(j);
      if (judgement && isId(markerId)) judgements[markerId] = judgement;
      else damaged = true;
    }
    // Details that are not texts cannot be used: the texts are kept, and the data counts as damaged (kept aside).
    const [meeting, whole] = meetingOf(r.meeting);
    const findings = r.findings === undefined ? null : (Array.isArray(r.findings) ? r.findings : [0]).map(checkFinding);
    damaged ||= !whole || !!findings?.includes(null);
    // `downloaded`: the last JSON download, absent from older data.
    data.reviews.push({ id: r.id, name: r.name, created: r.created, updated: r.updated, answers, judgements,
      ...(findings && { findings: findings.filter(Boolean) }), ...(meeting && { meeting }),
      ...(isTime(r.downloaded) && { downloaded: r.downloaded }) });
  }
  data.current = findReview(data, doc.current) ? doc.current : (data.reviews[0]?.id ?? null);
  return { data, damaged };
}

export const serialize = (data) => JSON.stringify(data);
