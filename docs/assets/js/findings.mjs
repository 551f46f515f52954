// The review report's findings and recommendations, as the user lists them for the meeting
// papers, no DOM. A review's `findings` is a list in the report's order; each change names the
// finding by its id, so it is replayed correctly on whatever another tab saved meanwhile.

import { DECISIONS, mapReview } from "./review.mjs";

export const DECISION_LABELS = ["Not decided yet", "Accepted", "Accepted in part", "Not accepted"];
export const decisionLabel = (decision) => DECISION_LABELS[DECISIONS.indexOf(decision)] ?? "";

export const findingsOf = (review) => review?.findings ?? [];

const withFindings = (data, reviewId, change, now) =>
  mapReview(data, reviewId, (review) => ({ ...review, findings: change(findingsOf(review)), updated: now }));

/** A new, empty finding at the end of the list, its reference suggested from its place. */
export const addFinding = (data, reviewId, id, now) => withFindings(data, reviewId, (list) =>
  list.some((f) => f.id === id) ? list : [...list, { id, ref: `F${list.length + 1}`, title: "", text: "", decision: "", reasons: "" }], now);

/** `change` ({ title: "…" }) applied to the finding `id`; nothing if it has been deleted. */
export const setFinding = (data, reviewId, id, change, now) =>
  withFindings(data, reviewId, (list) => list.map((f) => (f.id === id ? { ...f, ...change } : f)), now);

export const deleteFinding = (data, reviewId, id, now) =>
  withFindings(data, reviewId, (list) => list.filter((f) => f.id !== id), now);

/** The finding `id` moved `by` places (-1: up, 1: down), staying within the list. */
export function moveFinding(data, reviewId, id, by, now) {
  return withFindings(data, reviewId, (list) => {
    const from = list.findIndex((f) => f.id === id);
    const to = Math.min(list.length - 1, Math.max(0, from + by));
    if (from < 0 || from === to) return list;
    const moved = list.filter((f) => f.id !== id);
    moved.splice(to, 0, list[from]);
    return moved;
  }, now);
}

/** "F1: Help for the family came too late", or as much of it as the user has typed. */
export const findingName = (f, n) => [f.ref.trim(), f.title.trim()].filter(Boolean).join(": ") || `Finding ${n + 1} (no title yet)`;

/** Findings the plan needs a row for: all but those the board did not accept. */
export const forThePlan = (findings) => findings.filter((f) => f.decision !== "not-accepted");
