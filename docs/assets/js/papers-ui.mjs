// "Prepare meeting papers" on the "My self-assessment" page (logic: papers.mjs; its HTML is in the
// page, from macros/pages/self_assessment.py). Built from text with createElement; nothing is sent anywhere.

import { baseOf, BOTH_KEPT, setBase, showText } from "./dom.mjs";
import { useStylesheet } from "./page-dom.mjs";
import { mergeText } from "./merge.mjs";
import { download } from "./download.mjs";
import { makePaper } from "./papers.mjs";
import { findReview, responseLabel } from "./review.mjs";
import { meetingDetail, setMeetingDetail } from "./reviews.mjs";
import { answerList } from "./summary.mjs";
import { readZip } from "./zip.mjs";

const site = new URL("../../", import.meta.url);
const PAPERS = [
  { id: "board-agenda", kind: "agenda", name: "agenda-extraordinary-board-meeting", label: "Agenda" },
  { id: "action-plan", kind: "plan", name: "improvement-action-plan", label: "Action plan" },
];
const TYPES = { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", odt: "application/vnd.oasis.opendocument.text" };
let ctx = null; // { root, session, framework } of the summary page
const chosen = new Map(); // answers ticked or unticked by the user, by "marker/question"

function h(tag, attributes, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) if (value != null && value !== false) el.setAttribute(name, value === true ? "" : value);
  el.append(...children.flat(2).filter((c) => c != null && c !== false));
  return el;
}

const key = ({ marker, question }) => marker.id + "/" + question.id;
const carried = (item) => chosen.get(key(item)) ?? ["partly", "no"].includes(item.answer.response);
const answered = (review) => answerList(review, ctx.framework).filter((item) => item.answer.response);
const label = ({ marker, question, onSite }) => (onSite ? `${marker.number}.${question.number}` : "");

// Its styles load with it, so guidance pages never download them.
const STYLES = new URL("../papers.css", import.meta.url).href;

/** Called by summary-page.mjs whenever the page is refreshed. */
export function refreshPapers(root, session, framework) {
  useStylesheet(STYLES);
  const review = session.review();
  const switched = ctx?.review !== review.id || ctx.root !== root;
  if (switched) chosen.clear(); // another review: its own defaults
  ctx = { root, session, framework, review: review.id };
  const part = (name) => root.querySelector(`[data-papers="${name}"]`);
  root.querySelector('[data-scr="papers-wait"]').hidden = true;
  part("body").hidden = false;
  for (const input of root.querySelectorAll("[data-papers-detail]")) {
    if (showText(input, meetingDetail(review, input.dataset.papersDetail), switched)) part("status").textContent = BOTH_KEPT;
  }
  const items = answered(review);
  const box = part("answers");
  const shape = items.map((i) => key(i) + i.answer.response).join() + review.id;
  if (box.dataset.shape === shape) return;
  box.dataset.shape = shape;
  box.replaceChildren(items.length ? h("ul", { class: "scr-carry" }, items.map((item, n) => h("li", {},
    h("input", { type: "checkbox", id: "scr-carry-" + n, "data-papers-carry": key(item), checked: carried(item) }),
    h("label", { for: "scr-carry-" + n }, `${label(item) || item.marker.id} ${item.question.text} (${responseLabel(item.answer.response)})`))))
    : h("p", {}, "No question in this review is answered yet: the papers will be the plain templates with your meeting details."));
}

const paperItems = (review) => answered(review).filter(carried).map((item) => ({
  label: label(item),
  heading: item.onSite ? `Marker ${item.marker.number}, ${item.marker.title}: question ${label(item)}` : `A question no longer on this site (marker ${item.marker.id})`,
  question: item.question.text,
  response: responseLabel(item.answer.response),
  notes: item.answer.notes,
}));

// The built template; the offline copy cannot fetch from file://, so it carries them in a script.
async function templateFile(path) {
  const carried = globalThis.__scrTemplateFiles?.[path];
  if (carried) return Uint8Array.from(atob(carried), (c) => c.charCodeAt(0));
  const response = await fetch(new URL(path, site));
  if (!response.ok) throw new Error(response.status);
  return new Uint8Array(await response.arrayBuffer());
}

async function make(paper, ext) {
  const review = ctx.session.review();
  const details = { ...review.meeting, Review: review.name };
  const template = await templateFile(`templates/${paper.id}/${paper.id}.${ext}`);
  return makePaper(template, ext, paper.kind, details, paperItems(review));
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
    ? h("table", {}, [...b.getElementsByTagNameNS(W, "tr")].map((tr, i) => h("tr", {},
      [...tr.getElementsByTagNameNS(W, "tc")].map((tc) => h(i ? "td" : "th", {}, [...tc.getElementsByTagNameNS(W, "p")].map(para))))))
    : null)).filter(Boolean);
}

async function onMake(el) {
  const status = ctx.root.querySelector('[data-papers="status"]');
  const what = el.dataset.papersMake;
  status.textContent = "Making the papers…";
  try {
    if (what === "print") {
      const view = h("div", { class: "scr-papers-print" });
      for (const paper of PAPERS) {
        const entries = await readZip(await make(paper, "docx"));
        view.append(h("article", {}, drawDocx(new TextDecoder().decode(entries.find((e) => e.name === "word/document.xml").data))));
      }
      document.body.append(view);
      document.body.classList.add("scr-printing-papers");
      status.textContent = "The papers are ready to print.";
      addEventListener("afterprint", () => (view.remove(), document.body.classList.remove("scr-printing-papers")), { once: true });
      print();
    } else {
      const [id, ext] = what.split(".");
      const paper = PAPERS.find((p) => p.id === id);
      download(await make(paper, ext), `${paper.name}.${ext}`, TYPES[ext]);
      status.textContent = `${paper.label} made: see your downloads.`;
    }
  } catch {
    status.textContent = "The papers could not be made here. Download the templates from the templates pages instead.";
  }
}

document.addEventListener("click", (e) => {
  const el = e.target.closest?.("[data-papers-make]");
  if (el && ctx) onMake(el);
});
document.addEventListener("change", (e) => {
  const key = e.target.dataset?.papersCarry;
  if (key) chosen.set(key, e.target.checked);
});
document.addEventListener("input", (e) => {
  const input = e.target;
  const name = input.dataset?.papersDetail;
  if (!name || !ctx) return;
  const { session, review: id } = ctx;
  const [base, mine] = [baseOf(input), input.value];
  let conflict = false;
  const saved = session.update((data) => {
    // Another tab may have changed this detail since this page last showed it: keep both.
    const theirs = meetingDetail(findReview(data, id), name);
    const merged = mergeText(base, mine, theirs);
    conflict = merged.conflict;
    return setMeetingDetail(data, id, name, merged.text);
  });
  setBase(input, mine);
  refreshPapers(ctx.root, session, ctx.framework);
  ctx.root.querySelector('[data-papers="status"]').textContent = conflict ? BOTH_KEPT
    : saved ? "" : "The meeting details could not be saved: see the warning at the top of the page.";
});
