// The checklist on a marker page, and the loader of the "My self-assessment" page's code
// (summary-page.mjs, imported only there). Runs once per full load, so listeners are bound
// once and each page (instant navigation: `document$`) is set up idempotently.
// Logic lives apart from the DOM: review.mjs (the data), store.mjs (saving), merge.mjs.

import { BOTH_KEPT, announce, baseOf, goneMessage, h, part, setBase, showText, showSessionProblem } from "./dom.mjs";
import { mergeText } from "./merge.mjs";
import {
  JUDGEMENT_QUESTION, RESPONSES, answerFor, clean, findReview, judgementFor, progress, responseLabel, setAnswer, setJudgement,
  wordingChanged,
} from "./review.mjs";
import { openSession } from "./store.mjs";

const LIST = "ol.scr-questions[data-marker]";
// This file is <site>/assets/js/self-assessment.mjs, wherever the site is published.
const site = new URL("../../", import.meta.url);
let session = null; // opened by the first page that needs it
// The code of the pages that need more than the checklist, loaded only there.
const PAGES = [
  { root: "#scr-summary", load: () => import("./summary-page.mjs") },
  { root: "#scr-compare", load: () => import("./compare-page.mjs") },
  { root: "#scr-papers", load: () => import("./papers-page.mjs") },
];
let shown = null; // the id of the review the page shows: answers typed here go to it

function refresh() {
  const notice = session.takeNotice();
  refreshChecklists(notice);
  for (const p of PAGES) p.code?.then((m) => m.show(notice), () => {});
}

// A marker page's checklist: a head (privacy note, review, progress, warnings, print), each
// question of the page's list as a group of radio buttons and a notes box, and the marker's
// overall judgement in its slot (`.scr-judgement`), on every marker page.

// The head is in the page (macros/pages/markers.py): here it is shown and joined by the questions.
function checklistBox(head, version) {
  const box = h("div", { class: "scr-checklist", "data-marker": head.dataset.marker, "data-content-version": version });
  head.before(box);
  head.hidden = false;
  box.append(head);
  return box;
}

// The inside of one question's group, or of the judgement's: the same words and controls.
// `hints`: the help text, from the page.
const group = (id, legend, hints, ...extra) => h("fieldset", { "aria-describedby": id + "-hint" },
  h("legend", {}, legend),
  ...extra,
  h("p", { class: "scr-changed", "data-scr": "changed" }),
  h("div", { class: "scr-responses scr-noprint" },
    RESPONSES.map((r) => h("label", {}, h("input", { type: "radio", name: id, value: r.value }), r.label)),
    h("button", { type: "button", class: "md-button scr-clear", "data-scr-action": "clear" }, "Clear response")),
  h("p", { class: "scr-hint scr-noprint", id: id + "-hint" }, hints.hint),
  h("p", { class: "scr-print", "data-scr": "response" }),
  h("label", { for: id + "-notes" }, "Notes and evidence"),
  h("p", { class: "scr-hint scr-noprint", id: id + "-notes-hint" }, hints.notesHint),
  h("textarea", { id: id + "-notes", rows: "3", "data-scr": "notes", "aria-describedby": id + "-notes-hint" }),
  h("p", { class: "scr-print scr-notes", "data-scr": "print-notes" }),
  h("p", { class: "scr-status", role: "status", "data-scr": "status" }));

function buildChecklist(list) {
  list.dataset.scrReady = "1";
  const marker = list.dataset.marker;
  checklistBox(list.previousElementSibling, list.dataset.contentVersion).append(list);
  for (const li of list.querySelectorAll("li[data-question]")) {
    li.dataset.text = clean(li.textContent);
    li.replaceChildren(group(`scr-${marker}-${li.dataset.question}`, li.dataset.text, list.dataset));
  }
}

