// The self-assessment's logic, no DOM: pure functions returning new objects, and openSession,
// which keeps answers in a Storage. The README describes the data, formats and this API.

export const SCHEMA_VERSION = 1;
export const EXPORT_FORMAT = "scr-quality-markers-self-assessment";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const RESPONSES = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
  { value: "not-applicable", label: "Not applicable" },
];

const isId = (v) => typeof v == "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v);
const isObject = (v) => v?.constructor === Object;
const isTime = (v) => typeof v == "string" && Date.parse(v) > 0;
export const responseLabel = (v) => RESPONSES.find((r) => r.value === v)?.label ?? "";
export const clean = (text) => String(text).replace(/\s+/g, " ").trim();
export const wordingChanged = (answer, text) => !!answer?.questionText && clean(answer.questionText) !== clean(text);
export const newId = () => "r" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
export const longDate = (iso) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
export const defaultName = (now) => "Review started " + longDate(now);

export const emptyData = () => ({ version: SCHEMA_VERSION, current: null, reviews: [] });
export const currentReview = (data) => data.reviews.find((r) => r.id === data.current) ?? null;

// A first visit gets a review without being asked.
export const withCurrentReview = (data, now, id) =>
  currentReview(data) ? data : data.reviews[0] ? { ...data, current: data.reviews[0].id } : addReview(data, "", now, id);

// A name in use gets a number, "Name (2)": lists and dialogs tell reviews apart by name.
export function addReview(data, name, now, id, from) {
  const wanted = clean(name) || defaultName(now);
  let unique = wanted;
  for (let n = 2; data.reviews.some((r) => r.name === unique); n++) unique = `${wanted} (${n})`;
  const review = { id, name: unique, created: now, updated: now, answers: {}, ...from };
  return { ...data, current: id, reviews: [...data.reviews, review] };
}

export const switchReview = (data, id) => (data.reviews.some((r) => r.id === id) ? { ...data, current: id } : data);

const mapReview = (data, id, change) => ({ ...data, reviews: data.reviews.map((r) => (r.id === id ? change(r) : r)) });

export const renameReview = (data, id, name, now) =>
  clean(name) ? mapReview(data, id, (r) => ({ ...r, name: clean(name), updated: now })) : data;

export function deleteReview(data, id) {
  const reviews = data.reviews.filter((r) => r.id !== id);
  return { ...data, reviews, current: data.current === id ? (reviews[0]?.id ?? null) : data.current };
}

export const answerFor = (review, markerId, questionId) => review?.answers[markerId]?.[questionId] ?? null;

export function setAnswer(data, reviewId, markerId, questionId, change, now) {
  return mapReview(data, reviewId, (review) => {
    const answer = { response: "", notes: "", ...answerFor(review, markerId, questionId), ...change, updated: now };
    answer.questionText = clean(answer.questionText ?? "");
    const answers = { ...review.answers, [markerId]: { ...review.answers[markerId], [questionId]: answer } };
    if (!answer.response && !answer.notes) delete answers[markerId][questionId];
    if (!Object.keys(answers[markerId]).length) delete answers[markerId];
    return { ...review, answers, updated: now };
  });
}

export const progress = (review, markerId, questionIds) =>
  ({ answered: questionIds.filter((q) => answerFor(review, markerId, q)?.response).length, total: questionIds.length });

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
  const found = {};
  for (const stage of framework.stages) {
    for (const marker of stage.markers) {
      found[marker.id] = { stage, marker };
      marker.questions.forEach((q, i) => {
        const answer = answerFor(review, marker.id, q.id);
        if (answer || unanswered) list.push({ stage, marker, question: { id: q.id, number: i + 1, text: q.text }, answer, onSite: true });
      });
    }
  }
  for (const [markerId, answers] of Object.entries(review.answers)) {
    for (const [id, answer] of Object.entries(answers)) {
      if (!found[markerId]?.marker.questions.some((q) => q.id === id)) {
        rest.push({ stage: null, marker: { id: markerId }, ...found[markerId], question: { id, number: null, text: answer.questionText }, answer, onSite: false });
      }
    }
  }
  return list.concat(rest);
}

export const answersNeedingDiscussion = (review, framework) =>
  answerList(review, framework).filter((item) => ["partly", "no"].includes(item.answer.response));

