// The "My self-assessment" page: the summary of a review, the list of reviews, downloads and
// import. Imported by self-assessment.mjs only on that page. Its HTML (macros/pages/
// self_assessment.py) has the headings, forms, buttons and data-framework (not a <script>
// island, which instant navigation would run as JavaScript).

import { announce, goneMessage, h, part, showProblem, showSessionProblem } from "./dom.mjs";
import { pageFramework, plural, useStylesheet } from "./page-dom.mjs";
import { MAX_IMPORT_BYTES, decodeFile, exportCSV, exportFileName, exportJSON, importReview, readExport } from "./exchange.mjs";
import { JUDGEMENT_QUESTION, RESPONSES, addReview, longDate as date, responseLabel, switchReview } from "./review.mjs";
import { countAnswers, deleteReview, downloadDue, markDownloaded, nameInUse, renameReview } from "./reviews.mjs";
import { download } from "./download.mjs";
import { fillLong } from "./longlist.mjs";
import { answersNeedingDiscussion, recordList, responseWords, summarise } from "./summary.mjs";

const SUMMARY = "#scr-summary";
const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const time = (iso) => `${date(iso)} at ${CLOCK.format(new Date(iso))}`;
let session = null;
let refresh = null; // the whole page's refresh, checklists included
let framework = null; // the stages, markers and questions, from the page
let pending = null; // an import read and shown, waiting for the user to confirm it
let drawn = null; // what the page was last drawn from

const judged = (j) => responseWords(j) || "Not judged";
// The summary and comparison pages' stylesheet, loaded only on those pages.
const STYLES = new URL("../summary.css", import.meta.url).href;
const tally = (counts) => RESPONSES.map((r) => `${counts[r.value] ?? 0} ${r.label}`).join(", ");
const button = (action, label, more, style = "") => h("button", { type: "button", class: "md-button" + style, "data-scr-action": action, ...more }, label);
const page = () => document.querySelector(SUMMARY + "[data-scr-ready]");

/** Called by self-assessment.mjs for each visit to the page. */
export function start(openSession, refreshPage) {
  [session, refresh] = [openSession, refreshPage];
  const root = page();
  // Shown, and drawn once, when its stylesheet and the framework are in: nothing on it moves when the styles arrive.
  return Promise.all([useStylesheet(STYLES), pageFramework(root)]).then(([, data]) => {
    framework = data;
    for (const el of document.querySelectorAll(".scr-nojs")) el.hidden = true;
    root.hidden = false;
    refresh();
  });
}

function focusOn(el) {
  el?.setAttribute("tabindex", "-1");
  el?.focus();
}