function buildJudgement(slot) {
  slot.dataset.scrReady = "1";
  const marker = slot.dataset.marker;
  const judgement = h("div", { class: "scr-judgement-group", "data-judgement": marker },
    group(`scr-${marker}-judgement`, JUDGEMENT_QUESTION, slot.dataset, slot.dataset.questions > 0 && h("p", { class: "scr-tally", "data-scr": "tally" })));
  const head = slot.previousElementSibling;
  // A marker without questions has no checklist above: its head is just before the judgement.
  if (head?.classList.contains("scr-checklist-head")) checklistBox(head, slot.dataset.contentVersion).append(slot);
  else slot.classList.add("scr-checklist"); // styled as the questions are
  slot.replaceChildren(judgement);
}

const tallyText = (responses) => RESPONSES.map((r) => `${responses.filter((x) => x === r.value).length} ${r.label}`).join(", ");
const questionsOf = (marker) => [...document.querySelectorAll(`[data-marker="${CSS.escape(marker)}"] li[data-question]`)];

function refreshChecklists(notice) {
  const review = session.review();
  // After a switch of review every field changes, even the one being typed in.
  const switched = shown !== review.id;
  shown = review.id;
  const show = (item, answer) => {
    const notes = answer?.notes ?? "";
    for (const radio of item.querySelectorAll("input[type=radio]")) radio.checked = radio.value === answer?.response;
    if (showText(part(item, "notes"), notes, switched)) announce(part(item, "status"), BOTH_KEPT);
    grow(part(item, "notes"));
    part(item, "response").textContent = "Response: " + (responseLabel(answer?.response) || "not answered");
    part(item, "print-notes").textContent = notes;
  };
  for (const head of document.querySelectorAll(".scr-checklist > .scr-checklist-head")) {
    const marker = head.dataset.marker;
    part(head, "name").textContent = review.name;
    showSessionProblem(part(head, "problem"), session.problem());
    if (notice) announce(part(head, "notice"), goneMessage(notice, review.name));
    const items = questionsOf(marker);
    const { answered, total } = progress(review, marker, items.map((li) => li.dataset.question));
    const judged = responseLabel(judgementFor(review, marker)?.response);
    part(head, "progress").textContent = (items.length ? `${answered} of ${total} questions answered. ` : "") +
      (judged ? `Your judgement on this marker: ${judged}.` : "This marker is not judged yet.");
    for (const li of items) {
      const answer = answerFor(review, marker, li.dataset.question);
      show(li, answer);
      part(li, "changed").textContent = wordingChanged(answer, li.dataset.text)
        ? `The wording of this question has changed since you answered it. You answered: “${clean(answer.questionText)}”` : "";
    }
  }
  for (const item of document.querySelectorAll("[data-judgement]")) {
    const marker = item.dataset.judgement;
    show(item, judgementFor(review, marker));
    const tally = part(item, "tally");
    const responses = questionsOf(marker).map((li) => answerFor(review, marker, li.dataset.question)?.response);
    if (tally) tally.textContent = `Your answers to this marker's ${responses.length} questions: ${tallyText(responses)}.`;
  }
}

// Without `field-sizing` in CSS (WebKit), the notes box grows with its text here.
const grow = (box) => CSS.supports("field-sizing", "content") || ((box.style.height = ""), (box.style.height = box.scrollHeight + 4 + "px"));