export const countAnswers = (review) => Object.values(review.answers).reduce((n, a) => n + Object.keys(a).length, 0);

// A saved or imported answer, with only the fields we know, or null.
export function checkAnswer(a) {
  const { response, notes, questionText, contentVersion = "", updated } = isObject(a) ? a : {};
  const text = [notes, questionText, contentVersion].every((v) => typeof v == "string");
  return text && (response === "" || responseLabel(response)) && isTime(updated)
    ? { response, notes, questionText, contentVersion, updated } : null;
}

// A review's optional meeting details for the papers (papers-ui.mjs): texts by field name.
const meetingOf = (m) => isObject(m) && { meeting: Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v == "string")) };
const isReview = (r) => isObject(r) && typeof r.name == "string" && clean(r.name) && isTime(r.created) && isTime(r.updated);

export function parseSaved(raw) {
  const data = emptyData();
  let doc;
  try {
    doc = raw ? JSON.parse(raw) : data;
  } catch {}
  if (!isObject(doc) || !Number.isInteger(doc.version) || !Array.isArray(doc.reviews)) return { data, damaged: true };
  if (doc.version > SCHEMA_VERSION) return { data, damaged: true, newer: true };
  let damaged = false;
  for (const r of doc.reviews) {
    const answers = {};
    if (!isReview(r) || !isId(r.id) || !isObject(r.answers) || data.reviews.some((x) => x.id === r.id)) {
      damaged = true;
      continue;
    }
    for (const [markerId, questions] of Object.entries(r.answers)) {
      // Anything but an object of answers counts as one unreadable answer.
      for (const [id, a] of Object.entries(isObject(questions) ? questions : { "": 0 })) {
        const answer = checkAnswer(a);
        if (answer && isId(markerId) && isId(id)) (answers[markerId] ??= {})[id] = answer;
        else damaged = true;
      }
    }
    data.reviews.push({ id: r.id, name: r.name, created: r.created, updated: r.updated, answers, ...meetingOf(r.meeting) });
  }
  data.current = currentReview({ ...data, current: doc.current }) ? doc.current : (data.reviews[0]?.id ?? null);
  return { data, damaged };
}

export const serialize = (data) => JSON.stringify(data);

export function exportJSON(review, framework, now) {
  const answers = answerList(review, framework).map(({ marker, question, answer }) => ({
    markerId: marker.id, markerNumber: marker.number ?? null, markerTitle: marker.title ?? null, questionId: question.id, ...answer,
  }));
  const { name, created, updated, meeting } = review;
  return JSON.stringify({
    format: EXPORT_FORMAT, version: EXPORT_VERSION, contentVersion: framework.contentVersion, exported: now,
    review: { name, created, updated, meeting }, answers,
  }, null, 2) + "\n";
}

export const CSV_COLUMNS = ["Review", "Stage", "Marker number", "Marker", "Marker id", "Question number",
  "Question id", "Question", "Response", "Notes and evidence", "Last changed", "Content version"];

// Quoted, so commas and line breaks stay in their cell; a leading = + - @ gets a ' so
// spreadsheets show the text instead of running it as a formula.
const csvField = (v) => `"${String(v ?? "").replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`;

