import assert from "node:assert/strict";
import test from "node:test";

import { addReview, setAnswer, switchReview } from "../../docs/assets/js/review.mjs";
import { deleteReview } from "../../docs/assets/js/reviews.mjs";
import { openSession } from "../../docs/assets/js/store.mjs";
import { MemoryStorage, T0, T1 } from "./fixtures.mjs";

const PREFIX = "scr-qm:/site/:";
const KEY = `${PREFIX}data`;
let ids = 0;
const options = { now: () => T0, makeId: () => `r${(ids += 1)}` };
const answer = (session, notes) => session.update((d) =>
  setAnswer(d, d.current, "improvement-action", "time-given", { response: "no", notes, questionText: "Q?" }, T1));
const open = (storage) => openSession(() => storage, PREFIX, options);

test("a first visit has a review, saved with its first answer", () => {
  const storage = new MemoryStorage();
  const session = open(storage);
  assert.equal(session.problem(), "");
  assert.equal(session.review().name, "Review started 1 March 2026");
  assert.equal(storage.getItem(KEY), null, "a visit alone leaves nothing behind");
  open(storage);
  assert.equal(storage.getItem(KEY), null);
  assert.ok(answer(session, "hello"));
  assert.equal(open(storage).review().answers["improvement-action"]["time-given"].notes, "hello");
});

test("keys of other sites on the same host are left alone", () => {
  const storage = new MemoryStorage({ "scr-qm:/other/:data": "theirs", unrelated: "x" });
  const session = open(storage);
  session.clearAll();
  assert.equal(storage.getItem("scr-qm:/other/:data"), "theirs");
  assert.equal(storage.getItem("unrelated"), "x");
});

test("each change is applied to the latest saved data, so two tabs do not undo each other", () => {
  const storage = new MemoryStorage();
  const a = open(storage);
  a.update((d) => setAnswer(d, d.current, "improvement-action", "time-given", { response: "no", questionText: "Q?" }, T1));
  const b = open(storage);
  a.update((d) => setAnswer(d, d.current, "improvement-action", "time-given", { notes: "after B opened", questionText: "Q?" }, T1));
  b.update((d) => setAnswer(d, d.current, "improvement-action", "clear-leadership", { response: "yes", questionText: "Q?" }, T1));
  const answers = open(storage).review().answers["improvement-action"];
  assert.deepEqual(Object.keys(answers).sort(), ["clear-leadership", "time-given"]);
  assert.equal(answers["time-given"].notes, "after B opened", "B did not save its older copy over A's change");
});

test("damaged data is kept aside unchanged before anything is saved", () => {
  const storage = new MemoryStorage({ [KEY]: "{damaged" });
  const session = open(storage);
  assert.equal(session.problem(), "damaged");
  const copies = session.asideCopies();
  assert.equal(copies.length, 1);
  assert.equal(copies[0].text, "{damaged");
  assert.equal(copies[0].saved, T0);
  assert.ok(answer(session, "new work"), "the page keeps working");
  assert.equal(storage.getItem(`${PREFIX}damaged:${T0}`), "{damaged");
});

test("damaged data that cannot be kept aside is never saved over", () => {
  const storage = new MemoryStorage({ [KEY]: "{damaged" });
  storage.fail = "full";
  const session = open(storage);
  assert.equal(session.problem(), "damagedNotKept");
  storage.fail = null;
  assert.equal(answer(session, "kept in memory"), false);
  assert.equal(session.review().answers["improvement-action"]["time-given"].notes, "kept in memory");
  assert.equal(storage.getItem(KEY), "{damaged");
});

test("data from a newer version is not saved over", () => {
  const newer = JSON.stringify({ version: 9, reviews: [] });
  const storage = new MemoryStorage({ [KEY]: newer });
  const session = open(storage);
  assert.equal(session.problem(), "newer");
  assert.equal(answer(session, "x"), false);
  assert.equal(storage.getItem(KEY), newer);
});

