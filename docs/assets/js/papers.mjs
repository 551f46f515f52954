// Meeting papers from the review's findings, no DOM: the agenda's timings, and pure functions
// that fill in the XML of the built templates (.docx word/document.xml, .odt content.xml) as
// text. The templates' layout is described in macros/documents/__init__.py: fill-in runs
// '[Field]', tables named 'agenda' and 'plan', each agenda row marked by the bookmark
// `item_<id>` in its first cell, identical empty rows at the end of a plan, and the planned
// time in a paragraph style of its own. What users typed is always escaped.

import { own } from "./review.mjs";
import { readZip, writeZip } from "./zip.mjs";

export const FINDING_MINUTES = 10; // each finding's item for decision, until the user changes it

// XML 1.0 allows no other control characters.
export const escapeXml = (text) => String(text).replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, "")
  .replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);

const unescapeXml = (text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]);

const lines = (text) => String(text).replace(/\r\n?/g, "\n").split("\n").map(escapeXml);

export const DOCX = {
  part: "word/document.xml",
  table: (name) => new RegExp(`<w:tbl>(?:(?!</w:tbl>).)*?<w:tblCaption w:val="${name}"/>.*?</w:tbl>`, "s"),
  row: /<w:tr>.*?<\/w:tr>/gs,
  cell: /<w:tc>.*?<\/w:tc>/gs,
  cellStart: /^(<w:tc>(?:<w:tcPr>.*?<\/w:tcPr>)?)(<w:p>(?:<w:pPr>.*?<\/w:pPr>)?)/s,
  rowStart: /^<w:tr>(?:<w:trPr>.*?<\/w:trPr>)?/s,
  rowName: /<w:bookmarkStart w:id="\d+" w:name="item_(\w+)"\/>/,
  end: ["</w:p>", "</w:tc>", "</w:tr>"],
  // The placeholders the site put there, matched by their markup: user text is escaped, so it
  // can never look like one, and field names are only ever looked up, never made into patterns.
  fill: /<w:r><w:rPr><w:rStyle w:val="FillInField"\/><\/w:rPr><w:t>\[([^<\]]*)\]<\/w:t><\/w:r>/g,
  plannedTime: /(<w:p><w:pPr><w:pStyle w:val="PlannedTime"\/><\/w:pPr>).*?(<\/w:p>)/s,
  run: (text, strong) => `<w:r>${strong ? "<w:rPr><w:b/></w:rPr>" : ""}${lines(text)
    .map((l) => `<w:t xml:space="preserve">${l.replace(/\t/g, '</w:t><w:tab/><w:t xml:space="preserve">')}</w:t>`).join("<w:br/>")}</w:r>`,
};

export const ODT = {
  part: "content.xml",
  table: (name) => new RegExp(`<table:table table:name="${name}".*?</table:table>`, "s"),
  row: /<table:table-row[ >].*?<\/table:table-row>/gs,
  cell: /<table:table-cell[ >].*?<\/table:table-cell>/gs,
  cellStart: /^(<table:table-cell[^>]*>)(<text:p[^>]*?)\/?>/,
  rowStart: /^<table:table-row[^>]*>/,
  rowName: /<text:bookmark text:name="item_(\w+)"\/>/,
  end: ["</text:p>", "</table:table-cell>", "</table:table-row>"],
  fill: /<text:span text:style-name="Fill_20_in_20_field">\[([^<\]]*)\]<\/text:span>/g,
  plannedTime: /(<text:p text:style-name="Planned_20_time">).*?(<\/text:p>)/s,
  run: (text, strong) => {
    const body = lines(text).map((l) => l.replace(/\t/g, "<text:tab/>").replace(/ ( +)/g, (_, s) => ` <text:s text:c="${s.length}"/>`))
      .join("<text:line-break/>");
    return strong ? `<text:span text:style-name="Strong_20_Emphasis">${body}</text:span>` : body;
  },
};

const textOf = (xml) => xml.replace(/<[^>]+>/g, "");

// A new cell like `cell`, holding `paragraphs`: each a list of [text, strong] runs.
function cellLike(f, cell, paragraphs) {
  const [, start, p] = cell.match(f.cellStart);
  const open = f === ODT ? p + ">" : p;
  return start + paragraphs.map((runs) => open + runs.map(([t, strong]) => (t ? f.run(t, strong) : "")).join("") + f.end[0]).join("") + f.end[1];
}

// A row like `row` with `cells` in place of its own; where `cells` has no entry, the cell is kept.
const rowLike = (f, row, cells, change = (s) => s) =>
  change(row.match(f.rowStart)[0]) + (row.match(f.cell) ?? []).map((c, i) => (cells[i] ? cellLike(f, c, cells[i]) : c)).join("") + f.end[2];

/** Each fill-in field '[Name]' with a text in `details` (`{ Partnership: "..." }`) becomes that text. */
export function fillDetails(f, xml, details) {
  return xml.replace(f.fill, (placeholder, escapedName) => {
    const value = own(details, unescapeXml(escapedName));
    return typeof value == "string" && value.trim() ? f.run(value) : placeholder;
  });
}

function editTable(f, xml, name, edit) {
  return xml.replace(f.table(name), (table) => {
    const rows = table.match(f.row).slice(1); // after the header row
    const start = table.indexOf(rows[0]);
    return table.slice(0, start) + edit(rows).join("") + table.slice(table.lastIndexOf(rows.at(-1)) + rows.at(-1).length);
  });
}