/** Called by self-assessment.mjs whenever the page is refreshed. */
export function show(notice) {
  const root = page();
  if (!root || !framework) return;
  // Drawn again only when something it shows has changed (the page is refreshed often).
  const state = [root, session.data, session.review(), session.problem()];
  if (!notice && drawn?.every((v, i) => v === state[i])) return;
  drawn = state;
  const review = session.review();
  const sum = summarise(review, framework);
  const rename = root.querySelector("#scr-rename");
  showSessionProblem(part(root, "problem"), session.problem());
  if (notice) announce(part(root, "status"), goneMessage(notice, review.name));
  part(root, "name").textContent = review.name;
  part(root, "print-header").textContent = `${review.name}. Printed ${date(session.now())}.`;
  if (rename !== document.activeElement) rename.value = review.name;
  part(root, "reminder").hidden = !downloadDue(review, session.now());
  part(root, "total").textContent = `${sum.judged} of ${plural(sum.markerCount, "marker")} judged: ${tally(sum.judgements)}. ` +
    `${sum.answered} of ${plural(sum.questions, "question")} answered: ${tally(sum.counts)}. ` +
    `Started ${date(review.created)}, last changed ${time(review.updated)}.`;
  // A framework of hundreds of markers: the browser lays out only the stages in view (summary.css).
  root.classList.toggle("scr-long", sum.markerCount > 100);
  part(root, "overview").replaceChildren(...sum.stages.map((stage) => h("section", { class: "scr-overview", "aria-labelledby": "overview-" + stage.id },
    h("h3", { id: "overview-" + stage.id }, `${stage.label}: ${stage.judged} of ${plural(stage.markerCount, "marker")} judged`),
    h("ul", { class: "scr-grid" }, stage.markers.map((m) => h("li", { class: "scr-cell-" + (m.judgement?.response || "none") },
      h("a", { href: m.url + "#judgement" }, h("span", { class: "scr-grid-number" }, `${m.number}. `), m.title,
        h("span", { class: "scr-grid-judgement" }, judged(m.judgement)))))))));
  part(root, "stages").replaceChildren(...sum.stages.flatMap((stage) => {
    const body = h("tbody");
    const more = fillLong("stage-" + stage.id, body, stage.markers, (m) => h("tr", {},
      h("th", { scope: "row" }, h("a", { href: m.url }, `${m.number}. ${m.title}`)),
      h("td", {}, judged(m.judgement)),
      m.questions ? [h("td", {}, `${m.answered} of ${m.questions}`), h("td", {}, tally(m.counts))]
        : h("td", { colspan: "2" }, "No questions on this site yet")), "marker", 25);
    return [
      h("h3", { id: "stage-" + stage.id }, stage.label),
      h("p", {}, stage.questions ? `${stage.answered} of ${plural(stage.questions, "question")} answered in this stage: ${tally(stage.counts)}.`
        : "No questions on this site yet."),
      h("div", { class: "scr-table" }, h("table", { "aria-labelledby": "stage-" + stage.id },
        h("thead", {}, h("tr", {}, ["Marker", "Your judgement", "Questions answered", "Responses"].map((t) => h("th", { scope: "col" }, t)))),
        body)),
      more,
    ].filter(Boolean);
  }));
  const items = answersNeedingDiscussion(review, framework);
  const discuss = h("ol", { class: "scr-discuss" });
  part(root, "discuss").replaceChildren(...(items.length ? [discuss, fillLong("discuss", discuss, items, (item) => h("li", {}, answerView(item)), "point", 25)]
    : [h("p", {}, "No marker is judged, and no question answered, Partly or No in this review.")]).filter(Boolean));
  // The complete record: every marker with its questions and judgement, answered or not.
  const byMarker = new Map();
  for (const item of recordList(review, framework, true)) byMarker.set(item.marker, [...(byMarker.get(item.marker) ?? []), item]);
  const record = h("div");
  part(root, "record").replaceChildren(...[record, fillLong("record", record, [...byMarker], ([marker, list]) => h("section", { class: "scr-record" },
    h("h3", {}, marker.title ? `${marker.number}. ${marker.title}` : `A marker no longer on this site (“${marker.id}”)`),
    h("ul", {}, list.map((item) => h("li", {}, answerView(item, true))))), "marker", 20)].filter(Boolean));
  // The buttons of each row look alike; their names say which review they act on.
  part(root, "reviews").replaceChildren(...session.data.reviews.map((r) => h("li", {},
    h("strong", {}, r.name), r === review ? " (the review you are working on)" : "",
    `: ${plural(countAnswers(r), "answer")} so far (to questions and markers), started ${date(r.created)}. `,
    r !== review && button("switch", "Work on this review", { "data-review": r.id, "aria-label": "Work on this review: " + r.name }),
    button("delete", "Delete", { "data-review": r.id, "aria-label": "Delete the review " + r.name }, " scr-button-warning"))));
  const copies = session.asideCopies().length;
  part(root, "aside").hidden = !copies;
  part(root, "aside-count").textContent = plural(copies, "copy");
}

