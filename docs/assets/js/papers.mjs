// Meeting papers from the self-assessment, no DOM: pure functions that fill in the XML of the
// built templates (.docx word/document.xml, .odt content.xml) as text. The templates' layout
// is described in macros/documents/__init__.py: fill-in runs '[Field]', tables named 'agenda'
// and 'plan', identical empty rows at the end of a plan. What users typed is always escaped.

import { own } from "./review.mjs";
import { readZip, writeZip } from "./zip.mjs";

// The agenda's columns: No., Item, Lead, Minutes, Purpose, Marker question.
const MINUTES = 10; // given to each discussion item

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

const rowLike = (f, row, cells, change = (s) => s) =>
  change(row.match(f.rowStart)[0]) + (row.match(f.cell) ?? []).map((c, i) => cellLike(f, c, cells[i] ?? [[]])).join("") + f.end[2];

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

const itemParagraphs = (item) => [
  [[`${item.heading}: ${item.question}`, true]],
  [["Response: ", true], [item.response]],
  [["Notes and evidence: ", true], [item.notes || "none"]],
];

/**
 * The agenda with a discussion item for each of `items` ({ label: "15.3", heading, question,
 * response, notes }): under the item that serves the same question, else under the first
 * discussion item; numbered 5.1, 5.2 after it, and the planned time updated.
 */
export function addAgendaItems(f, xml, items) {
  if (!items.length) return xml;
  let total = 0;
  xml = editTable(f, xml, "agenda", (rows) => {
    const texts = rows.map((r) => (r.match(f.cell) ?? []).map(textOf));
    const fallback = Math.max(0, texts.findIndex((t) => t[4] === "Discussion"));
    const under = rows.map(() => []);
    for (const item of items) {
      // The item that serves the same question, preferably one held for discussion or decision.
      const serves = texts.map((t, i) => (t[5] === item.label ? i : -1)).filter((i) => i >= 0);
      under[serves.find((i) => texts[i][4] !== "Information") ?? serves[0] ?? fallback].push(item);
    }
    return rows.flatMap((row, i) => {
      total += Number(texts[i][3]) || 0;
      return [row, ...under[i].map((item, k) => {
        total += MINUTES;
        return rowLike(f, row, [[[[`${texts[i][0]}.${k + 1}`]]], itemParagraphs(item), [[[texts[i][2]]]], [[[String(MINUTES)]]],
          [[["Discussion"]]], [[[item.label]]]]);
      })];
    });
  });
  // Found by its paragraph style, so a note that mentions a planned time is left as typed.
  return xml.replace(f.plannedTime, (_, start, end) => start + f.run(`Planned time: ${duration(total)}.`) + end);
}

/** The plan with one row for each of `items` in place of its empty rows, the Finding filled in. */
export function addPlanRows(f, xml, items) {
  if (!items.length) return xml;
  return editTable(f, xml, "plan", (rows) => {
    const empty = rows.filter((r) => !textOf(r).trim());
    const template = empty[0] ?? rows.at(-1);
    return rows.filter((r) => !empty.includes(r)).concat(items.map((item, i) =>
      rowLike(f, template, [[[[String(i + 1)]]], itemParagraphs(item)], (s) => s.replace(".empty\"", ".row\""))));
  });
}

/** A filled-in copy of a template file (bytes of .docx or .odt). */
export async function makePaper(bytes, format, kind, details, items) {
  const f = format === "odt" ? ODT : DOCX;
  const entries = await readZip(bytes);
  const decoder = new TextDecoder();
  return writeZip(entries.map((e) => {
    if (e.name !== f.part) return { ...e, store: e.name === "mimetype" };
    let xml = fillDetails(f, decoder.decode(e.data), details);
    xml = kind === "plan" ? addPlanRows(f, xml, items) : addAgendaItems(f, xml, items);
    return { name: e.name, data: xml };
  }));
}