test("unavailable storage: the session works in memory and says so", () => {
  const session = openSession(() => { throw new Error("SecurityError"); }, PREFIX, options);
  assert.equal(session.problem(), "unavailable");
  assert.equal(answer(session, "in memory"), false);
  assert.equal(session.review().answers["improvement-action"]["time-given"].notes, "in memory");
  assert.equal(session.clearAll(), false, "nothing could be cleared");
  assert.deepEqual(Object.keys(session.review().answers), [], "but the page starts again");
});

test("a full store keeps the old saved data and the new change in memory, then catches up", () => {
  const storage = new MemoryStorage();
  const session = open(storage);
  answer(session, "saved");
  storage.fail = "full";
  assert.equal(answer(session, "saved and more"), false);
  assert.equal(session.problem(), "full");
  assert.equal(JSON.parse(storage.getItem(KEY)).reviews[0].answers["improvement-action"]["time-given"].notes, "saved");
  assert.equal(session.review().answers["improvement-action"]["time-given"].notes, "saved and more");
  storage.fail = null;
  assert.ok(session.update((d) => d));
  assert.equal(session.problem(), "");
  assert.equal(JSON.parse(storage.getItem(KEY)).reviews[0].answers["improvement-action"]["time-given"].notes, "saved and more");
});

test("clear all removes this site's data, copies aside included, and starts again", () => {
  const storage = new MemoryStorage({ [KEY]: "{damaged" });
  const session = open(storage);
  answer(session, "x");
  assert.ok(session.clearAll());
  assert.deepEqual(session.asideCopies(), []);
  assert.equal(session.problem(), "");
  assert.deepEqual(Object.keys(session.review().answers), []);
  assert.deepEqual([...storage.map.keys()], [KEY]);
});

// Two tabs share localStorage but each has its own sessionStorage.
const tab = (storage, tabStorage = new MemoryStorage(), more = {}) =>
  openSession(() => storage, PREFIX, { ...options, getTabStorage: () => tabStorage, ...more });
const note = (session, reviewId, notes) => session.update((d) =>
  setAnswer(d, reviewId, "improvement-action", "time-given", { notes, questionText: "Q?" }, T1));
const notesIn = (storage, name) => JSON.parse(storage.getItem(KEY)).reviews.find((r) => r.name === name)
  ?.answers["improvement-action"]?.["time-given"]?.notes;

test("each tab keeps its own review: a review started in another tab does not move this one", () => {
  const storage = new MemoryStorage();
  const a = tab(storage);
  const mine = a.review();
  note(a, mine.id, "first words");
  const b = tab(storage);
  assert.equal(b.review().id, mine.id, "a new tab starts where the last one was");
  const other = b.makeId();
  b.update((d) => addReview(d, "Other", T1, other), other);
  assert.equal(b.review().name, "Other");
  a.load();
  assert.equal(a.review().id, mine.id, "tab A still works on its review");
  note(a, a.review().id, "typed in A");
  assert.equal(notesIn(storage, mine.name), "typed in A");
  assert.equal(notesIn(storage, "Other"), undefined);
  assert.equal(tab(storage).review().name, "Other", "the review chosen last is where a new tab starts");
});

test("a reload keeps the tab's review", () => {
  const storage = new MemoryStorage();
  const tabStorage = new MemoryStorage();
  const a = tab(storage, tabStorage);
  const second = a.makeId();
  a.update((d) => addReview(d, "Second", T1, second), second);
  tab(storage).update((d) => switchReview(d, d.reviews[0].id), null);
  assert.equal(tab(storage, tabStorage).review().name, "Second");
});

test("a tab whose review is deleted elsewhere says so once and moves to another", () => {
  const storage = new MemoryStorage();
  const a = tab(storage);
  const keep = a.makeId();
  a.update((d) => addReview(d, "Keep", T1, keep));
  const doomed = a.makeId();
  a.update((d) => addReview(d, "Doomed", T1, doomed), doomed);
  const b = tab(storage);
  b.update((d) => deleteReview(d, doomed));
  a.load();
  assert.deepEqual(a.takeNotice(), { deleted: "Doomed", cleared: false });
  assert.equal(a.takeNotice(), null);
  assert.notEqual(a.review().id, doomed);
  assert.equal(note(a, doomed, "late keystroke"), true);
  assert.ok(!JSON.stringify(JSON.parse(storage.getItem(KEY))).includes("late keystroke"), "never saved into another review");
});

