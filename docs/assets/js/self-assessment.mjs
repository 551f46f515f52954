// The checklist and the "My self-assessment" page (logic: state.mjs). Runs once per full load,
// so listeners are bound once and each page (instant navigation: `document$`) set up
// idempotently. Elements are built from text, never HTML, so what users type stays text.

import {
  MAX_IMPORT_BYTES, RESPONSES, addReview, answerFor, answersNeedingDiscussion, clean, countAnswers, deleteReview,
  exportCSV, exportFileName, exportJSON, importReview, longDate as date, openSession, progress, readExport,
  renameReview, responseLabel, setAnswer, summarise, switchReview, wordingChanged,
} from "./state.mjs";

const LIST = "ol.scr-questions[data-marker]";
const SUMMARY = "#scr-summary";
// This file is <site>/assets/js/self-assessment.mjs, wherever the site is published.
const site = new URL("../../", import.meta.url);
let session = null; // opened by the first page that needs it
let framework = null; // the stages, markers and questions, from the summary page
let pending = null; // an import read and shown, waiting for the user to confirm it
let papers = null; // the meeting papers' code, loaded by the one page that has them

// h("p", { class: "x", hidden: true }, "text", child, [more])
function h(tag, attributes, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value != null && value !== false) el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children.flat(2).filter((c) => c != null && c !== false));
  return el;
}

const part = (root, name) => root.querySelector(`[data-scr="${name}"]`);
const time = (iso) => `${date(iso)} at ${new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`;
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const tally = (counts) => RESPONSES.map((r) => `${counts[r.value] ?? 0} ${r.label}`).join(", ");
const button = (action, label, more) => h("button", { type: "button", class: "md-button", "data-scr-action": action, ...more }, label);

