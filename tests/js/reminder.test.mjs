// The reminder to download a copy (summary page): the last JSON download is kept with the
// review, older saved data without it still loads, and the reminder comes when an answer or
// judgement changed after the last download has stayed only in this browser for over a week.
import assert from "node:assert/strict";
import test from "node:test";

import { emptyData, parseSaved, serialize, setAnswer, setJudgement, withCurrentReview } from "../../docs/assets/js/review.mjs";
import { downloadDue, markDownloaded } from "../../docs/assets/js/reviews.mjs";

const DAY = 24 * 60 * 60 * 1000;
const at = (days) => new Date(Date.parse("2026-03-01T10:00:00.000Z") + days * DAY).toISOString();
const MARKER = "improvement-action";

function reviewWith(answeredOn, downloadedOn) {
  let data = withCurrentReview(emptyData(), at(0), "r1");
  data = setAnswer(data, "r1", MARKER, "time-given", { response: "no", questionText: "Q?", contentVersion: "1" }, at(answeredOn));
  if (downloadedOn !== undefined) data = markDownloaded(data, "r1", at(downloadedOn));
  return data;
}

test("the last JSON download is kept with the review, and is saved and read back", () => {
  const data = reviewWith(1, 2);
  assert.equal(data.reviews[0].downloaded, at(2));
  assert.equal(data.reviews[0].updated, at(1), "a download changes no answer");
  const { data: read, damaged } = parseSaved(serialize(data));
  assert.equal(damaged, false);
  assert.equal(read.reviews[0].downloaded, at(2));
});

test("saved data from before downloads were recorded still loads, without damage", () => {
  const old = serialize(reviewWith(1));
  assert.ok(!old.includes("downloaded"));
  const { data, damaged } = parseSaved(old);
  assert.equal(damaged, false);
  assert.equal(data.reviews[0].answers[MARKER]["time-given"].response, "no");
  assert.equal("downloaded" in data.reviews[0], false);
});

test("a download time that is not a time is left out, and nothing else is lost", () => {
  const saved = JSON.parse(serialize(reviewWith(1)));
  saved.reviews[0].downloaded = "yesterday";
  const { data } = parseSaved(JSON.stringify(saved));
  assert.equal("downloaded" in data.reviews[0], false);
  assert.equal(data.reviews[0].answers[MARKER]["time-given"].response, "no");
});

test("no reminder for a review with no answers, or answers less than a week old", () => {
  assert.equal(downloadDue(withCurrentReview(emptyData(), at(0), "r1").reviews[0], at(30)), false);
  assert.equal(downloadDue(reviewWith(1).reviews[0], at(7)), false);
});

test("a reminder for answers over a week old that were never downloaded", () => {
  assert.equal(downloadDue(reviewWith(1).reviews[0], at(8.5)), true);
});

test("no reminder when every answer is in the last download, however old", () => {
  assert.equal(downloadDue(reviewWith(1, 2).reviews[0], at(60)), false);
});

test("a reminder when an answer changed after the last download is over a week old", () => {
  let data = reviewWith(1, 2);
  data = setAnswer(data, "r1", MARKER, "clear-leadership", { response: "yes", questionText: "Q?" }, at(3));
  assert.equal(downloadDue(data.reviews[0], at(9)), false, "changed 6 days ago");
  assert.equal(downloadDue(data.reviews[0], at(10.5)), true, "changed 7.5 days ago");
  assert.equal(downloadDue(markDownloaded(data, "r1", at(10.5)).reviews[0], at(30)), false, "downloaded again");
});

test("judgements count as answers", () => {
  let data = reviewWith(1, 2);
  data = setJudgement(data, "r1", "referral", { response: "partly" }, at(3));
  assert.equal(downloadDue(data.reviews[0], at(11)), true);
});
