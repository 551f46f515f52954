// Managing the saved reviews, no DOM: what the "My self-assessment" page does to the list
// (rename, delete, count) and to a review's meeting details. Apart from review.mjs, which
// every marker page loads, because only that page needs these.

import { clean, mapReview, own, put } from "./review.mjs";

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Another review already called `name`: names tell reviews apart in lists and dialogs. */
export const nameInUse = (data, id, name) => data.reviews.some((r) => r.id !== id && r.name === clean(name));

export const renameReview = (data, id, name, now) =>
  clean(name) && !nameInUse(data, id, name) ? mapReview(data, id, (r) => ({ ...r, name: clean(name), updated: now })) : data;

export function deleteReview(data, id) {
  const reviews = data.reviews.filter((r) => r.id !== id);
  return { ...data, reviews, current: data.current === id ? (reviews[0]?.id ?? null) : data.current };
}

/** A review's meeting details (for the papers) are texts by field name. */
export const meetingDetail = (review, name) => own(review?.meeting, name) ?? "";

export const setMeetingDetail = (data, reviewId, name, value) =>
  mapReview(data, reviewId, (review) => ({ ...review, meeting: put(review.meeting, name, value) }));

/** Answers and judgements given or noted in a review. */
export const countAnswers = (review) =>
  Object.values(review.answers).reduce((n, a) => n + Object.keys(a).length, 0) + Object.keys(review.judgements ?? {}).length;

/** The review with the time of its latest JSON download (its `updated` is left alone: a
 * download changes no answer). */
export const markDownloaded = (data, id, now) => mapReview(data, id, (r) => ({ ...r, downloaded: now }));

/**
 * Whether to remind the user to download a copy: an answer or judgement changed after the
 * review's last JSON download (or it has none) has stayed only in this browser for more than
 * a week.
 */
export function downloadDue(review, now) {
  const since = Date.parse(review.downloaded ?? "") || 0;
  const answers = [...Object.values(review.answers).flatMap(Object.values), ...Object.values(review.judgements ?? {})];
  return answers.some((a) => Date.parse(a.updated) > since && Date.parse(now) - Date.parse(a.updated) > WEEK);
}
