import assert from "node:assert/strict";
import test from "node:test";

import {
  CSV_COLUMNS, EXPORT_FORMAT, MAX_IMPORT_BYTES, decodeFile, exportCSV, exportFileName, exportJSON, importReview, readExport,
} from "../../docs/assets/js/exchange.mjs";
import { addFinding, setFinding } from "../../docs/assets/js/findings.mjs";
import { emptyData, setAnswer, setJudgement, withCurrentReview } from "../../docs/assets/js/review.mjs";
import { FRAMEWORK, T0, T1, T2 } from "./fixtures.mjs";

const MARKER = "improvement-action";

function review() {
  let data = withCurrentReview(emptyData(), T0, "r1");
  data = setAnswer(data, "r1", MARKER, "time-given",
    { response: "no", notes: 'Only "10 minutes", at the end\nof the agenda', questionText: "Is appropriate time given?", contentVersion: "1.0.0" }, T1);
  data = setAnswer(data, "r1", MARKER, "coherent-mechanism",
    { response: "yes", notes: "=SUM(A1) <img src=x onerror=alert(1)>", questionText: "Is there a coherent mechanism?", contentVersion: "1.0.0" }, T1);
  data = setAnswer(data, "r1", MARKER, "removed-question",
    { response: "partly", notes: "", questionText: "A question since removed?", contentVersion: "0.9.0" }, T1);
  data = setJudgement(data, "r1", "referral", { response: "partly", notes: "Referred after 3 weeks", contentVersion: "1.0.0" }, T1);
  data = setJudgement(data, "r1", "constructor", { response: "no", notes: "a marker since removed", contentVersion: "0.9.0" }, T1);
  data = addFinding(data, "r1", "f1", T1);
  data = setFinding(data, "r1", "f1", { title: "Help came late", text: "Line one\nline two", decision: "accepted-in-part", reasons: 'Only in part, "because"' }, T1);
  return data.reviews[0];
}

test("the JSON export is complete and versioned", () => {
  const doc = JSON.parse(exportJSON(review(), FRAMEWORK, T2));
  assert.equal(doc.format, EXPORT_FORMAT);
  assert.equal(doc.version, 3);
  assert.deepEqual(doc.findings, [{ id: "f1", ref: "F1", title: "Help came late", text: "Line one\nline two", decision: "accepted-in-part", reasons: "Only in part, \"because\"" }]);
  assert.equal(doc.contentVersion, "1.0.0");
  assert.equal(doc.exported, T2);
  assert.deepEqual(doc.review, { name: "Review started 1 March 2026", created: T0, updated: T1 });
  assert.deepEqual(doc.judgements, [
    { markerId: "referral", markerNumber: 1, markerTitle: "Referral", response: "partly", notes: "Referred after 3 weeks", contentVersion: "1.0.0", updated: T1 },
    { markerId: "constructor", markerNumber: null, markerTitle: null, response: "no", notes: "a marker since removed", contentVersion: "0.9.0", updated: T1 },
  ]);
  assert.deepEqual(doc.answers.map((a) => a.questionId), ["coherent-mechanism", "time-given", "removed-question"]);
  assert.deepEqual(doc.answers[1], {
    markerId: MARKER, markerNumber: 15, markerTitle: "Improvement action", questionId: "time-given",
    questionText: "Is appropriate time given?", response: "no", notes: 'Only "10 minutes", at the end\nof the agenda',
    contentVersion: "1.0.0", updated: T1,
  });
});

test("export then import gives back the same review", () => {
  const original = review();
  const text = exportJSON(original, FRAMEWORK, T2);
  const read = readExport(text);
  assert.equal(read.error, undefined);
  assert.equal(read.count, 3);
  assert.equal(read.exported, T2);
  assert.equal(read.judged, 2);
  assert.equal(read.findingCount, 1);
  const { name, created, updated, answers, judgements, findings } = original;
  const plain = (x) => JSON.parse(JSON.stringify(x)); // records have no prototype; the data is what counts
  assert.deepEqual(plain(read.review), plain({ name, created, updated, answers, judgements, findings }));
  const data = importReview(emptyData(), read.review, T2, "r9");
  assert.equal(exportJSON(data.reviews[0], FRAMEWORK, T2), text);
});

