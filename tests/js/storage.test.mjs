import assert from "node:assert/strict";
import test from "node:test";

import { openSession, setAnswer } from "../../docs/assets/js/state.mjs";
import { MemoryStorage, T0, T1 } from "./fixtures.mjs";

const PREFIX = "scr-qm:/site/:";
const KEY = `${PREFIX}data`;
let ids = 0;
const options = { now: () => T0, makeId: () => `r${(ids += 1)}` };
const answer = (session, notes) => session.update((d) =>
  setAnswer(d, d.current, "improvement-action", "time-given", { response: "no", notes, questionText: "Q?" }, T1));
const open = (storage) => openSession(() => storage, PREFIX, options);

test("a first visit starts and saves a review", () => {
  const storage = new MemoryStorage();
  const session = open(storage);
  assert.equal(session.problem(), "");
  assert.equal(JSON.parse(storage.getItem(KEY)).reviews.length, 1);
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
  const b = open(storage);
  a.update((d) => setAnswer(d, d.current, "improvement-action", "time-given", { response: "no", questionText: "Q?" }, T1));
  b.update((d) => setAnswer(d, d.current, "improvement-action", "clear-leadership", { response: "yes", questionText: "Q?" }, T1));
  const answers = open(storage).review().answers["improvement-action"];
  assert.deepEqual(Object.keys(answers).sort(), ["clear-leadership", "time-given"]);
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
  assert.ok(session.clearAll());
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
  assert.deepEqual(session.review().answers, {});
  assert.deepEqual([...storage.map.keys()], [KEY]);
});