test("deleting your own review is not news", () => {
  const storage = new MemoryStorage();
  const a = tab(storage);
  const id = a.review().id;
  a.update((d) => deleteReview(d, id));
  assert.equal(a.takeNotice(), null);
  assert.notEqual(a.review().id, id);
});

test("full storage and two tabs: making room saves this tab's changes over the latest, not a stale copy", () => {
  const storage = new MemoryStorage();
  const a = tab(storage);
  const b = tab(storage);
  const spare = a.makeId();
  a.update((d) => addReview(d, "Spare", T1, spare));
  const shared = a.review().id; // saved with A's first change
  b.load();
  storage.fail = "full";
  assert.equal(note(a, shared, "typed in A while full"), false);
  assert.equal(a.problem(), "full");
  storage.fail = null;
  note(b, shared, "saved in B"); // B had room (say, after a smaller write)
  b.update((d) => setAnswer(d, shared, "improvement-action", "clear-leadership", { response: "yes", questionText: "Q?" }, T1));
  a.update((d) => deleteReview(d, spare)); // the advice: delete a review to make room
  const saved = JSON.parse(storage.getItem(KEY));
  const answers = saved.reviews.find((r) => r.id === shared).answers["improvement-action"];
  assert.equal(answers["clear-leadership"].response, "yes", "B's answer survives A's save");
  assert.ok(["typed in A while full", "saved in B"].includes(answers["time-given"].notes));
  assert.equal(saved.reviews.some((r) => r.id === spare), false);
  assert.equal(a.problem(), "");
});

test("a store that can be read but not written shows the saved reviews, read-only", () => {
  const storage = new MemoryStorage();
  const first = tab(storage);
  note(first, first.review().id, "saved earlier");
  storage.fail = "denied";
  const session = tab(storage);
  assert.equal(session.problem(), "unavailable");
  assert.equal(session.review().answers["improvement-action"]["time-given"].notes, "saved earlier");
  assert.equal(note(session, session.review().id, "kept in memory"), false);
  assert.equal(session.review().answers["improvement-action"]["time-given"].notes, "kept in memory");
  assert.equal(notesIn(storage, first.review().name), "saved earlier");
});

test("ids that are Object.prototype names are ordinary ids", () => {
  const storage = new MemoryStorage();
  const session = tab(storage);
  for (const id of ["constructor", "to-string", "has-own-property", "value-of"]) {
    session.update((d) => setAnswer(d, d.reviews[0].id, "constructor", id, { response: "no", notes: id, questionText: "Q?" }, T1));
    session.update((d) => setAnswer(d, d.reviews[0].id, id, "constructor", { response: "yes", questionText: "Q?" }, T1));
  }
  const again = tab(storage);
  assert.equal(again.problem(), "", "nothing looks damaged on reload");
  const answers = again.review().answers;
  assert.equal(answers.constructor.constructor.response, "yes");
  assert.equal(answers.constructor["has-own-property"].notes, "has-own-property");
  assert.deepEqual(Object.keys(answers).sort(), ["constructor", "has-own-property", "to-string", "value-of"]);
  assert.deepEqual(again.asideCopies(), []);
});

test("two new tabs typing before either has saved each keep their own words", () => {
  const storage = new MemoryStorage();
  const a = tab(storage);
  const b = tab(storage);
  const typedIn = b.review().id; // tab B's page shows its own new review
  note(a, a.review().id, "from A");
  assert.equal(note(b, typedIn, "from B"), true, "B typed before it heard of A's review");
  const saved = JSON.parse(storage.getItem(KEY)).reviews.map((r) => r.answers["improvement-action"]["time-given"].notes);
  assert.deepEqual(saved.sort(), ["from A", "from B"]);
});