/** Save a response or notes, of a question or of the marker's judgement, in the review the page shows. */
function record(control, change) {
  const judgement = control.closest("[data-judgement]");
  const item = judgement ?? control.closest("li[data-question]");
  const marker = judgement ? judgement.dataset.judgement : control.closest(".scr-checklist").dataset.marker;
  const version = control.closest("[data-content-version]").dataset.contentVersion;
  const question = item.dataset.question;
  const reviewId = shown;
  const typing = control.dataset.scr === "notes";
  const [base, mine] = [typing && baseOf(control), control.value];
  const current = (review) => (judgement ? judgementFor(review, marker) : answerFor(review, marker, question));
  let conflict = false;
  const status = part(item, "status");
  const say = (saved) => {
    if (typing) refresh(); // a failed save shows its warning
    announce(status, !findReview(session.data, reviewId) ? "Not saved: the review was deleted in another tab."
      : conflict ? BOTH_KEPT : saved ? "Saved" : "Not saved: see the warning above", typing ? 700 : 0);
  };
  // Typing is saved after a pause, and confirmed then: until then the status says nothing.
  if (typing) {
    clearTimeout(status.timer);
    status.textContent = "";
  }
  const saved = session.update((data) => {
    if (typing) {
      // Another tab may have changed these notes since this page last showed them: keep both.
      const theirs = current(findReview(data, reviewId))?.notes ?? "";
      const merged = mergeText(base, mine, theirs);
      [change, conflict] = [{ notes: merged.text }, merged.conflict];
    }
    const now = session.now();
    return judgement ? setJudgement(data, reviewId, marker, { ...change, contentVersion: version }, now)
      : setAnswer(data, reviewId, marker, question, { ...change, questionText: item.dataset.text, contentVersion: version }, now);
  }, undefined, typing ? say : undefined);
  if (typing) setBase(control, mine);
  refresh();
  if (!typing) say(saved);
}

document.addEventListener("change", (e) => {
  if (e.target.type === "radio" && e.target.closest(".scr-checklist")) record(e.target, { response: e.target.value });
});
// Typing waiting for a pause is saved when the page is left or hidden.
addEventListener("pagehide", () => session?.saveWaiting());
document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && session?.saveWaiting());
document.addEventListener("input", (e) => {
  // Recorded at every keystroke, so nothing typed is lost.
  if (e.target.dataset.scr === "notes") record(e.target, {}), grow(e.target);
});
document.addEventListener("click", (e) => {
  const action = e.target.closest?.("[data-scr-action]")?.dataset.scrAction;
  if (action === "clear") record(e.target, { response: "" });
  else if (action === "print") print();
});
// Material's one-key shortcuts (n, p: next, previous page) would act on a focused radio button.
document.addEventListener("keydown", (e) => {
  if (e.key.length === 1 && e.target.closest?.([".scr-checklist", ...PAGES.map((p) => p.root)].join())) e.stopPropagation();
});

function onPage() {
  if (!Object.hasOwn) return; // too old a browser (README): the page stays plain
  const pages = PAGES.filter((p) => document.querySelector(p.root));
  if (!pages.length && !document.querySelector(LIST + ", .scr-judgement")) return;
  if (!session) {
    // Keys start with the site's path, so two sites on one host keep their answers apart.
    session = openSession(() => localStorage, `scr-qm:${site.pathname}:`);
    // Another tab saved: show its changes here too.
    addEventListener("storage", (e) => session.owns(e.key) && (session.load(), refresh()));
  }
  for (const list of document.querySelectorAll(LIST)) if (!list.dataset.scrReady) buildChecklist(list);
  for (const slot of document.querySelectorAll(".scr-judgement:not([data-scr-ready])")) buildJudgement(slot);
  // Shown only where the checklist works.
  for (const el of document.querySelectorAll("[data-scr-show]")) el.hidden = false;
  for (const p of pages) {
    const root = document.querySelector(p.root);
    if (root.dataset.scrReady) continue;
    root.dataset.scrReady = "1";
    // If its code or data cannot be fetched, it says so above its note for readers without JavaScript.
    p.code ??= p.load();
    p.code.then((m) => m.start(session, refresh)).catch(() => {
      p.code = null; // tried again on the next visit
      for (const el of document.querySelectorAll("[data-scr-load-problem]")) el.hidden = false;
    });
  }
  refresh();
}

// Both, as onPage is idempotent: from file:// (the offline copy) Material's document$ never
// emits while instant navigation is configured, and without Material there is none.
window.document$?.subscribe(onPage);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