function download(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  h("a", { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// Emptied first, so a repeated message is announced again.
function announce(region, text, delay = 0) {
  clearTimeout(region.timer);
  region.textContent = "";
  region.timer = setTimeout(() => (region.textContent = text), delay + 50);
}

function focusOn(el) {
  el?.setAttribute("tabindex", "-1");
  el?.focus();
}

const SELF = "the “My self-assessment” page";
const ONLY_UNTIL = "your answers are kept only until you close or reload this page";
const LOCKED = "The answers saved in this browser cannot be read here (they are damaged, or from a newer version " +
  `of this site), so this page will not save over them, and ${ONLY_UNTIL}.`;
const PROBLEMS = {
  unavailable: `This browser is not letting the site save your answers (some privacy settings do this), so ${ONLY_UNTIL}. To keep them, download them from ${SELF}.`,
  full: `This browser's storage for the site is full, so changes are not being saved and ${ONLY_UNTIL}. What was saved before is safe. To make room, download and delete reviews you no longer need on ${SELF}.`,
  damaged: `Some saved answers could not be read because the saved data is damaged. Nothing was deleted: a copy is kept aside, under “Damaged data kept aside” on ${SELF}.`,
  damagedNotKept: LOCKED,
  newer: LOCKED,
};

// The alert box stays in the page, empty, so screen readers announce what appears in it.
function showProblem(box, message) {
  if (box.textContent !== (message ? "Warning: " + message : "")) {
    box.replaceChildren(...(message ? [h("strong", {}, "Warning: "), message] : []));
  }
}

function refresh() {
  refreshChecklists();
  refreshSummary();
}

// The checklist: each question of the page's list becomes a group of radio buttons and notes.

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
    button("print", "Print with your answers", { class: "md-button scr-noprint" })), list);
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

function refreshChecklists() {
  const review = session.review();
  for (const box of document.querySelectorAll(".scr-checklist")) {
    const marker = box.dataset.marker;
    // After a switch of review every field changes, even the one being typed in.
    const switched = box.dataset.review !== review.id;
    box.dataset.review = review.id;
    part(box, "name").textContent = review.name;
    showProblem(part(box, "problem"), PROBLEMS[session.problem()]);
    const items = [...box.querySelectorAll("li[data-question]")];
    const { answered, total } = progress(review, marker, items.map((li) => li.dataset.question));
    part(box, "progress").textContent = `${answered} of ${total} questions answered`;
    for (const li of items) {
      const answer = answerFor(review, marker, li.dataset.question);
      const notes = answer?.notes ?? "";
      const field = part(li, "notes");
      for (const radio of li.querySelectorAll("input")) radio.checked = radio.value === answer?.response;
      if (field.value !== notes && (switched || field !== document.activeElement)) field.value = notes;
      part(li, "response").textContent = "Response: " + (responseLabel(answer?.response) || "not answered");
      part(li, "print-notes").textContent = notes;
      part(li, "changed").textContent = wordingChanged(answer, li.dataset.text)
        ? `The wording of this question has changed since you answered it. You answered: “${clean(answer.questionText)}”` : "";
    }
  }
}

function record(control, change, delay) {
  const box = control.closest(".scr-checklist");
  const li = control.closest("li");
  // The answer goes to the review shown on the page, unless another tab has deleted it.
  const saved = session.update((data) => setAnswer(data,
    data.reviews.some((r) => r.id === box.dataset.review) ? box.dataset.review : data.current, box.dataset.marker,
    li.dataset.question, { ...change, questionText: li.dataset.text, contentVersion: box.dataset.contentVersion }, session.now()));
  refresh();
  announce(part(li, "status"), saved ? "Saved" : "Not saved: see the warning above", delay);
}

// The summary page: its HTML (macros/pages/self_assessment.py) has the headings, forms, buttons and
// data-framework (not a <script> island, which instant navigation would run as JavaScript).

function refreshSummary() {
  const root = document.querySelector(SUMMARY + "[data-scr-ready]");
  if (!root) return;
  const review = session.review();
  const sum = summarise(review, framework);
  const rename = root.querySelector("#scr-rename");
  showProblem(part(root, "problem"), PROBLEMS[session.problem()]);
  part(root, "name").textContent = review.name;
  if (rename !== document.activeElement) rename.value = review.name;
  part(root, "total").textContent = `${sum.answered} of ${plural(sum.questions, "question")} answered: ${tally(sum.counts)}. ` +
    `Started ${date(review.created)}, last changed ${time(review.updated)}.`;
  part(root, "stages").replaceChildren(...sum.stages.flatMap((stage) => [
    h("h3", { id: "stage-" + stage.id }, stage.label),
    h("p", {}, stage.questions ? `${stage.answered} of ${plural(stage.questions, "question")} answered in this stage: ${tally(stage.counts)}.`
      : "No questions on this site yet."),
    h("div", { class: "scr-table" }, h("table", { "aria-labelledby": "stage-" + stage.id },
      h("thead", {}, h("tr", {}, ["Marker", "Answered", "Responses"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, stage.markers.map((m) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: m.url }, `${m.number}. ${m.title}`)),
        m.questions ? [h("td", {}, `${m.answered} of ${m.questions}`), h("td", {}, tally(m.counts))]
          : h("td", { colspan: "2" }, "No questions on this site yet")))))),
  ]));
  const items = answersNeedingDiscussion(review, framework);
  part(root, "discuss").replaceChildren(items.length ? h("ol", { class: "scr-discuss" }, items.map(({ marker, question, answer, onSite }) => {
    const label = `Marker ${marker.title ? `${marker.number}, ${marker.title}` : `“${marker.id}”`}: ` +
      (onSite ? "question " + question.number : "a question no longer on this site");
    return h("li", {},
      h("p", {}, marker.url ? h("a", { href: marker.url + (onSite ? "#q-" + question.id : "") }, label) : label),
      h("p", { class: "scr-quote" }, question.text),
      h("p", {}, h("strong", {}, "Response: "), responseLabel(answer.response)),
      h("p", { class: "scr-notes" }, h("strong", {}, "Notes and evidence: "), answer.notes || "none"));
  })) : h("p", {}, "No question in this review is answered Partly or No."));
  // The buttons of each row look alike; their names say which review they act on.
  part(root, "reviews").replaceChildren(...session.data.reviews.map((r) => h("li", {},
    h("strong", {}, r.name), r === review ? " (the review you are working on)" : "",
    `: ${plural(countAnswers(r), "question")} answered or noted, started ${date(r.created)}. `,
    r !== review && button("switch", "Work on this review", { "data-review": r.id, "aria-label": "Work on this review: " + r.name }),
    button("delete", "Delete", { "data-review": r.id, "aria-label": "Delete the review " + r.name }))));
  const copies = session.asideCopies().length;
  part(root, "aside").hidden = !copies;
  part(root, "aside-count").textContent = plural(copies, "copy");
  (papers ??= import("./papers-ui.mjs")).then((m) => m.refreshPapers(root, session, framework), () => {
    papers = null; // try again on the next refresh
    const wait = part(root, "papers-wait");
    wait.textContent = wait.dataset.failed;
  });
}

