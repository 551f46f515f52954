import assert from "node:assert/strict";
import test from "node:test";

import {
  addReview, answerFor, clean, defaultName, emptyData, judgementFor, newId, parseSaved,
  progress, serialize, setAnswer, setJudgement, switchReview, withCurrentReview, wordingChanged,
} from "../../docs/assets/js/review.mjs";
import { countAnswers, deleteReview, nameInUse, renameReview } from "../../docs/assets/js/reviews.mjs";
import { answerList, answersNeedingDiscussion, summarise } from "../../docs/assets/js/summary.mjs";
import { FRAMEWORK, T0, T1, T2 } from "./fixtures.mjs";

const MARKER = "improvement-action";
const text = (id) => FRAMEWORK.stages[1].markers[0].questions.find((q) => q.id === id).text;

function answered(...answers) {
  let data = withCurrentReview(emptyData(), T0, "r1");
  for (const [question, response, notes] of answers) {
    data = setAnswer(data, "r1", MARKER, question, { response, notes, questionText: text(question), contentVersion: "1.0.0" }, T1);
  }
  return data;
}

test("a first visit gets a review named after the day, without asking", () => {
  const data = withCurrentReview(emptyData(), T0, "r1");
  assert.equal(data.current, "r1");
  assert.equal(data.reviews[0].name, "Review started 1 March 2026");
  assert.equal(defaultName(T0), "Review started 1 March 2026");
  assert.equal(withCurrentReview(data, T1, "other"), data, "an existing review is kept");
});

test("review ids are safe as keys and differ", () => {
  assert.match(newId(), /^r[a-z0-9]+$/);
  assert.notEqual(newId(), newId());
});

test("answers are saved by marker and question id, with the wording answered", () => {
  const data = answered(["time-given", "partly", "Only 10 minutes"]);
  assert.deepEqual(answerFor(data.reviews[0], MARKER, "time-given"), {
    response: "partly", notes: "Only 10 minutes", questionText: "Is appropriate time given?",
    contentVersion: "1.0.0", updated: T1,
  });
  assert.equal(data.reviews[0].updated, T1);
});

test("changing the notes keeps the response, and clearing both removes the answer", () => {
  let data = answered(["time-given", "no", ""]);
  data = setAnswer(data, "r1", MARKER, "time-given", { notes: "see minutes", questionText: text("time-given") }, T2);
  assert.equal(answerFor(data.reviews[0], MARKER, "time-given").response, "no");
  data = setAnswer(data, "r1", MARKER, "time-given", { response: "" }, T2);
  assert.equal(answerFor(data.reviews[0], MARKER, "time-given").notes, "see minutes", "notes stay when the response is cleared");
  data = setAnswer(data, "r1", MARKER, "time-given", { notes: "" }, T2);
  assert.equal(answerFor(data.reviews[0], MARKER, "time-given"), null);
  assert.deepEqual(Object.keys(data.reviews[0].answers), []);
});

test("functions never change the data they are given", () => {
  const data = answered(["time-given", "no", "x"]);
  const copy = serialize(data);
  setAnswer(data, "r1", MARKER, "time-given", { response: "yes" }, T2);
  renameReview(data, "r1", "New", T2);
  deleteReview(data, "r1");
  addReview(data, "B", T2, "r2");
  assert.equal(serialize(data), copy);
});