// Excel needs the byte order mark to read UTF-8.
export function exportCSV(review, framework) {
  const rows = answerList(review, framework, true).map(({ stage, marker, question, answer: a }) => [
    review.name, stage?.title, marker.number, marker.title, marker.id, question.number, question.id,
    a?.questionText || question.text, responseLabel(a?.response), a?.notes, a?.updated, a?.contentVersion,
  ]);
  return "\uFEFF" + [CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

export const exportFileName = (review, extension, now) =>
  `self-assessment-${review.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "review"}-${now.slice(0, 10)}.${extension}`;

const NOT_EXPORT = "This file is not a self-assessment downloaded from this site. Choose a file you saved with “Download as JSON”.";
const DAMAGED = "This file is damaged or incomplete, so it cannot be imported";

export function readExport(text, size = text.length) {
  if (size > MAX_IMPORT_BYTES) return { error: `This file is too large (${(size / 1048576).toFixed(1)} MB) to be a self-assessment from this site.` };
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { error: text.includes(EXPORT_FORMAT) ? DAMAGED + "." : NOT_EXPORT };
  }
  if (doc?.format !== EXPORT_FORMAT) return { error: NOT_EXPORT };
  if (doc.version > EXPORT_VERSION) return { error: "This file was downloaded from a newer version of this site, which this version cannot read." };
  const damaged = (why) => ({ error: `${DAMAGED} (${why}).` });
  if (doc.version !== EXPORT_VERSION || !isReview(doc.review)) return damaged("its version, review name or dates are missing");
  if (!Array.isArray(doc.answers)) return damaged("it has no list of answers");
  const answers = {};
  for (const [i, a] of doc.answers.entries()) {
    const answer = checkAnswer(a);
    if (!answer || !isId(a.markerId) || !isId(a.questionId)) return damaged(`answer ${i + 1} is incomplete`);
    if (answers[a.markerId]?.[a.questionId]) return damaged(`answer ${i + 1} repeats an earlier question`);
    (answers[a.markerId] ??= {})[a.questionId] = answer;
  }
  const { name, created, updated, meeting } = doc.review;
  return {
    review: { name: clean(name), created, updated, answers, ...meetingOf(meeting) }, count: doc.answers.length,
    exported: isTime(doc.exported) ? doc.exported : "", contentVersion: String(doc.contentVersion ?? ""),
  };
}

export const importReview = (data, { name, ...from }, now, id) =>
  addReview(data, data.reviews.some((r) => r.name === name) ? name + " (imported)" : name, now, id, from);

// Saving: storage may be blocked, full or damaged, and none of that may lose work (README).
// Changes apply to the latest saved data, so another tab's are kept. problem() is a code:
// "unavailable", "full", "damaged" (kept aside), "damagedNotKept" or "newer".

const isFull = (e) => e?.name === "QuotaExceededError";

export function openSession(getStorage, prefix, { now = () => new Date().toISOString(), makeId = newId } = {}) {
  const key = prefix + "data";
  const aside = prefix + "damaged:";
  let storage = null;
  try {
    storage = getStorage();
    storage.setItem(key + ":probe", "1");
    storage.removeItem(key + ":probe");
  } catch (e) {
    if (!isFull(e)) storage = null; // a full store can still be read and cleared
  }
  const ours = () => Array.from({ length: storage?.length ?? 0 }, (_, i) => storage.key(i)).filter((k) => k?.startsWith(prefix));
  let data = emptyData();
  let readOnly = !storage;
  let dirty = false;
  let problem = readOnly ? "unavailable" : "";
  const ensure = () => (data = withCurrentReview(data, now(), makeId()));

  function save() {
    try {
      if (readOnly) return false;
      storage.setItem(key, serialize(data));
      dirty = false;
      if (problem === "full") problem = "";
    } catch (e) {
      dirty = true;
      problem = isFull(e) ? "full" : "unavailable";
    }
    return !dirty;
  }

  function load() {
    let raw;
    try {
      if (!readOnly && !dirty) raw = storage.getItem(key);
    } catch {
      readOnly = true;
      problem = "unavailable";
    }
    if (raw === undefined) return ensure();
    const parsed = parseSaved(raw);
    data = parsed.data;
    if (parsed.damaged) {
      let kept = !parsed.newer;
      try {
        if (kept) storage.setItem(aside + now(), raw);
      } catch {
        kept = false;
      }
      readOnly = !kept;
      problem = kept ? "damaged" : parsed.newer ? "newer" : "damagedNotKept";
    }
    if (ensure() !== parsed.data || parsed.damaged) save();
  }

  load();
  return {
    get data() {
      return data;
    },
    review: () => currentReview(data),
    problem: () => problem,
    now,
    makeId,
    load,
    // null: all storage was cleared.
    owns: (k) => k === null || k.startsWith(prefix),
    update(change) {
      load();
      data = change(data);
      ensure();
      return save();
    },
    asideCopies: () => ours().filter((k) => k.startsWith(aside)).sort().map((k) => ({ saved: k.slice(aside.length), text: storage.getItem(k) })),
    clearAll() {
      try {
        ours().forEach((k) => storage.removeItem(k));
        if (storage) [readOnly, dirty, problem] = [false, false, ""];
      } catch {}
      data = emptyData();
      ensure();
      return save() || !storage;
    },
  };
}