// One answer or judgement, as the discussion list and the complete record show it.
function answerView({ kind, marker, question, answer, onSite }, inRecord) {
  const what = kind === "judgement" ? "your judgement on the marker" : onSite ? "question " + question.number : "a question no longer on this site";
  const label = inRecord ? what[0].toUpperCase() + what.slice(1) : `Marker ${marker.title ? `${marker.number}, ${marker.title}` : `“${marker.id}”`}: ${what}`;
  const anchor = kind === "judgement" ? "#judgement" : onSite ? "#q-" + question.id : "";
  return [
    h("p", {}, marker.url && onSite ? h("a", { href: marker.url + anchor }, label) : label),
    h("p", { class: "scr-quote" }, kind === "judgement" ? JUDGEMENT_QUESTION : question.text),
    h("p", {}, h("strong", {}, "Response: "), responseLabel(answer?.response) || "not answered"),
    (answer?.notes || !inRecord) && h("p", { class: "scr-notes" }, h("strong", {}, "Notes and evidence: "), answer?.notes || "none"),
  ];
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

// The status line next to `control` (in its `data-scr-area`), else the page's, at the top.
const statusNear = (root, control) => (control?.closest("[data-scr-area]") ?? root).querySelector("[role=status]");

// `choose`: the review this tab works on afterwards; `control`: what the user acted on.
function change(root, how, done, focus, choose, control) {
  const status = statusNear(root, control);
  const saved = session.update(how, choose);
  refresh();
  announce(status, saved ? done : done + " It could not be saved: see the warning at the top.");
  focusOn(focus && root.querySelector(focus));
}

function onClick(el, action) {
  const root = el.closest(SUMMARY);
  const review = session.review();
  const now = session.now();
  const target = session.data.reviews.find((r) => r.id === el.dataset.review);
  if (action.startsWith("export")) {
    const json = action === "export-json";
    download(json ? exportJSON(review, framework, now) : exportCSV(review, framework),
      exportFileName(review, json ? "json" : "csv", now), json ? "application/json" : "text/csv;charset=utf-8");
    if (json) {
      // Remembered for the reminder to download a copy.
      session.update((d) => markDownloaded(d, review.id, now));
      refresh();
    }
  } else if (action === "switch" && target) {
    change(root, (d) => switchReview(d, target.id), `You are now working on “${target.name}”.`, "#current-review", target.id);
  } else if (action === "delete" && target) {
    if (confirm(`Delete the review “${target.name}” and its ${plural(countAnswers(target), "answer")} from this browser? This cannot be undone. ` +
      "If you may need it, cancel and download it first.")) {
      change(root, (d) => deleteReview(d, target.id), `The review “${target.name}” was deleted.`, "#reviews", undefined, el);
    }
  } else if (action === "clear-all") {
    if (confirm("Clear all data on this device? Every review and answer this site has saved in this browser will be deleted. " +
      "This cannot be undone.")) {
      session.clearAll();
      change(root, (d) => d, "All data on this device was cleared, and a new review was started.", null, undefined, el);
    }
  } else if (action === "download-aside") {
    download(JSON.stringify(session.asideCopies(), null, 2), "self-assessment-damaged-data.json", "application/json");
  } else if (action === "import-confirm" && pending) {
    const imported = pending.review;
    const id = session.makeId();
    endImport(root);
    change(root, (d) => importReview(d, imported, now, id),
      `Imported “${imported.name}” as a new review. You are now working on it.`, "#current-review", id);
  } else if (action === "import-cancel") {
    endImport(root);
    change(root, (d) => d, "Import cancelled. Nothing was changed.", "#scr-import", undefined, el);
  }
}

async function onImport(input) {
  const root = input.closest(SUMMARY);
  const file = input.files[0];
  endImport(root);
  showProblem(part(root, "import-error"), "");
  if (!file) return;
  // A file too big to be an export is refused without reading it.
  const result = readExport(file.size > MAX_IMPORT_BYTES ? "" : decodeFile(await file.arrayBuffer()), file.size);
  if (result.error) return showProblem(part(root, "import-error"), result.error + " Nothing saved in this browser has changed.");
  pending = result;
  preview(root, result);
}

document.addEventListener("change", (e) => {
  if (e.target.dataset.scr === "import" && e.target.closest(SUMMARY)) onImport(e.target);
});
document.addEventListener("click", (e) => {
  const el = e.target.closest?.(SUMMARY + " [data-scr-action]");
  if (el && session) onClick(el, el.dataset.scrAction);
});
document.addEventListener("submit", (e) => {
  const form = e.target.closest(SUMMARY + " form");
  if (!form || !session) return;
  e.preventDefault();
  const root = form.closest(SUMMARY);
  const name = form.elements.name.value.trim();
  const id = session.review().id;
  if (form.dataset.scrForm === "new") {
    const newId = session.makeId();
    form.elements.name.value = "";
    change(root, (d) => addReview(d, name, session.now(), newId), "A new review was started. You are now working on it.",
      "#current-review", newId);
  } else if (name && nameInUse(session.data, id, name)) {
    announce(statusNear(root, form), `There is already a review called “${name.replace(/\s+/g, " ")}”. Choose another name.`);
  } else if (name) change(root, (d) => renameReview(d, id, name, session.now()), `The review is now called “${name}”.`, null, undefined, form);
});