function preview(root, { review, exported, contentVersion, count }) {
  const counts = {};
  for (const a of Object.values(review.answers).flatMap(Object.values)) counts[a.response] = (counts[a.response] ?? 0) + 1;
  const current = framework.contentVersion;
  const rows = [["Review", review.name], ["Last changed", time(review.updated)], ["Downloaded", exported && time(exported)],
    ["Answers", `${count}: ${tally(counts)}${counts[""] ? `, ${counts[""]} with notes only` : ""}`],
    ["Content version", contentVersion + (contentVersion === current ? "" : ` (this site: ${current})`)]];
  part(root, "preview-list").replaceChildren(...rows.filter((r) => r[1]).flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
  part(root, "preview").hidden = false;
  focusOn(root.querySelector("#scr-preview"));
}

function endImport(root) {
  pending = null;
  part(root, "preview").hidden = true;
  root.querySelector("#scr-import").value = "";
}

function change(root, how, done, focus) {
  const saved = session.update(how);
  refresh();
  announce(part(root, "status"), saved ? done : done + " It could not be saved: see the warning above.");
  focusOn(focus && root.querySelector(focus));
}

function onSummaryClick(el, action) {
  const root = el.closest(SUMMARY);
  const review = session.review();
  const now = session.now();
  const target = session.data.reviews.find((r) => r.id === el.dataset.review);
  if (action.startsWith("export")) {
    const json = action === "export-json";
    download(json ? exportJSON(review, framework, now) : exportCSV(review, framework),
      exportFileName(review, json ? "json" : "csv", now), json ? "application/json" : "text/csv;charset=utf-8");
  } else if (action === "switch") {
    change(root, (d) => switchReview(d, target.id), `You are now working on “${target.name}”.`, "#current-review");
  } else if (action === "delete") {
    if (confirm(`Delete the review “${target.name}” and all its answers from this browser? This cannot be undone. ` +
      "If you may need it, cancel and download it first.")) {
      change(root, (d) => deleteReview(d, target.id), `The review “${target.name}” was deleted.`, "#reviews");
    }
  } else if (action === "clear-all") {
    if (confirm("Clear all data on this device? Every review and answer this site has saved in this browser will be deleted. " +
      "This cannot be undone.")) {
      session.clearAll();
      change(root, (d) => d, "All data on this device was cleared, and a new review was started.");
    }
  } else if (action === "download-aside") {
    download(JSON.stringify(session.asideCopies(), null, 2), "self-assessment-damaged-data.json", "application/json");
  } else if (action === "import-confirm" && pending) {
    const imported = pending.review;
    endImport(root);
    change(root, (d) => importReview(d, imported, now, session.makeId()),
      `Imported “${imported.name}” as a new review. You are now working on it.`, "#current-review");
  } else if (action === "import-cancel") {
    endImport(root);
    change(root, (d) => d, "Import cancelled. Nothing was changed.", "#scr-import");
  }
}

async function onImport(input) {
  const root = input.closest(SUMMARY);
  const file = input.files[0];
  endImport(root);
  showProblem(part(root, "import-error"), "");
  if (!file) return;
  // A file too big to be an export is refused without reading it.
  const result = readExport(file.size > MAX_IMPORT_BYTES ? "" : await file.text(), file.size);
  if (result.error) return showProblem(part(root, "import-error"), result.error + " Nothing saved in this browser has changed.");
  pending = result;
  preview(root, result);
}

document.addEventListener("change", (e) => {
  const el = e.target;
  if (el.type === "radio" && el.closest(".scr-checklist")) record(el, { response: el.value }, 0);
  if (el.dataset.scr === "import") onImport(el);
});
document.addEventListener("input", (e) => {
  // Saved at every keystroke, so nothing typed is lost; "Saved" is said after a pause.
  if (e.target.dataset.scr === "notes") record(e.target, { notes: e.target.value }, 1000);
});
document.addEventListener("click", (e) => {
  const el = e.target.closest?.("[data-scr-action]");
  const action = el?.dataset.scrAction;
  if (action === "clear") record(el, { response: "" }, 0);
  else if (action === "print") print();
  else if (action && el.closest(SUMMARY)) onSummaryClick(el, action);
});
document.addEventListener("submit", (e) => {
  const form = e.target.closest(SUMMARY + " form");
  if (!form) return;
  e.preventDefault();
  const root = form.closest(SUMMARY);
  const name = form.elements.name.value.trim();
  if (form.dataset.scrForm === "new") {
    form.elements.name.value = "";
    change(root, (d) => addReview(d, name, session.now(), session.makeId()), "A new review was started. You are now working on it.", "#current-review");
  } else if (name) change(root, (d) => renameReview(d, d.current, name, session.now()), `The review is now called “${name}”.`);
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
  if (root) {
    framework = JSON.parse(root.dataset.framework);
    for (const el of document.querySelectorAll(".scr-nojs")) el.hidden = true;
    root.hidden = false;
    root.dataset.scrReady = "1";
  }
  refresh();
}

// Both, as onPage is idempotent: from file:// (the offline copy) Material's document$ never
// emits while instant navigation is configured, and without Material there is none.
window.document$?.subscribe(onPage);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
