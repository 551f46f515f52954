// The "Findings and meeting papers" page (its HTML: macros/pages/papers.py; logic: findings.mjs
// and papers.mjs). Imported by self-assessment.mjs only on that page. Everything typed here is
// saved with the review, in this browser, as it is typed; the papers are made here and nothing
// is sent anywhere.

import { BOTH_KEPT, announce, baseOf, goneMessage, h, setBase, showSessionProblem, showText } from "./dom.mjs";
import { pageFramework, useStylesheet } from "./page-dom.mjs";
import { download } from "./download.mjs";
import { DECISION_LABELS, addFinding, decisionLabel, deleteFinding, findingName, findingsOf, forThePlan, moveFinding, setFinding } from "./findings.mjs";
import { mergeText } from "./merge.mjs";
import { FINDING_MINUTES, makePaper, overrunWarning, planAgenda, timeSummary } from "./papers.mjs";
import { DECISIONS, findReview, own, responseLabel } from "./review.mjs";
import { meetingDetail, setMeetingDetail } from "./reviews.mjs";
import { SHORT_OF, recordList } from "./summary.mjs";
import { readZip } from "./zip.mjs";

const ROOT = "#scr-papers";
const site = new URL("../../", import.meta.url);
// The forms and buttons of the summary pages, and this page's own.
const STYLES = [new URL("../summary.css", import.meta.url).href, new URL("../papers.css", import.meta.url).href];
const PAPERS = {
  "board-agenda": { kind: "agenda", name: "agenda-extraordinary-board-meeting", label: "Agenda" },
  "action-plan": { kind: "plan", name: "improvement-action-plan", label: "Action plan" },
};
const TYPES = { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", odt: "application/vnd.oasis.opendocument.text" };
const NOT_SAVED = "This could not be saved: see the warning at the top of the page.";

let session = null;
let page = null; // { root, framework, items, fields, time } from the page's data
let shown = null; // the review and findings the list was last built for

const root = () => document.querySelector(ROOT + "[data-scr-ready]");
const paperPart = (name) => page.root.querySelector(`[data-papers="${name}"]`);
// The page's settings of the papers are kept among the review's meeting details, under names
// no template field has: "minutes:<item id>", "option:<name>".
const setting = meetingDetail;
// What a box shows: what the user typed, even if they emptied it, else what the papers use
// without it (emptying a box must not bring the default back while they type).
const detailText = (review, name) => own(review.meeting, name) ?? (name === "Review" ? review.name : "");
const minutesText = (review, id) =>
  own(review.meeting, "minutes:" + id) ?? String(page.items.find((i) => i.id === id)?.minutes ?? FINDING_MINUTES);

/** Called by self-assessment.mjs for each visit to the page. */
export function start(openSession) {
  session = openSession;
  const el = root();
  const { fields, time } = JSON.parse(el.dataset.fields);
  shown = null;
  // Shown, and drawn once, when its stylesheets and the framework are in: nothing moves when the styles arrive.
  return Promise.all([pageFramework(el), ...STYLES.map(useStylesheet)]).then(([framework]) => {
    page = { root: el, framework, items: JSON.parse(el.dataset.agenda).items, fields, time };
    for (const nojs of document.querySelectorAll(".scr-nojs")) nojs.hidden = true;
    el.hidden = false;
    show(null);
  });
}

/** Called by self-assessment.mjs whenever the page is refreshed (another tab saved, or a notice). */
export function show(notice) {
  if (!root() || !page || page.root !== root()) return;
  const review = session.review();
  showSessionProblem(page.root.querySelector('[data-scr="problem"]'), session.problem());
  if (notice) announce(page.root.querySelector('[data-scr="status"]'), goneMessage(notice, review.name));
  paperPart("review").textContent = review.name;
  const switched = shown?.review !== review.id;
  drawFindings(review, switched);
  for (const input of page.root.querySelectorAll("[data-papers-detail]")) {
    if (showText(input, detailText(review, input.dataset.papersDetail), switched)) paperPart("make-status").textContent = BOTH_KEPT;
  }
  for (const input of page.root.querySelectorAll("[data-papers-minutes]")) showText(input, minutesText(review, input.dataset.papersMinutes), switched);
  page.root.querySelector("#scr-option-self-assessment").checked = setting(review, "option:self-assessment") === "yes";
  page.root.querySelector("#scr-option-notes").checked = setting(review, "option:notes") === "yes";
  page.root.querySelector(`#scr-copy-${setting(review, "option:copy") === "organiser" ? "organiser" : "members"}`).checked = true;
  drawAnswers(review);
  drawTimings(review);
  drawMissing(review);
}

// The findings: the list is built again only when findings are added, removed or reordered
// (or the review changes); otherwise each box shows what was saved, merged with what is typed.
function drawFindings(review, switched) {
  const findings = findingsOf(review);
  const shape = findings.map((f) => f.id).join();
  const list = paperPart("findings");
  if (switched || shown.shape !== shape) {
    const focusedId = document.activeElement?.id;
    list.replaceChildren(...findings.map((f, n) => findingItem(f, n, findings.length)));
    shown = { review: review.id, shape };
    if (focusedId) document.getElementById(focusedId)?.focus();
  }
  for (const f of findings) {
    const item = list.querySelector(`[data-finding="${f.id}"]`);
    for (const field of ["ref", "title", "text", "reasons"]) {
      if (showText(item.querySelector(`[data-finding-field="${field}"]`), f[field], switched)) {
        paperPart("findings-status").textContent = BOTH_KEPT;
      }
    }
    for (const radio of item.querySelectorAll("input[type=radio]")) radio.checked = radio.value === f.decision;
    // The buttons of each finding look alike; their names say which finding they act on.
    const name = findingName(f, findings.indexOf(f));
    for (const button of item.querySelectorAll("button")) button.setAttribute("aria-label", button.dataset.label.replace("{}", name));
  }
  paperPart("findings-print").replaceChildren(findings.length
    ? h("ol", {}, findings.map((f, n) => h("li", {}, h("p", {}, h("strong", {}, findingName(f, n))), f.text && h("p", {}, f.text),
      h("p", {}, `Decision: ${decisionLabel(f.decision)}`, f.reasons && `. Reasons: ${f.reasons}`))))
    : h("p", {}, "No findings are listed for this review yet."));
}

function findingItem(f, n, count) {
  const id = `scr-finding-${f.id}`;
  const text = (field, label, hint, multiline) => h("p", {},
    h("label", { for: `${id}-${field}` }, label),
    hint && h("span", { class: "scr-hint", id: `${id}-${field}-hint` }, hint),
    h(multiline ? "textarea" : "input", {
      id: `${id}-${field}`, "data-finding-field": field, autocomplete: "off", maxlength: multiline ? "5000" : "200",
      rows: multiline && "3", "aria-describedby": hint && `${id}-${field}-hint`, class: multiline ? "scr-text" : "scr-input",
    }));
  const move = (by, word) => h("button", {
    type: "button", class: "md-button scr-small", "data-papers-action": "move", "data-by": by, id: `${id}-${word}`, "data-label": `Move ${word}: {}`,
    disabled: (by < 0 ? n === 0 : n === count - 1) || null,
  }, `Move ${word}`);
  return h("li", { "data-finding": f.id }, h("fieldset", {},
    h("legend", {}, `Finding ${n + 1}`),
    text("ref", "Reference", "As the report numbers it, such as F1 or R1.", false),
    text("title", "Short title", "A few words that name the finding.", false),
    text("text", "What the report says (optional)", "", true),
    h("fieldset", { class: "scr-decision" }, h("legend", {}, "The board's decision"),
      DECISIONS.map((value, k) => h("div", { class: "scr-check" },
        h("input", { type: "radio", name: `${id}-decision`, id: `${id}-decision-${k}`, value, "data-finding-decision": "" }),
        h("label", { for: `${id}-decision-${k}` }, DECISION_LABELS[k])))),
    text("reasons", "Reasons for the decision (optional)", "", true),
    h("p", { class: "scr-finding-actions" }, move(-1, "up"), move(1, "down"),
      h("button", { type: "button", class: "md-button scr-button-warning scr-small", "data-papers-action": "remove", "data-label": "Remove: {}" }, "Remove"))));
}

/** The self-assessment's Partly and No answers and judgements, in plain words, for the agenda. */
function answerWords(review, withNotes) {
  return recordList(review, page.framework).filter((item) => SHORT_OF.includes(item.answer?.response) && item.onSite).map(({ kind, marker, question, answer }) => {
    const what = kind === "judgement" ? `Marker ${marker.number}, ${marker.title}` : question.short || `Question ${question.number} of marker ${marker.number}`;
    return `${what}: ${responseLabel(answer.response)}` + (withNotes && answer.notes ? `. Notes: ${answer.notes}` : "");
  });
}

function drawAnswers(review) {
  const words = answerWords(review, false);
  const box = paperPart("answers");
  const shape = words.join("\n");
  if (box.dataset.shape === shape && box.childNodes.length) return;
  box.dataset.shape = shape;
  box.replaceChildren(words.length ? h("ul", {}, words.map((w) => h("li", {}, w)))
    : h("p", {}, "No question is answered, and no marker judged, Partly or No in this review yet."));
}

// The agenda as the papers will have it; `findings` as the papers show them.
const agendaOf = (review, findings) => planAgenda(page.items, {
  minutes: Object.fromEntries(page.items.map((i) => [i.id, setting(review, "minutes:" + i.id)])),
  findingMinutes: setting(review, "minutes:each-finding"),
  findings,
  selfAssessment: setting(review, "option:self-assessment") === "yes",
  start: meetingDetail(review, page.time[0]),
  end: meetingDetail(review, page.time[1]),
});

function drawTimings(review) {
  const agenda = agendaOf(review, findingsOf(review));
  const [summary, warning] = [timeSummary(agenda), overrunWarning(agenda)];
  const time = paperPart("time");
  if (time.textContent !== summary) time.textContent = summary;
  const overrun = paperPart("overrun");
  overrun.hidden = !warning;
  if (warning && overrun.textContent !== "Warning: " + warning) {
    overrun.replaceChildren(h("p", {}, h("strong", {}, "Warning: "), warning));
  }
}

function drawMissing(review) {
  const missing = page.fields.filter((name) => !detailText(review, name).trim());
  const box = paperPart("missing");
  const text = missing.join("\n");
  if (box.dataset.shape === text && box.childNodes.length) return;
  box.dataset.shape = text;
  box.replaceChildren(missing.length
    ? h("div", { class: "scr-warning" }, h("p", {}, h("strong", {}, "Still to fill in: "), missing.join(", "), ". ",
      "Papers made now keep these as fill-in fields in square brackets. Fill them in under ", h("a", { href: "#details" }, "Meeting details"), "."))
    : h("p", {}, "Every detail the papers ask for is filled in."));
}

// Saving. Each change names the review and the finding it is for, and is replayed by the store
// on whatever another tab saved meanwhile; text is merged with that tab's (merge.mjs).

function save(change, statusName) {
  const saved = session.update(change);
  show(null);
  paperPart(statusName).textContent = saved ? "" : NOT_SAVED;
  return saved;
}

// What a button did, and whether it was saved.
const said = (what, saved) => (saved ? what : `${what} ${NOT_SAVED}`);

// Typing is saved after a pause, as on the checklists (a save writes every review: at each key
// it would cost more than a frame), and at once if the page is left; the status says how it went.
function saveText(input, theirsOf, write, statusName) {
  const id = session.review().id;
  const [base, mine] = [baseOf(input), input.value];
  let conflict = false;
  const status = paperPart(statusName);
  session.update((data) => {
    const review = findReview(data, id); // null if another tab deleted it: the change then does nothing
    const merged = mergeText(base, mine, review ? theirsOf(review) : "");
    conflict = merged.conflict;
    return write(data, id, merged.text);
  }, undefined, (saved) => (status.textContent = conflict ? BOTH_KEPT : saved ? "" : NOT_SAVED));
  setBase(input, mine);
  show(null);
}

const findingOf = (review, id) => findingsOf(review).find((f) => f.id === id);

document.addEventListener("input", (e) => {
  const input = e.target;
  if (!page || !input.closest?.(ROOT)) return;
  const findingId = input.closest("[data-finding]")?.dataset.finding;
  const field = input.dataset.findingField;
  if (field && findingId) {
    saveText(input, (r) => findingOf(r, findingId)?.[field] ?? "",
      (data, id, text) => setFinding(data, id, findingId, { [field]: text }, session.now()), "findings-status");
  }
  const { papersDetail: detail, papersMinutes: item } = input.dataset;
  if (detail) saveText(input, (r) => detailText(r, detail), (data, id, text) => setMeetingDetail(data, id, detail, text), "make-status");
  if (item) saveText(input, (r) => minutesText(r, item), (data, id, text) => setMeetingDetail(data, id, "minutes:" + item, text), "make-status");
});

document.addEventListener("change", (e) => {
  const input = e.target;
  if (!page || !input.closest?.(ROOT)) return;
  const id = session.review().id;
  if (input.dataset.findingDecision !== undefined) {
    const findingId = input.closest("[data-finding]").dataset.finding;
    save((data) => setFinding(data, id, findingId, { decision: input.value }, session.now()), "findings-status");
  }
  const option = input.dataset.papersOption;
  if (option) {
    const value = input.type === "radio" ? input.value : input.checked ? "yes" : "";
    save((data) => setMeetingDetail(data, id, "option:" + option, value), "make-status");
  }
});

document.addEventListener("click", (e) => {
  const button = e.target.closest?.(`${ROOT} [data-papers-action], ${ROOT} [data-papers-make]`);
  if (!button || !page) return;
  if (button.dataset.papersMake) return makeFrom(button.dataset.papersMake);
  const review = session.review();
  const status = paperPart("findings-status");
  const action = button.dataset.papersAction;
  if (action === "add") {
    const findingId = "f" + session.makeId();
    // The page shows the change even when it could not be saved (the warning at the top says so).
    const saved = save((data) => addFinding(data, review.id, findingId, session.now()), "findings-status");
    document.getElementById(`scr-finding-${findingId}-title`)?.focus();
    announce(status, said(`Finding ${findingsOf(session.review()).length} added.`, saved));
    return;
  }
  const findingId = button.closest("[data-finding]").dataset.finding;
  const findings = findingsOf(review);
  const n = findings.findIndex((f) => f.id === findingId);
  const name = findingName(findings[n], n);
  if (action === "move") {
    const by = Number(button.dataset.by);
    const saved = save((data) => moveFinding(data, review.id, findingId, by, session.now()), "findings-status");
    // The same button of the moved finding, or the other one if it has reached an end.
    const [same, other] = by < 0 ? ["up", "down"] : ["down", "up"];
    const moved = document.getElementById(`scr-finding-${findingId}-${same}`);
    (moved && !moved.disabled ? moved : document.getElementById(`scr-finding-${findingId}-${other}`))?.focus();
    announce(status, said(`${name} moved to place ${n + by + 1} of ${findings.length}.`, saved));
  } else if (action === "remove" && confirm(`Remove the finding “${name}” from this review? This cannot be undone.`)) {
    const saved = save((data) => deleteFinding(data, review.id, findingId, session.now()), "findings-status");
    // Focus on the finding that took its place, else the one before it, else the button to add one.
    const next = page.root.querySelectorAll("[data-finding] input[data-finding-field=ref]")[Math.min(n, findings.length - 2)];
    (next ?? page.root.querySelector('[data-papers-action="add"]')).focus();
    announce(status, said(`${name} removed.`, saved));
  }
});

// Making the papers.

function paperFor(review) {
  const findings = findingsOf(review).map((f, n) => ({ name: findingName(f, n), text: f.text, decision: f.decision }));
  return {
    details: { ...review.meeting, Review: detailText(review, "Review") },
    agenda: agendaOf(review, findings.map((f) => ({ ...f, decision: f.decision && decisionLabel(f.decision) }))),
    words: answerWords(review, setting(review, "option:notes") === "yes"),
    findings: forThePlan(findings),
  };
}

// The built template; the offline copy cannot fetch from file://, so it carries them in a script.
async function templateFile(path) {
  const carried = globalThis.__scrTemplateFiles?.[path];
  if (carried) return Uint8Array.from(atob(carried), (c) => c.charCodeAt(0));
  const response = await fetch(new URL(path, site));
  if (!response.ok) throw new Error(response.status);
  return new Uint8Array(await response.arrayBuffer());
}

async function make(id, ext) {
  const review = session.review();
  const copy = setting(review, "option:copy") === "organiser" ? "" : "-members";
  const template = await templateFile(`templates/${id}/${id}${copy}.${ext}`);
  return makePaper(template, ext, PAPERS[id].kind, paperFor(review));
}

// The print view: the Word papers' own XML drawn as HTML, alone on the printed page.
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
function drawDocx(xml) {
  const body = new DOMParser().parseFromString(xml, "application/xml").getElementsByTagNameNS(W, "body")[0];
  const para = (p) => {
    const style = p.getElementsByTagNameNS(W, "pStyle")[0]?.getAttributeNS(W, "val") ?? "";
    const el = h(/^Heading[1-3]$/.test(style) ? "h" + style.at(-1) : "p");
    for (const n of p.getElementsByTagNameNS("*", "*")) {
      if (n.localName === "t") el.append(n.textContent);
      else if (n.localName === "br") el.append(h("br"));
      else if (n.localName === "tab") el.append(" ");
    }
    return el;
  };
  return [...body.children].map((b) => (b.localName === "p" ? para(b) : b.localName === "tbl"
    ? table([...b.getElementsByTagNameNS(W, "tr")].map((tr, i) => h("tr", {},
      [...tr.getElementsByTagNameNS(W, "tc")].map((tc) => h(i ? "td" : "th", {}, [...tc.getElementsByTagNameNS(W, "p")].map(para))))))
    : null)).filter(Boolean);
}

// The header row in a thead, which browsers repeat on every printed page, as the documents do.
const table = ([header, ...rows]) => h("table", {}, h("thead", {}, header), h("tbody", {}, rows));

async function makeFrom(what) {
  const status = paperPart("make-status");
  status.textContent = "Making the papers…";
  try {
    if (what === "print") {
      const view = h("div", { class: "scr-papers-print" });
      for (const [id, paper] of Object.entries(PAPERS)) {
        const entries = await readZip(await make(id, "docx"));
        const xml = new TextDecoder().decode(entries.find((e) => e.name === "word/document.xml").data);
        view.append(h("article", { class: "scr-paper-" + paper.kind }, drawDocx(xml)));
      }
      document.body.append(view);
      document.body.classList.add("scr-printing-papers");
      status.textContent = "The papers are ready to print.";
      addEventListener("afterprint", () => (view.remove(), document.body.classList.remove("scr-printing-papers")), { once: true });
      print();
    } else {
      const [id, ext] = what.split(".");
      download(await make(id, ext), `${PAPERS[id].name}.${ext}`, TYPES[ext]);
      status.textContent = `${PAPERS[id].label} made: see your downloads.`;
    }
  } catch {
    status.textContent = "The papers could not be made in this browser. They need Chrome or Edge 103, Firefox 113 or Safari 16.4, "
      + "or newer. You can still download the templates from the templates pages and fill them in.";
  }
}
