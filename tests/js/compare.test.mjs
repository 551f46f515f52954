import assert from "node:assert/strict";
import test from "node:test";

import { compareReviews, comparisonCSV, mostOftenShort, rowLabel } from "../../docs/assets/js/compare.mjs";
import { emptyData, setAnswer, setJudgement, withCurrentReview } from "../../docs/assets/js/review.mjs";
import { FRAMEWORK, T0, T1 } from "./fixtures.mjs";

function review(id, name, judgements, answers = {}) {
  let data = withCurrentReview(emptyData(), T0, id);
  for (const [marker, response] of Object.entries(judgements)) data = setJudgement(data, id, marker, { response, notes: `${name} on ${marker}` }, T1);
  for (const [question, response] of Object.entries(answers)) data = setAnswer(data, id, "improvement-action", question, { response, questionText: "Q?" }, T1);
  return { ...data.reviews[0], name };
}

const A = review("r1", "Child A", { referral: "no", "improvement-action": "partly" }, { "time-given": "no", "clear-leadership": "yes" });
const B = review("r2", "Child B", { referral: "no", "improvement-action": "yes" }, { "time-given": "partly", "clear-leadership": "yes" });
const C = review("r3", "Child C", { referral: "partly" }, { "time-given": "no" });

test("one row per marker and per question of a full marker, one cell per review", () => {
  const rows = compareReviews([A, B, C], FRAMEWORK);
  assert.deepEqual(rows.map((r) => r.question?.id ?? r.marker.id),
    ["referral", "improvement-action", "coherent-mechanism", "clear-leadership", "time-given"]);
  const referral = rows[0];
  assert.deepEqual(referral.cells.map((c) => c?.response), ["no", "no", "partly"]);
  assert.equal(referral.short, 3);
  assert.equal(referral.differ, true, "No, No and Partly do not agree");
  const leadership = rows[3];
  assert.equal(leadership.short, 0);
  assert.equal(leadership.answered, 2);
  assert.equal(leadership.differ, false, "Yes and Yes agree; an unanswered cell is not a disagreement");
});

test("where reviews fall short most often, most first", () => {
  const rows = compareReviews([A, B, C], FRAMEWORK);
  assert.deepEqual(mostOftenShort(rows).map((r) => [r.question?.id ?? r.marker.id, r.short]),
    [["referral", 3], ["time-given", 3], ["improvement-action", 1]]);
  assert.equal(rowLabel(rows[4]), "15.3 Is appropriate time given?");
  assert.equal(rowLabel(rows[0]), "Marker 1, Referral: How well did this review meet this marker?");
});

test("the comparison CSV has each review's response and notes, and the counts", () => {
  const csv = comparisonCSV(compareReviews([A, B], FRAMEWORK), [A, B]);
  assert.ok(csv.startsWith("\uFEFF"));
  const lines = csv.slice(1).trim().split("\r\n");
  assert.equal(lines[0], '"Stage","Marker number","Marker","Question number","Question","Child A: response","Child A: notes",' +
    '"Child B: response","Child B: notes","Partly or No","Answered","Answers differ"');
  assert.equal(lines[1], '"Review setup","1","Referral","overall","How well did this review meet this marker?","No",' +
    '"Child A on referral","No","Child B on referral","2","2","No"');
  assert.equal(lines.length, 6);
});