test("an import is a new, current review; a name in use is marked as imported", () => {
  const read = readExport(exportJSON(review(), FRAMEWORK, T2));
  let data = withCurrentReview(emptyData(), T0, "r1");
  data = importReview(data, read.review, T2, "r2");
  assert.equal(data.current, "r2");
  assert.equal(data.reviews[1].name, "Review started 1 March 2026 (imported)");
  data = importReview(data, read.review, T2, "r3");
  assert.equal(data.reviews[2].name, "Review started 1 March 2026 (imported) (2)");
  assert.equal(data.reviews[0].answers[MARKER], undefined, "the other review is untouched");
});

test("bad files get a plain message", () => {
  const good = JSON.parse(exportJSON(review(), FRAMEWORK, T2));
  const variant = (change) => { const d = structuredClone(good); change(d); return JSON.stringify(d); };
  const cases = {
    "not JSON": ["Name,Response\nA,Yes", /not a self-assessment downloaded from this site/],
    "JSON of another kind": ['{"hello": "world"}', /not a self-assessment downloaded/],
    "a list": ["[1, 2]", /not a self-assessment downloaded/],
    "truncated": [exportJSON(review(), FRAMEWORK, T2).slice(0, 300), /damaged or incomplete/],
    "newer": [variant((d) => { d.version = 4; }), /newer version of this site/],
    "findings not a list": [variant((d) => { d.findings = { f1: "x" }; }), /findings are not a list/],
    "finding with a bad decision": [variant((d) => { d.findings[0].decision = "maybe"; }), /finding 1 is incomplete/],
    "finding with a prototype id": [variant((d) => { d.findings[0].id = "__proto__"; }), /finding 1 is incomplete/],
    "finding repeated": [variant((d) => { d.findings.push(d.findings[0]); }), /finding 2 repeats/],
    "judgements not a list": [variant((d) => { d.judgements = { referral: "yes" }; }), /judgements are not a list/],
    "bad judgement": [variant((d) => { d.judgements[0].response = "maybe"; }), /judgement 1 is incomplete/],
    "judgement repeated": [variant((d) => { d.judgements[1].markerId = "referral"; }), /judgement 2 repeats/],
    "no answers": [variant((d) => { delete d.answers; }), /no list of answers/],
    "bad response": [variant((d) => { d.answers[0].response = "maybe"; }), /answer 1 is incomplete/],
    "bad id": [variant((d) => { d.answers[1].markerId = "__proto__"; }), /answer 2 is incomplete/],
    "repeated": [variant((d) => { d.answers[1].questionId = d.answers[0].questionId; }), /answer 2 repeats/],
    "no review name": [variant((d) => { d.review.name = " "; }), /review name or dates are missing/],
    "no version": [variant((d) => { delete d.version; }), /damaged or incomplete/],
    "notes not text": [variant((d) => { d.answers[0].notes = { html: "<b>" }; }), /answer 1 is incomplete/],
  };
  for (const [what, [text, message]] of Object.entries(cases)) {
    const result = readExport(text);
    assert.match(result.error ?? "", message, what);
    assert.equal(result.review, undefined, what);
  }
  assert.match(readExport("{}", MAX_IMPORT_BYTES + 1).error, /too large \(2\.0 MB\)/);
});

test("a byte order mark at the start is allowed", () => {
  assert.equal(readExport("\uFEFF" + exportJSON(review(), FRAMEWORK, T2)).error, undefined);
});

