// The "Compare reviews" page: reviews saved here and reviews read from JSON files, side by side
// (logic: compare.mjs). Imported by self-assessment.mjs only on that page. Files are only read:
// a review from a file is saved in this browser only when the user asks.

import { announce, h, part, showSessionProblem } from "./dom.mjs";
import { pageFramework, plural, useStylesheet } from "./page-dom.mjs";
import { comparisonCSV, compareReviews, mostOftenShort, rowLabel } from "./compare.mjs";
import { MAX_IMPORT_BYTES, decodeFile, importReview, readExport } from "./exchange.mjs";
import { download } from "./download.mjs";
import { fillLong } from "./longlist.mjs";
import { responseWords } from "./summary.mjs";

const ROOT = "#scr-compare";
let session = null;
let framework = null;
let fromFiles = []; // { id, name, review, file } read from files, in the order chosen
const unticked = new Set(); // saved reviews left out by the user
let drawn = null; // what the page was last drawn from
const page = () => document.querySelector(ROOT + "[data-scr-ready]");

// Summary pages and this page share the same stylesheet, loaded only where it is needed.
const STYLES = new URL("../summary.css", import.meta.url).href;

/** Called by self-assessment.mjs for each visit to the page. */
export function start(openSession) {
  session = openSession;
  const root = page();
  // Shown, and drawn once, when its stylesheet and the framework are in: nothing on it moves when the styles arrive.
  return Promise.all([useStylesheet(STYLES), pageFramework(root)]).then(([, data]) => {
    framework = data;
    for (const el of document.querySelectorAll(".scr-nojs")) el.hidden = true;
    root.hidden = false;
    show(null, true);
  });
}

const chosen = () => [
  ...session.data.reviews.filter((r) => !unticked.has(r.id)).map((review) => ({ id: review.id, name: review.name, review })),
  ...fromFiles,
];

const cell = (answer) => h("td", { class: "scr-cell-" + (answer?.response || "none") },
  responseWords(answer) || "Not answered",
  answer?.notes && h("span", { class: "scr-cell-notes" }, answer.notes));

/** Called by self-assessment.mjs whenever the page is refreshed. */
export function show(notice, force) {
  const root = page();
  if (!root || !framework) return;
  // Drawn again only when something it shows has changed (the page is refreshed often).
  const state = [root, session.data, session.problem()];
  if (!force && drawn?.every((v, i) => v === state[i])) return;
  drawn = state;
  showSessionProblem(part(root, "problem"), session.problem());
  part(root, "saved").replaceChildren(session.data.reviews.length ? h("ul", { class: "scr-carry" }, session.data.reviews.map((r, i) =>
    h("li", {}, h("input", { type: "checkbox", id: "scr-compare-" + i, "data-compare-saved": r.id, checked: !unticked.has(r.id) }),
      h("label", { for: "scr-compare-" + i }, r.name)))) : h("p", {}, "No reviews are saved in this browser."));
  const columns = chosen();
  if (!columns.length) {
    part(root, "short").replaceChildren();
    return part(root, "table").replaceChildren(h("p", {}, "Choose at least one review to compare."));
  }
  const rows = compareReviews(columns.map((c) => c.review), framework);
  const short = mostOftenShort(rows);
  part(root, "short").replaceChildren(h("h3", { id: "most-often" }, "Where the reviews fall short most often"),
    short.length ? h("ol", {}, short.map((row) => h("li", {}, `${rowLabel(row)}: Partly or No in ${row.short} of ${plural(columns.length, "review")}`)))
      : h("p", {}, "No marker or question is answered Partly or No in these reviews."));
  const body = h("tbody");
  const more = fillLong("comparison", body, rows, (row) => h("tr", { class: row.kind === "judgement" ? "scr-row-marker" : "", "data-differ": row.differ || null },
    h("th", { scope: "row" }, row.question ? rowLabel(row) : h("a", { href: row.marker.url }, rowLabel(row))),
    row.cells.map(cell),
    h("td", {}, `${row.short} of ${row.answered} answered`),
    h("td", {}, row.differ ? "⚠ Differ" : row.answered > 1 ? "Agree" : "")), "row", 50);
  part(root, "table").replaceChildren(...[h("div", { class: "scr-table" }, h("table", { class: "scr-comparison" },
    h("caption", {}, `${plural(columns.length, "review")} side by side. “Differ” marks rows where the reviews do not all agree.`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Marker or question"),
      columns.map((c) => h("th", { scope: "col" }, c.name, c.file && h("span", { class: "scr-cell-notes" }, `from ${c.file}, not saved`),
        c.file && h("button", { type: "button", class: "md-button scr-noprint", "data-scr-action": "compare-save", "data-file": c.id,
          "aria-label": "Save in this browser: " + c.name }, "Save in this browser"))),
      h("th", { scope: "col" }, "Partly or No"), h("th", { scope: "col" }, "Agreement"))),
    body)), more].filter(Boolean));
}

async function onFiles(input) {
  const root = input.closest(ROOT);
  const errors = [];
  let added = 0;
  for (const file of input.files) {
    const result = readExport(file.size > MAX_IMPORT_BYTES ? "" : decodeFile(await file.arrayBuffer()), file.size);
    if (result.error) errors.push(`${file.name}: ${result.error}`);
    else {
      fromFiles.push({ id: "f" + fromFiles.length + "-" + Date.now(), name: result.review.name, review: result.review, file: file.name });
      added += 1;
    }
  }
  input.value = "";
  const box = part(root, "file-errors");
  box.replaceChildren(...(errors.length ? [h("strong", {}, "Not added: "), h("ul", {}, errors.map((e) => h("li", {}, e)))] : []));
  announce(part(root, "status"), `${plural(added, "review")} added from files, shown here only.` + (errors.length ? ` ${plural(errors.length, "file")} could not be read: see above.` : ""));
  show(null, true);
}

document.addEventListener("change", (e) => {
  if (!session || !e.target.closest(ROOT)) return;
  if (e.target.dataset.scr === "files") onFiles(e.target);
  const id = e.target.dataset.compareSaved;
  if (id) {
    if (e.target.checked) unticked.delete(id);
    else unticked.add(id);
    show(null, true);
  }
});

document.addEventListener("click", (e) => {
  const el = e.target.closest?.(ROOT + " [data-scr-action]");
  if (!el || !session) return;
  const root = el.closest(ROOT);
  if (el.dataset.scrAction === "compare-csv") {
    const columns = chosen();
    download(comparisonCSV(compareReviews(columns.map((c) => c.review), framework), columns), "comparison-of-reviews.csv", "text/csv;charset=utf-8");
  } else if (el.dataset.scrAction === "compare-save") {
    const item = fromFiles.find((f) => f.id === el.dataset.file);
    const id = session.makeId();
    // The tab stays on its review: saving a compared review does not start work on it.
    const current = session.review().id;
    const saved = session.update((d) => importReview(d, item.review, session.now(), id), current);
    if (saved) fromFiles = fromFiles.filter((f) => f !== item);
    show(null, true);
    announce(part(root, "status"), saved ? `“${item.name}” is now saved in this browser.` : "It could not be saved: see the warning above.");
  }
});
