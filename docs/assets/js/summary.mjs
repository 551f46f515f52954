// The "My self-assessment" page: counts and points to discuss for the current review, and
// managing reviews (switch, rename, start, delete), downloads, import and clearing all data.
// The list of stages, markers and questions comes from a JSON data island on the page.

import { announce, download, focusOn, h, showProblem } from "./dom.mjs";
import {
  RESPONSES, addReview, answersNeedingDiscussion, countAnswers, deleteReview, renameReview,
  responseLabel, summarise, switchReview,
} from "./state.mjs";
import {
  MAX_IMPORT_BYTES, exportCSV, exportFileName, exportJSON, importReview, readExport,
} from "./transfer.mjs";

const ROOT = "#scr-summary";
let pending = null; // an import that was read and shown, waiting for the user to confirm it

const date = (iso) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
const time = (iso) => `${date(iso)} at ${new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`;
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const hidden = (text) => h("span", { class: "scr-sr" }, text);
const button = (action, label, extra = {}) =>
  h("button", { type: "button", class: "md-button", "data-scr-action": action, ...extra }, label);
const tally = (counts) => RESPONSES.map((r) => `${counts[r.value]} ${r.label}`).join(", ");
const part = (root, name) => root.querySelector(`[data-scr="${name}"]`);

export function hydrateSummary(root, app) {
  if (!root.dataset.scrReady) {
    root.dataset.scrReady = "1";
    app.framework = JSON.parse(root.querySelector("script[type='application/json']").textContent);
    for (const el of document.querySelectorAll(".scr-nojs")) el.hidden = true;
    root.append(...build());
  }
  refreshSummary(document, app);
}

function build() {
  const input = (id, label, form, submit) => h("form", { class: "scr-form scr-noprint", "data-scr-form": form },
    h("label", { for: id }, label),
    h("input", { id, name: "name", type: "text", autocomplete: "off", maxlength: "200" }),
    h("button", { type: "submit", class: "md-button" }, submit));
  return [
    h("div", { class: "scr-problem", role: "alert", "data-scr": "problem" }),
    h("p", { class: "scr-status", role: "status", "data-scr": "status" }),
    h("h2", { id: "current-review" }, "Current review"),
    h("p", {}, "You are working on: ", h("strong", { "data-scr": "name" })),
    h("p", { "data-scr": "total" }),
    input("scr-rename", "New name for this review", "rename", "Rename"),
    h("h2", { id: "by-marker" }, "Answers by stage and marker"),
    h("div", { "data-scr": "stages" }),
    h("h2", { id: "to-discuss" }, "Points for the board to discuss"),
    h("p", {}, "Every question answered Partly or No, with your notes and evidence."),
    h("div", { "data-scr": "discuss" }),
    h("div", { class: "scr-noprint" },
      h("h2", { id: "take-away" }, "Download, print or import"),
      h("p", {}, "Files are made in your browser and nothing is sent anywhere. Keep them somewhere safe: they hold what you wrote."),
      h("p", { class: "scr-buttons" },
        button("export-json", "Download as JSON (to import later)"),
        button("export-csv", "Download as CSV (for Excel or LibreOffice)"),
        button("print", "Print this summary")),
      h("p", {}, h("label", { for: "scr-import" }, "Import a review from a JSON file downloaded from this site"), " ",
        h("input", { id: "scr-import", type: "file", accept: ".json,application/json", "data-scr": "import" })),
      h("div", { class: "scr-problem", role: "alert", "data-scr": "import-error" }),
      h("div", { "data-scr": "preview" }),
      h("h2", { id: "reviews" }, "Your reviews in this browser"),
      h("ul", { class: "scr-reviews", "data-scr": "reviews" }),
      input("scr-new", "Name of a new review, for example “Child H review, 2026”", "new", "Start a new review"),
      h("div", { "data-scr": "aside" }),
      h("h2", { id: "clear-all" }, "Clear all data on this device"),
      h("p", {}, "This deletes every review and answer this site has saved in this browser. Download anything you want to keep first."),
      button("clear-all", "Clear all data on this device")),
  ];
}