export function duration(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const s = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return [hours && s(hours, "hour"), (rest || !hours) && s(rest, "minute")].filter(Boolean).join(" ");
}

const toMinutes = (time) => (/^\d\d:\d\d$/.test(time ?? "") ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : null);
const clock = (minutes) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const wholeMinutes = (value, fallback) => (/^\d{1,3}$/.test(String(value ?? "").trim()) ? Number(value) : fallback);

/**
 * The agenda as the meeting will run: the template's `items` (the page's data: id, title, lead,
 * minutes, purpose, findings, selfAssessment) with the user's `minutes` by item id, one item
 * for decision per finding under the findings item, and the self-assessment item only if
 * `selfAssessment`. Rows: { item, finding?, number, minutes }. `start`, `end`: "14:00".
 */
export function planAgenda(items, { minutes, findings = [], findingMinutes, selfAssessment, start, end }) {
  const rows = [];
  const each = wholeMinutes(findingMinutes, FINDING_MINUTES);
  for (const item of items) {
    if (item.selfAssessment && !selfAssessment) continue;
    const number = String(rows.filter((r) => !r.finding).length + 1);
    rows.push({ item, number, minutes: wholeMinutes(own(minutes, item.id), item.minutes) });
    if (item.findings) findings.forEach((finding, k) => rows.push({ item, finding, number: `${number}.${k + 1}`, minutes: each }));
  }
  const total = rows.reduce((n, r) => n + r.minutes, 0);
  const [from, to] = [toMinutes(start), toMinutes(end)];
  const length = from != null && to != null && to > from ? to - from : null;
  return { rows, total, from, length, over: length != null && total > length ? total - length : 0 };
}

/** "Planned time: 2 hours 40 minutes, 14:00 to 16:40." */
export function timeSummary({ total, from }) {
  return `Planned time: ${duration(total)}${from == null ? "" : `, ${clock(from)} to ${clock(from + total)}`}.`;
}

/** What to say when the agenda runs past the meeting's end time, else "". */
export function overrunWarning({ from, length, over }) {
  return over ? `This is ${duration(over)} longer than the meeting, which is planned to end at ${clock(from + length)}:`
    + " shorten some items, or agree a later end time before the meeting." : "";
}

/** The agenda's planned time as the paper states it, with the warning if it overruns. */
export const plannedTime = (agenda) => [timeSummary(agenda), overrunWarning(agenda)].filter(Boolean).join(" ");

/**
 * The agenda with `agenda.rows` (from planAgenda) in place of the template's rows. `review`:
 * { findings, answers: ["Time given to receive the report: No", ...], notes: [...] } for the
 * self-assessment item (notes only if the user chose to include them).
 */
export function fillAgenda(f, xml, agenda, words) {
  xml = editTable(f, xml, "agenda", (rows) => {
    const byName = new Map(rows.map((row) => [row.match(f.rowName)?.[1], row]));
    return agenda.rows.map(({ item, finding, number, minutes }) => {
      const row = byName.get(item.id.replace(/-/g, "_"));
      if (!row) return "";
      const cells = { 0: [[[number]]], 3: [[[String(minutes)]]] };
      if (finding) {
        Object.assign(cells, {
          1: [[[finding.name, true]], ...(finding.text ? [[[finding.text]]] : []), [[finding.decision ? `Decision: ${finding.decision}` : "For decision"]]],
          4: [[["Decision"]]],
          5: [[[""]]], // the organiser's marker-question column: a finding serves none
        });
      } else if (item.selfAssessment) {
        const found = words.length ? words.map((w) => [[w]]) : [[["No question was answered, and no marker judged, Partly or No."]]];
        cells[1] = [[[item.title, true]], ...(item.notes ? [[[item.notes]]] : []), [["What the self-assessment found:", true]], ...found];
      }
      return rowLike(f, row, cells);
    });
  });
  // Found by its paragraph style, so a note that mentions a planned time is left as typed.
  return xml.replace(f.plannedTime, (_, start, end) => start + f.run(plannedTime(agenda)) + end);
}

/** The plan with a row for each finding before its empty rows, which stay for actions the meeting adds. */
export function fillPlan(f, xml, findings) {
  if (!findings.length) return xml;
  return editTable(f, xml, "plan", (rows) => {
    const empty = rows.filter((r) => !textOf(r).trim());
    const template = empty[0] ?? rows.at(-1);
    const full = rows.filter((r) => !empty.includes(r));
    const added = findings.map((finding) => rowLike(f, template, [[[[finding.name, true]]]], (s) => s.replace(".empty\"", ".row\"")));
    return [...full, ...added, ...empty];
  });
}

/**
 * A filled-in copy of a template file (bytes of .docx or .odt). `paper`: { details, agenda,
 * words } for an agenda, { details, findings } for a plan; `kind`: "agenda" or "plan".
 */
export async function makePaper(bytes, format, kind, paper) {
  const f = format === "odt" ? ODT : DOCX;
  const entries = await readZip(bytes);
  const decoder = new TextDecoder();
  return writeZip(entries.map((e) => {
    if (e.name !== f.part) return { ...e, store: e.name === "mimetype" };
    let xml = fillDetails(f, decoder.decode(e.data), paper.details);
    xml = kind === "plan" ? fillPlan(f, xml, paper.findings) : fillAgenda(f, xml, paper.agenda, paper.words);
    return { name: e.name, data: xml };
  }));
}
