// The checklist on a marker page, and the loader of the "My self-assessment" page's code
// (summary-page.mjs, imported only there). Runs once per full load, so listeners are bound
// once and each page (instant navigation: `document$`) is set up idempotently.
// Logic lives apart from the DOM: review.mjs (the data), store.mjs (saving), merge.mjs.

import { BOTH_KEPT, announce, baseOf, goneMessage, h, part, setBase, showProblem, showText, PROBLEMS } from "./dom.mjs";
import { mergeText } from "./merge.mjs";
import { RESPONSES, answerFor, clean, findReview, progress, responseLabel, setAnswer, wordingChanged } from "./review.mjs";
import { openSession } from "./store.mjs";

const LIST = "ol.scr-questions[data-marker]";
const SUMMARY = "#scr-summary";
// This file is <site>/assets/js/self-assessment.mjs, wherever the site is published.
const site = new URL("../../", import.meta.url);
let session = null; // opened by the first page that needs it
let summaryPage = null; // the summary page's code, loaded by the one page that has it

function refresh() {
  const notice = session.takeNotice();
  refreshChecklists(notice);
  summaryPage?.then((m) => m.refreshSummary(notice), () => {});
}

// Each question of the page's list becomes a group of radio buttons and a notes box.
function buildChecklist(list) {
  list.dataset.scrReady = "1";
  const marker = list.dataset.marker;
  const box = h("div", { class: "scr-checklist", "data-marker": marker, "data-content-version": list.dataset.contentVersion });
  list.before(box);
  box.append(h("div", { class: "scr-checklist-head" },
    h("p", {}, h("strong", {}, "Your answers stay in this browser."), " They are saved on this device as you work and are never " +
      "sent anywhere. Do not record names or other details that could identify a child or family."),
    h("p", {}, "Review: ", h("strong", { "data-scr": "name" }), " ",
      // Pages end in .html where the site is built without directory URLs (the offline copy).
      h("a", { href: new URL(location.pathname.endsWith(".html") ? "self-assessment.html" : "self-assessment/", site).href,
        class: "scr-noprint" }, "Change review, see the summary, download or import")),
    h("p", { class: "scr-progress", "data-scr": "progress" }),
    h("div", { class: "scr-problem", role: "alert", "data-scr": "problem" }),
    h("p", { class: "scr-status", role: "status", "data-scr": "notice" }),
    h("button", { type: "button", class: "md-button scr-noprint", "data-scr-action": "print" }, "Print with your answers")), list);
  for (const li of list.querySelectorAll("li[data-question]")) {
    const id = `scr-${marker}-${li.dataset.question}`;
    li.dataset.text = clean(li.textContent);
    li.replaceChildren(h("fieldset", {},
      h("legend", {}, li.dataset.text),
      h("p", { class: "scr-changed", "data-scr": "changed" }),
      h("div", { class: "scr-responses scr-noprint" },
        RESPONSES.map((r) => h("label", {}, h("input", { type: "radio", name: id, value: r.value }), r.label)),
        h("button", { type: "button", class: "scr-clear", "data-scr-action": "clear" }, "Clear response")),
      h("p", { class: "scr-print", "data-scr": "response" }),
      h("label", { for: id + "-notes" }, "Notes and evidence"),
      h("textarea", { id: id + "-notes", rows: "3", "data-scr": "notes" }),
      h("p", { class: "scr-print scr-notes", "data-scr": "print-notes" }),
      h("p", { class: "scr-status", role: "status", "data-scr": "status" })));
  }
}