/** Shows the current review; also run after every change, here or in another tab. */
export function refreshSummary(doc, app) {
  const root = doc.querySelector(`${ROOT}[data-scr-ready]`);
  if (!root) return;
  const { session, framework } = app;
  const review = session.review();
  const sum = summarise(review, framework);
  showProblem(part(root, "problem"), session.problem());
  part(root, "name").textContent = review.name;
  const rename = root.querySelector("#scr-rename");
  if (rename !== doc.activeElement) rename.value = review.name;
  part(root, "total").textContent =
    `${sum.answered} of ${plural(sum.questions, "question")} answered: ${tally(sum.counts)}. Started ${date(review.created)}, last changed ${time(review.updated)}.`;
  part(root, "stages").replaceChildren(...sum.stages.flatMap(stageTable));
  part(root, "discuss").replaceChildren(discussion(review, framework));
  part(root, "reviews").replaceChildren(...session.data.reviews.map((r) => h("li", {},
    h("strong", {}, r.name), r.id === review.id ? " (the review you are working on)" : "",
    `: ${plural(countAnswers(r), "answer")}, started ${date(r.created)}. `,
    r.id === review.id ? null : button("switch", ["Work on this review", hidden(`: ${r.name}`)], { "data-review": r.id }),
    button("delete", ["Delete", hidden(` the review ${r.name}`)], { "data-review": r.id }))));
  const copies = session.asideCopies();
  part(root, "aside").replaceChildren(...(copies.length ? [
    h("h3", {}, "Damaged data kept aside"),
    h("p", {}, `Saved data that could not be read was kept aside unchanged (${plural(copies.length, "copy")}). ` +
      "You can download it to give to someone who can help; clearing all data on this device deletes it."),
    button("download-aside", "Download the damaged data"),
  ] : []));
}

function stageTable(stage) {
  const id = `stage-${stage.id}`;
  return [
    h("h3", { id }, stage.label),
    h("p", {}, stage.questions ? `${stage.answered} of ${plural(stage.questions, "question")} answered in this stage: ${tally(stage.counts)}.`
      : "No marker in this stage has its questions on this site yet."),
    h("div", { class: "scr-table" }, h("table", { "aria-labelledby": id },
      h("thead", {}, h("tr", {}, ["Marker", "Answered", "Responses"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, stage.markers.map((m) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: m.url }, `${m.number}. ${m.title}`)),
        m.questions
          ? [h("td", {}, `${m.answered} of ${m.questions}`),
            h("td", {}, tally(m.counts))]
          : h("td", { colspan: "2" }, "No questions on this site yet")))))),
  ];
}

function discussion(review, framework) {
  const items = answersNeedingDiscussion(review, framework);
  if (!items.length) return h("p", {}, "No question in this review is answered Partly or No.");
  return h("ol", { class: "scr-discuss" }, items.map(({ marker, question, answer, onSite }) => {
    const where = marker.title ? `Marker ${marker.number}, ${marker.title}` : `Marker “${marker.id}”, no longer on this site`;
    const which = onSite ? `question ${question.number}` : "a question no longer on this site";
    const label = `${where}: ${which}`;
    return h("li", {},
      h("p", {}, marker.url ? h("a", { href: onSite ? `${marker.url}#q-${question.id}` : marker.url }, label) : label),
      h("p", { class: "scr-quote" }, question.text),
      h("p", {}, h("strong", {}, "Response: "), responseLabel(answer.response)),
      h("p", { class: "scr-notes" }, h("strong", {}, "Notes and evidence: "), answer.notes || "none"));
  }));
}

function preview(root, result, app) {
  const { review, exported, contentVersion, count } = result;
  const counts = {};
  for (const answers of Object.values(review.answers)) {
    for (const a of Object.values(answers)) counts[a.response] = (counts[a.response] ?? 0) + 1;
  }
  const parts = RESPONSES.map((r) => `${counts[r.value] ?? 0} ${r.label}`);
  if (counts[""]) parts.push(`${counts[""]} with notes only`);
  const markers = app.framework.stages.flatMap((s) => s.markers).filter((m) => review.answers[m.id]);
  const row = (term, value) => [h("dt", {}, term), h("dd", {}, value)];
  const current = app.framework.contentVersion;
  part(root, "preview").replaceChildren(h("div", { class: "scr-preview" },
    h("h3", { id: "scr-preview" }, "Check this file before you import it"),
    h("dl", {},
      row("Review", review.name),
      row("Started", date(review.created)),
      row("Last changed", time(review.updated)),
      exported ? row("Downloaded", time(exported)) : null,
      row("Answers", `${count}: ${parts.join(", ")}`),
      row("Markers", markers.map((m) => `${m.number}. ${m.title}`).join("; ") || "none on this site"),
      row("Content version", contentVersion === current ? contentVersion
        : `${contentVersion || "unknown"} (this site is at ${current}; answers follow their questions, and changed wording is shown)`)),
    h("p", {}, "It will be added as a new review. Nothing already saved will change."),
    h("p", { class: "scr-buttons" }, button("import-confirm", "Import as a new review"), button("import-cancel", "Cancel"))));
  focusOn(root.querySelector("#scr-preview"));
}