test("reviews are kept apart: add, switch, rename and delete", () => {
  let data = answered(["time-given", "no", "A's notes"]);
  data = addReview(data, "  Child H review,   2026 ", T1, "r2");
  assert.equal(data.current, "r2");
  assert.equal(data.reviews[1].name, "Child H review, 2026");
  data = addReview(data, "Child H review, 2026", T1, "r3");
  data = addReview(data, "Child H review, 2026", T1, "r4");
  assert.deepEqual(data.reviews.slice(1).map((r) => r.name), ["Child H review, 2026", "Child H review, 2026 (2)",
    "Child H review, 2026 (3)"], "a name in use gets a number");
  data = deleteReview(deleteReview(data, "r3"), "r4");
  data = switchReview(data, "r2");
  assert.equal(answerFor(data.reviews[1], MARKER, "time-given"), null);
  data = switchReview(data, "r1");
  assert.equal(data.current, "r1");
  assert.equal(switchReview(data, "nope"), data);
  data = renameReview(data, "r1", "Child G review", T2);
  assert.equal(data.reviews[0].name, "Child G review");
  assert.equal(renameReview(data, "r1", "   ", T2), data, "a blank name is refused");
  data = deleteReview(data, "r1");
  assert.equal(data.current, "r2", "deleting the current review makes another current");
  data = deleteReview(data, "r2");
  assert.equal(data.current, null);
  assert.equal(withCurrentReview(data, T2, "r3").reviews.length, 1, "a new review starts when none is left");
});

test("progress counts questions with a response, not notes alone", () => {
  const data = answered(["time-given", "no", ""], ["clear-leadership", "", "notes only"]);
  assert.deepEqual(progress(data.reviews[0], MARKER, ["coherent-mechanism", "clear-leadership", "time-given"]), { answered: 1, total: 3 });
});

test("summary counts per review, stage and marker", () => {
  const data = answered(["coherent-mechanism", "yes", ""], ["clear-leadership", "no", ""], ["time-given", "no", ""]);
  const sum = summarise(data.reviews[0], FRAMEWORK);
  assert.equal(sum.answered, 3);
  assert.equal(sum.questions, 3);
  assert.deepEqual(sum.counts, { yes: 1, partly: 0, no: 2, "not-applicable": 0 });
  assert.equal(sum.stages[0].questions, 0);
  assert.equal(sum.stages[0].markers[0].questions, 0);
  assert.deepEqual(sum.stages[1].markers[0].counts, { yes: 1, partly: 0, no: 2, "not-applicable": 0 });
  assert.equal(sum.stages[1].markers[0].url, "../markers/improvement-action/");
});

test("the discussion list holds Partly and No answers in framework order", () => {
  const data = answered(["time-given", "no", "t"], ["coherent-mechanism", "partly", "c"], ["clear-leadership", "yes", ""]);
  const items = answersNeedingDiscussion(data.reviews[0], FRAMEWORK);
  assert.deepEqual(items.map((i) => [i.question.id, i.question.number, i.answer.response]), [
    ["coherent-mechanism", 1, "partly"], ["time-given", 3, "no"],
  ]);
  assert.equal(items[0].marker.title, "Improvement action");
  assert.equal(items[0].stage.id, "review-outputs");
});

test("answers to removed questions are kept and listed last, with the wording answered", () => {
  let data = answered(["time-given", "no", ""]);
  data = setAnswer(data, "r1", MARKER, "old-question", { response: "partly", questionText: "An old question?" }, T1);
  data = setAnswer(data, "r1", "old-marker", "q", { response: "no", questionText: "Gone?" }, T1);
  const list = answerList(data.reviews[0], FRAMEWORK);
  assert.deepEqual(list.map((i) => [i.marker.id, i.question.id, i.onSite, i.question.text]), [
    [MARKER, "time-given", true, "Is appropriate time given?"],
    [MARKER, "old-question", false, "An old question?"],
    ["old-marker", "q", false, "Gone?"],
  ]);
  assert.equal(list[1].marker.title, "Improvement action", "a marker still on the site is described");
  assert.equal(list[2].stage, null);
  assert.equal(answerList(data.reviews[0], FRAMEWORK, { unanswered: true }).length, 5);
  assert.equal(countAnswers(data.reviews[0]), 3);
});

test("a changed wording is noticed; spacing alone is not a change", () => {
  const answer = { questionText: "Is appropriate time given?" };
  assert.equal(wordingChanged(answer, "Is  appropriate time\n given?"), false);
  assert.equal(wordingChanged(answer, "Has appropriate time been given?"), true);
  assert.equal(wordingChanged(null, "x"), false);
  assert.equal(clean("  a \n b "), "a b");
});