function refreshChecklists(notice) {
  const review = session.review();
  for (const box of document.querySelectorAll(".scr-checklist")) {
    const marker = box.dataset.marker;
    // After a switch of review every field changes, even the one being typed in.
    const switched = box.dataset.review !== review.id;
    box.dataset.review = review.id;
    part(box, "name").textContent = review.name;
    showProblem(part(box, "problem"), PROBLEMS[session.problem()]);
    if (notice) announce(part(box, "notice"), goneMessage(notice, review.name));
    const items = [...box.querySelectorAll("li[data-question]")];
    const { answered, total } = progress(review, marker, items.map((li) => li.dataset.question));
    part(box, "progress").textContent = `${answered} of ${total} questions answered`;
    for (const li of items) {
      const answer = answerFor(review, marker, li.dataset.question);
      const notes = answer?.notes ?? "";
      for (const radio of li.querySelectorAll("input")) radio.checked = radio.value === answer?.response;
      if (showText(part(li, "notes"), notes, switched)) announce(part(li, "status"), BOTH_KEPT);
      part(li, "response").textContent = "Response: " + (responseLabel(answer?.response) || "not answered");
      part(li, "print-notes").textContent = notes;
      part(li, "changed").textContent = wordingChanged(answer, li.dataset.text)
        ? `The wording of this question has changed since you answered it. You answered: “${clean(answer.questionText)}”` : "";
    }
  }
}

/** Save a response or the notes box of a question, in the review the page shows. */
function record(control, change) {
  const box = control.closest(".scr-checklist");
  const li = control.closest("li");
  const [reviewId, marker, question] = [box.dataset.review, box.dataset.marker, li.dataset.question];
  const typing = control.dataset.scr === "notes";
  const [base, mine] = [typing && baseOf(control), control.value];
  let conflict = false;
  const saved = session.update((data) => {
    if (typing) {
      // Another tab may have changed this note since this page last showed it: keep both.
      const theirs = answerFor(findReview(data, reviewId), marker, question)?.notes ?? "";
      const merged = theirs === base ? { text: mine, conflict: false } : mergeText(base, mine, theirs);
      [change, conflict] = [{ notes: merged.text }, merged.conflict];
    }
    return setAnswer(data, reviewId, marker, question,
      { ...change, questionText: li.dataset.text, contentVersion: box.dataset.contentVersion }, session.now());
  });
  if (typing) setBase(control, mine);
  const gone = !findReview(session.data, reviewId);
  refresh();
  // Typing is confirmed after a pause, so the words are not interrupted at every key.
  announce(part(li, "status"), gone ? "Not saved: the review was deleted in another tab." : conflict ? BOTH_KEPT
    : saved ? "Saved" : "Not saved: see the warning above", typing ? 1000 : 0);
}

document.addEventListener("change", (e) => {
  if (e.target.type === "radio" && e.target.closest(".scr-checklist")) record(e.target, { response: e.target.value });
});
document.addEventListener("input", (e) => {
  // Saved at every keystroke, so nothing typed is lost.
  if (e.target.dataset.scr === "notes") record(e.target, {});
});
document.addEventListener("click", (e) => {
  const action = e.target.closest?.("[data-scr-action]")?.dataset.scrAction;
  if (action === "clear") record(e.target, { response: "" });
  else if (action === "print") print();
});
// Material's one-key shortcuts (n, p: next, previous page) would act on a focused radio button.
document.addEventListener("keydown", (e) => {
  if (e.key.length === 1 && e.target.closest?.(".scr-checklist, " + SUMMARY)) e.stopPropagation();
});

function onPage() {
  const root = document.querySelector(SUMMARY);
  if (!root && !document.querySelector(LIST)) return;
  if (!session) {
    // Keys start with the site's path, so two sites on one host keep their answers apart.
    session = openSession(() => localStorage, `scr-qm:${site.pathname}:`);
    // Another tab saved: show its changes here too.
    addEventListener("storage", (e) => session.owns(e.key) && (session.load(), refresh()));
  }
  for (const list of document.querySelectorAll(LIST)) if (!list.dataset.scrReady) buildChecklist(list);
  if (root && !root.dataset.scrReady) {
    root.dataset.scrReady = "1";
    summaryPage ??= import("./summary-page.mjs");
    summaryPage.then((m) => m.start(session, refresh), () => {
      summaryPage = null; // tried again on the next visit to the page
      part(root, "load-failed").hidden = false;
    });
  }
  refresh();
}

// Both, as onPage is idempotent: from file:// (the offline copy) Material's document$ never
// emits while instant navigation is configured, and without Material there is none.
window.document$?.subscribe(onPage);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