/** Delegated listeners, bound once for the whole site. */
export function bindSummary(doc, app) {
  const say = (root, text) => announce(part(root, "status"), text);
  const update = (root, change, done) => {
    const saved = app.session.update(change);
    app.refresh();
    say(root, saved ? done : `${done} It could not be saved: see the warning above.`);
  };
  const endImport = (root) => {
    pending = null;
    part(root, "preview").replaceChildren();
    root.querySelector("#scr-import").value = "";
  };

  doc.addEventListener("click", (e) => {
    const el = e.target.closest?.(`${ROOT} [data-scr-action]`);
    if (!el) return;
    const root = el.closest(ROOT);
    const { session, framework } = app;
    const review = session.review();
    const now = session.now();
    const target = session.data.reviews.find((r) => r.id === el.dataset.review);
    switch (el.dataset.scrAction) {
      case "export-json":
        download(exportJSON(review, framework, now), exportFileName(review, "json", now), "application/json");
        return say(root, "Your download has started.");
      case "export-csv":
        download(exportCSV(review, framework), exportFileName(review, "csv", now), "text/csv;charset=utf-8");
        return say(root, "Your download has started.");
      case "print":
        return window.print();
      case "switch":
        if (!target) return;
        update(root, (d) => switchReview(d, target.id), `You are now working on “${target.name}”.`);
        return focusOn(root.querySelector("#current-review"));
      case "delete":
        if (!target || !window.confirm(`Delete the review “${target.name}” and all its answers from this browser? ` +
          "This cannot be undone. If you may need it, cancel and download it first.")) return;
        update(root, (d) => deleteReview(d, target.id), `The review “${target.name}” was deleted.`);
        return focusOn(root.querySelector("#reviews"));
      case "clear-all": {
        if (!window.confirm("Clear all data on this device? Every review and answer this site has saved in this " +
          "browser will be deleted. This cannot be undone.")) return;
        const cleared = session.clearAll();
        app.refresh();
        return say(root, cleared ? "All data on this device was cleared. A new, empty review was started."
          : "Not everything could be cleared: see the warning above.");
      }
      case "download-aside":
        return download(JSON.stringify(session.asideCopies(), null, 2), "self-assessment-damaged-data.json", "application/json");
      case "import-confirm": {
        if (!pending) return;
        const { name } = pending.review;
        update(root, (d) => importReview(d, pending.review, now, session.makeId()),
          `Imported “${name}” as a new review. You are now working on it.`);
        endImport(root);
        return focusOn(root.querySelector("#current-review"));
      }
      case "import-cancel":
        endImport(root);
        say(root, "Import cancelled. Nothing was changed.");
        return focusOn(root.querySelector("#scr-import"));
    }
  });

  doc.addEventListener("submit", (e) => {
    const form = e.target.closest?.(`${ROOT} form[data-scr-form]`);
    if (!form) return;
    e.preventDefault();
    const root = form.closest(ROOT);
    const name = form.elements.name.value.trim();
    const { session } = app;
    if (form.dataset.scrForm === "rename") {
      if (!name) return say(root, "Type a name for the review first.");
      update(root, (d) => renameReview(d, d.current, name, session.now()), `The review is now called “${name}”.`);
    } else {
      update(root, (d) => addReview(d, name, session.now(), session.makeId()),
        "A new review was started. You are now working on it.");
      form.elements.name.value = "";
      focusOn(root.querySelector("#current-review"));
    }
  });

  doc.addEventListener("change", async (e) => {
    if (e.target.dataset?.scr !== "import" || !e.target.closest(ROOT)) return;
    const root = e.target.closest(ROOT);
    const file = e.target.files[0];
    pending = null;
    part(root, "preview").replaceChildren();
    showProblem(part(root, "import-error"), "");
    if (!file) return;
    // Too big to be an export: refuse it without reading it into memory.
    const text = file.size > MAX_IMPORT_BYTES ? "" : await file.text();
    const result = readExport(text, file.size);
    if (result.error) {
      e.target.value = "";
      return showProblem(part(root, "import-error"), `${result.error} Nothing saved in this browser has changed.`);
    }
    pending = result;
    preview(root, result, app);
  });
}