test("a new tab that has not been typed in follows the review another new tab saved", () => {
  const storage = new MemoryStorage();
  const a = tab(storage);
  const b = tab(storage);
  note(a, a.review().id, "from A");
  b.load();
  assert.equal(b.review().id, a.review().id);
  assert.equal(b.takeNotice(), null);
  assert.equal(JSON.parse(storage.getItem(KEY)).reviews.length, 1);
});

test("typing is saved after a pause, on top of another tab's work, and told when saved", async () => {
  const storage = new MemoryStorage();
  const a = openSession(() => storage, PREFIX, { ...options, saveDelay: 20 });
  answer(a, "");
  const b = open(storage); // on the same review
  const results = [];
  const type = (notes) => a.update((d) => setAnswer(d, d.current, "improvement-action", "time-given", { notes, questionText: "Q?" }, T1),
    undefined, (saved) => results.push(saved));
  assert.equal(type("Th"), undefined);
  type("The plan");
  assert.equal(a.review().answers["improvement-action"]["time-given"].notes, "The plan", "the page shows it at once");
  assert.doesNotMatch(storage.getItem(KEY), /The plan/, "not written at each key");
  // Another tab saves meanwhile; this tab hears of it, and its typing is replayed on top.
  b.update((d) => setAnswer(d, d.current, "improvement-action", "clear-leadership", { response: "yes", questionText: "Q?" }, T1));
  a.load();
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.deepEqual(results, [true, true]);
  const answers = open(storage).review().answers["improvement-action"];
  assert.equal(answers["time-given"].notes, "The plan");
  assert.equal(answers["clear-leadership"].response, "yes");
});

test("a waiting save is made at once when asked (the page is left) or with the next immediate change", () => {
  const storage = new MemoryStorage();
  const a = openSession(() => storage, PREFIX, { ...options, saveDelay: 60_000 });
  const told = [];
  a.update((d) => setAnswer(d, d.current, "improvement-action", "time-given", { notes: "typed", questionText: "Q?" }, T1), undefined, (s) => told.push(s));
  assert.ok(a.saveWaiting());
  assert.deepEqual(told, [true]);
  assert.equal(a.saveWaiting(), false, "nothing waits: nothing is written");
  assert.equal(open(storage).review().answers["improvement-action"]["time-given"].notes, "typed");
  a.update((d) => setAnswer(d, d.current, "improvement-action", "time-given", { notes: "typed more", questionText: "Q?" }, T1), undefined, () => {});
  answer(a, "then a click");
  assert.equal(open(storage).review().answers["improvement-action"]["time-given"].notes, "then a click");
});

test("every change after a save is applied, however many come together", () => {
  // A change that alters nothing is saved, then an import and a switch arrive as one update:
  // the page once applied only the switch, as if the import were already in.
  const storage = new MemoryStorage();
  const session = open(storage);
  answer(session, "first");
  assert.ok(session.update((d) => d));
  const id = "imported";
  assert.ok(session.update((d) => addReview(d, "From a file", T1, id), id));
  assert.equal(session.review().name, "From a file");
  assert.equal(open(storage).data.reviews.length, 2);
});

test("typing applies each key once: the page's data grows by one change at a time", () => {
  const storage = new MemoryStorage();
  const session = openSession(() => storage, PREFIX, { ...options, saveDelay: 60_000 });
  answer(session, "");
  let runs = 0;
  for (const notes of ["a", "ab", "abc", "abcd"]) {
    session.update((d) => {
      runs += 1;
      return setAnswer(d, d.current, "improvement-action", "time-given", { notes, questionText: "Q?" }, T1);
    }, undefined, () => {});
  }
  assert.equal(runs, 4, "no key is replayed while typing waits for a pause");
  assert.equal(session.review().answers["improvement-action"]["time-given"].notes, "abcd");
  assert.ok(session.saveWaiting());
  assert.equal(open(storage).review().answers["improvement-action"]["time-given"].notes, "abcd");
});