test("saved data reads back as it was written", () => {
  const data = answered(["time-given", "no", "line 1\nline 2 <b>"]);
  assert.deepEqual(parseSaved(serialize(data)), { data, damaged: false });
  assert.deepEqual(parseSaved(null), { data: emptyData(), damaged: false });
});

test("damaged saved data is reported, and what can be read is kept", () => {
  for (const raw of ["{not json", "[]", '{"reviews": 3}', '"text"']) {
    const parsed = parseSaved(raw);
    assert.equal(parsed.damaged, true, raw);
    assert.deepEqual(parsed.data, emptyData());
  }
  const good = answered(["time-given", "no", "kept"]);
  const doc = JSON.parse(serialize(good));
  doc.reviews.push({ id: "bad", name: 3 });
  doc.reviews[0].answers[MARKER]["clear-leadership"] = { response: "maybe" };
  doc.reviews[0].answers.__proto__ = { x: 1 };
  const parsed = parseSaved(JSON.stringify(doc));
  assert.equal(parsed.damaged, true);
  assert.deepEqual(parsed.data, good);
});

test("data saved by a newer version is not read", () => {
  const parsed = parseSaved(JSON.stringify({ version: 2, reviews: [] }));
  assert.equal(parsed.newer, true);
  assert.equal(parsed.damaged, true);
});

test("a marker's judgement is kept apart from its questions, even one with the same id", () => {
  let data = withCurrentReview(emptyData(), T0, "r1");
  data = setAnswer(data, "r1", "referral", "judgement", { response: "yes", questionText: "A question called judgement?" }, T1);
  data = setJudgement(data, "r1", "referral", { response: "no", notes: "late" }, T1);
  const review = data.reviews[0];
  assert.equal(answerFor(review, "referral", "judgement").response, "yes");
  assert.equal(judgementFor(review, "referral").response, "no");
  assert.equal(countAnswers(review), 2);
  const back = parseSaved(serialize(data));
  assert.equal(back.damaged, false);
  assert.equal(judgementFor(back.data.reviews[0], "referral").notes, "late");
  data = setJudgement(data, "r1", "referral", { response: "", notes: "" }, T2);
  assert.equal(judgementFor(data.reviews[0], "referral"), null, "cleared, it is gone");
});

test("saved data from before judgements reads; damaged judgements are reported", () => {
  const review = { id: "r1", name: "A", created: T0, updated: T0, answers: {} };
  assert.equal(parseSaved(JSON.stringify({ version: 1, current: "r1", reviews: [review] })).damaged, false);
  const bad = { ...review, judgements: { referral: { response: "maybe", notes: "", questionText: "", updated: T0 } } };
  assert.equal(parseSaved(JSON.stringify({ version: 1, current: "r1", reviews: [bad] })).damaged, true);
});

test("the summary counts judgements per stage and overall, and lists Partly and No markers for the board", () => {
  let data = withCurrentReview(emptyData(), T0, "r1");
  data = setJudgement(data, "r1", "referral", { response: "partly" }, T1);
  data = setJudgement(data, "r1", "improvement-action", { response: "yes" }, T1);
  const sum = summarise(data.reviews[0], FRAMEWORK);
  assert.equal(sum.judged, 2);
  assert.equal(sum.markerCount, 2);
  assert.equal(sum.judgements.partly, 1);
  assert.equal(sum.stages[0].markers[0].judgement.response, "partly");
  const points = answersNeedingDiscussion(data.reviews[0], FRAMEWORK);
  assert.deepEqual(points.map((p) => [p.kind, p.marker.id]), [["judgement", "referral"]]);
});

test("a rename to a name in use is refused", () => {
  let data = addReview(withCurrentReview(emptyData(), T0, "r1"), "Child H", T1, "r2");
  assert.equal(nameInUse(data, "r1", " Child  H "), true);
  assert.equal(nameInUse(data, "r2", "Child H"), false, "its own name is not taken");
  assert.equal(renameReview(data, "r1", "Child H", T2), data);
});
