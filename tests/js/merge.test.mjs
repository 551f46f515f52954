import assert from "node:assert/strict";
import test from "node:test";

import { change, mergeText, moveCaret } from "../../docs/assets/js/merge.mjs";

test("a change is the one stretch that differs", () => {
  assert.deepEqual(change("the cat sat", "the black cat sat"), { start: 4, end: 4, inserted: "black " });
  assert.deepEqual(change("aaa", "aa"), { start: 2, end: 3, inserted: "" });
  assert.deepEqual(change("same", "same"), { start: 4, end: 4, inserted: "" });
});

test("when only one side changed, that side wins", () => {
  assert.equal(mergeText("a", "ab", "a").text, "ab");
  assert.equal(mergeText("a", "a", "ab").text, "ab");
  assert.equal(mergeText("a", "ab", "ab").text, "ab");
});

test("changes to different places are both kept, in place", () => {
  const merged = mergeText("Chair opened. Health absent.", "Chair opened late. Health absent.", "Chair opened. Health absent. Police sent apologies.");
  assert.deepEqual(merged.text, "Chair opened late. Health absent. Police sent apologies.");
  assert.equal(merged.conflict, false);
  assert.equal(mergeText("one two", "ONE two", "one TWO").text, "ONE TWO");
});

test("two tabs typing at the same place keep both words, theirs first", () => {
  const merged = mergeText("Minutes:", "Minutes: mine", "Minutes: theirs");
  assert.equal(merged.text, "Minutes: theirs mine");
  assert.equal(merged.conflict, false);
});

test("rewriting the same words in two tabs keeps both versions and says so", () => {
  const merged = mergeText("Action owner: Ann", "Action owner: Bob", "Action owner: Cy");
  assert.equal(merged.text, "Action owner: Cy Bob");
  assert.equal(merged.conflict, true);
  const deleted = mergeText("keep this sentence", "keep", "keep this long sentence");
  assert.ok(deleted.text.includes("long"), "their new words survive my deletion");
  assert.equal(deleted.conflict, true);
});

test("no character of either side is lost, whatever the edits", () => {
  const words = (s) => s.split(/\s+/).filter(Boolean);
  const base = "alpha beta gamma delta";
  for (const [mine, theirs] of [["alpha beta gamma delta epsilon", "zero alpha beta gamma delta"],
    ["alpha BETA gamma delta", "alpha bet gamma delta"], ["", "alpha beta gamma delta omega"]]) {
    const { text } = mergeText(base, mine, theirs);
    for (const w of words(mine).concat(words(theirs)).filter((w) => !base.includes(w))) assert.ok(text.includes(w), `${w} in ${text}`);
  }
});

test("the caret stays with the user's words", () => {
  const merged = mergeText("abc", "abcX", "Zabc");
  assert.equal(merged.text, "ZabcX");
  assert.equal(moveCaret(4, merged.theirs), 5, "after my X, shifted by their Z");
  const after = mergeText("abc", "aXbc", "abcZ");
  assert.equal(after.text, "aXbcZ");
  assert.equal(moveCaret(2, after.theirs), 2, "their words after the caret do not move it");
  const end = mergeText("abc", "abc", "abcZ");
  assert.equal(moveCaret(3, end.theirs), 4, "typing at the end goes on after their words");
});
