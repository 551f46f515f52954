// node --test: the review's findings (docs/assets/js/findings.mjs) and how saved findings are read.
import assert from "node:assert/strict";
import test from "node:test";

import { addFinding, decisionLabel, deleteFinding, findingName, findingsOf, forThePlan, moveFinding, setFinding } from "../../docs/assets/js/findings.mjs";
import { emptyData, parseSaved, serialize, withCurrentReview } from "../../docs/assets/js/review.mjs";
import { T0, T1 } from "./fixtures.mjs";

const three = () => {
  let data = withCurrentReview(emptyData(), T0, "r1");
  for (const id of ["fa", "fb", "fc"]) data = addFinding(data, "r1", id, T1);
  return data;
};
const ids = (data) => data.reviews[0].findings.map((f) => f.id);

test("a new finding is empty, with a reference from its place, and the review is changed", () => {
  const data = three();
  assert.deepEqual(data.reviews[0].findings.map((f) => f.ref), ["F1", "F2", "F3"]);
  assert.deepEqual(data.reviews[0].findings[0], { id: "fa", ref: "F1", title: "", text: "", decision: "", reasons: "" });
  assert.equal(data.reviews[0].updated, T1);
  assert.deepEqual(ids(addFinding(data, "r1", "fa", T1)), ["fa", "fb", "fc"], "adding the same id twice (a change replayed) adds it once");
});

test("edits, moves and deletes name the finding, so they stand whatever happened to the others", () => {
  let data = three();
  data = setFinding(data, "r1", "fb", { title: "Late help", decision: "accepted" }, T1);
  assert.equal(data.reviews[0].findings[1].title, "Late help");
  data = moveFinding(data, "r1", "fb", -1, T1);
  assert.deepEqual(ids(data), ["fb", "fa", "fc"]);
  assert.deepEqual(ids(moveFinding(data, "r1", "fb", -1, T1)), ["fb", "fa", "fc"], "the first cannot move up");
  assert.deepEqual(ids(moveFinding(data, "r1", "fc", 1, T1)), ["fb", "fa", "fc"], "the last cannot move down");
  data = deleteFinding(data, "r1", "fa", T1);
  assert.deepEqual(ids(data), ["fb", "fc"]);
  assert.deepEqual(ids(setFinding(data, "r1", "fa", { title: "x" }, T1)), ["fb", "fc"], "an edit to a deleted finding adds nothing");
  assert.deepEqual(ids(moveFinding(data, "r1", "gone", 1, T1)), ["fb", "fc"]);
});

test("names, decisions and the plan's findings", () => {
  assert.equal(findingName({ ref: " F2 ", title: "Late help" }, 1), "F2: Late help");
  assert.equal(findingName({ ref: "", title: "" }, 1), "Finding 2 (no title yet)");
  assert.equal(decisionLabel("accepted-in-part"), "Accepted in part");
  assert.equal(decisionLabel(""), "Not decided yet");
  assert.deepEqual(forThePlan([{ decision: "not-accepted" }, { decision: "" }, { decision: "accepted" }]), [{ decision: "" }, { decision: "accepted" }]);
});

test("saved findings are read back; a damaged one is left out and the data kept aside as damaged", () => {
  const data = setFinding(three(), "r1", "fa", { title: "<b>constructor</b>" }, T1);
  const back = parseSaved(serialize(data));
  assert.equal(back.damaged, false);
  assert.deepEqual(back.data.reviews[0].findings, data.reviews[0].findings);
  const raw = JSON.parse(serialize(data));
  raw.reviews[0].findings.push({ id: "__proto__", ref: "", title: "", text: "", decision: "", reasons: "" }, { id: "fd", ref: 1 }, "x");
  const damaged = parseSaved(JSON.stringify(raw));
  assert.equal(damaged.damaged, true);
  assert.deepEqual(ids(damaged.data), ["fa", "fb", "fc"]);
  raw.reviews[0].findings = "not a list";
  assert.deepEqual(parseSaved(JSON.stringify(raw)).data.reviews[0].findings, []);
  assert.equal(parseSaved(JSON.stringify(raw)).damaged, true);
  delete raw.reviews[0].findings;
  const older = parseSaved(JSON.stringify(raw));
  assert.equal(older.damaged, false, "data saved before findings existed is not damaged");
  assert.deepEqual(findingsOf(older.data.reviews[0]), []);
});