test("the CSV export has a BOM, CRLF ends, quoted fields and every question", () => {
  const csv = exportCSV(review(), FRAMEWORK);
  assert.ok(csv.startsWith('\uFEFF"Review","Stage"'));
  const lines = csv.slice(1).split("\r\n");
  assert.equal(lines[0], CSV_COLUMNS.map((c) => `"${c}"`).join(","));
  assert.ok(csv.includes('"Only ""10 minutes"", at the end\nof the agenda"'));
  assert.ok(csv.includes(`"'=SUM(A1) <img src=x onerror=alert(1)>"`), "a formula is shown as text");
  assert.ok(csv.includes('"Is there clear leadership?","",""'), "unanswered questions are listed");
  assert.ok(csv.includes('"A question since removed?","Partly"'));
  assert.ok(csv.includes('"Findings of the review","","","","F1","f1","Help came late\nLine one\nline two","Accepted in part","Only in part, ""because""","",""\r\n'),
    "each finding is a row, after the questions");
  assert.ok(csv.endsWith("\r\n"));
});

test("file names come from the review's name and the day", () => {
  assert.equal(exportFileName({ name: "Child H review, 2026" }, "json", T2), "self-assessment-child-h-review-2026-2026-03-03.json");
  assert.equal(exportFileName({ name: "***" }, "csv", T2), "self-assessment-review-2026-03-03.csv");
});

test("an import with ids that are Object.prototype names is taken whole", () => {
  const good = JSON.parse(exportJSON(review(), FRAMEWORK, T2));
  good.answers[0].markerId = "constructor";
  good.answers[1].markerId = "constructor";
  good.answers[1].questionId = "to-string";
  good.answers[2].questionId = "constructor";
  good.review.meeting = JSON.parse('{"__proto__": "Room 1", "constructor": "Chair", "Date(": "today"}');
  const result = readExport(JSON.stringify(good));
  assert.equal(result.error, undefined);
  assert.equal(result.count, 3);
  const answers = result.review.answers;
  assert.deepEqual(Object.keys(answers).sort(), ["constructor", MARKER].sort());
  assert.deepEqual(Object.keys(answers.constructor).sort(), ["coherent-mechanism", "to-string"]);
  assert.equal(answers[MARKER].constructor.questionText, "A question since removed?");
  assert.equal(Object.getPrototypeOf(answers), null);
  assert.deepEqual(Object.keys(result.review.meeting).sort(), ["Date(", "__proto__", "constructor"]);
  assert.equal(Object.prototype.x, undefined);
  const data = importReview(emptyData(), result.review, T2, "r9");
  const again = readExport(exportJSON(data.reviews[0], FRAMEWORK, T2));
  assert.equal(again.count, 3, "and exported again in full");
  assert.equal(again.review.meeting.__proto__, "Room 1");
});

test("a file that is not UTF-8 text is refused, not read with replacement characters", () => {
  assert.equal(decodeFile(new Uint8Array([0x7b, 0xff, 0x7d])), null);
  assert.match(readExport(null).error, /not a self-assessment/);
  assert.equal(decodeFile(new TextEncoder().encode("{é}")), "{é}");
});

test("a file from before judgements (version 1) still imports", () => {
  const old = JSON.parse(exportJSON(review(), FRAMEWORK, T2));
  old.version = 1;
  delete old.judgements;
  const read = readExport(JSON.stringify(old));
  assert.equal(read.error, undefined);
  assert.equal(read.count, 3);
  assert.deepEqual(Object.keys(read.review.judgements), []);
});

test("the CSV holds every question and every marker's judgement, answered or not", () => {
  const rows = exportCSV(review(), FRAMEWORK).slice(1).trim().split("\r\n").map((line) => line.slice(1, -1).split('","'));
  const overall = rows.filter((r) => r[5] === "overall");
  assert.deepEqual(overall.map((r) => r[4]), ["referral", "improvement-action", "constructor"]);
  assert.deepEqual(overall[0].slice(7, 10), ["How well did this review meet this marker?", "Partly", "Referred after 3 weeks"]);
  assert.equal(overall[1][8], "", "a marker not judged is still listed");
});
