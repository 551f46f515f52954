// node --test: filling in the meeting templates (docs/assets/js/papers.mjs). With PAPERS_DIR set
// (by tests/test_papers.py) it fills the real templates there and writes the results beside them.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";

import { DOCX, ODT, addAgendaItems, addPlanRows, duration, escapeXml, fillDetails, makePaper } from "../../docs/assets/js/papers.mjs";

export const ITEMS = [
  { label: "15.1", heading: "Marker 15, Improvement action: question 15.1", question: "Is there a coherent mechanism?", response: "Partly",
    notes: `Tom & Jerry <b>said</b> "no" isn't it\nsecond line` },
  { label: "15.4", heading: "Marker 15, Improvement action: question 15.4", question: "Linked?", response: "No", notes: "" },
  { label: "1.2", heading: "Marker 1, Referral: question 1.2", question: "Referred?", response: "Partly", notes: "$& $1" },
];

const DETAILS = { Partnership: "North & South <Partnership>", Date: "1 May 2026", Time: "", Venue: "Room 'A'", Chair: "Ms \"Chair\"" };

test("escapeXml escapes markup and drops characters XML forbids", () => {
  assert.equal(escapeXml(`a&b<c>d"e'f\x01g`), "a&amp;b&lt;c&gt;d&quot;e&apos;fg");
});

test("duration is written as the templates write it", () => {
  assert.equal(duration(195), "3 hours 15 minutes");
  assert.equal(duration(60), "1 hour");
  assert.equal(duration(5), "5 minutes");
});

test("details replace their fill-in runs as text; empty ones stay fields", () => {
  const xml = '<w:p><w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Partnership]</w:t></w:r>' +
    '<w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Time]</w:t></w:r></w:p>';
  const out = fillDetails(DOCX, xml, DETAILS);
  assert.match(out, /North &amp; South &lt;Partnership&gt;/);
  assert.match(out, /\[Time\]/);
  const odt = fillDetails(ODT, '<text:span text:style-name="Fill_20_in_20_field">[Chair]</text:span>', DETAILS);
  assert.equal(odt, "Ms &quot;Chair&quot;");
});

test("line breaks become line breaks", () => {
  assert.match(DOCX.run("a\nb"), /a<\/w:t><w:br\/><w:t xml:space="preserve">b/);
  assert.equal(ODT.run("a\r\nb  c"), 'a<text:line-break/>b <text:s text:c="1"/>c');
});

test("no items: the XML is unchanged", () => {
  assert.equal(addAgendaItems(DOCX, "<x/>", []), "<x/>");
  assert.equal(addPlanRows(ODT, "<x/>", []), "<x/>");
});

const dir = process.env.PAPERS_DIR;
test("the real templates are filled in", { skip: !dir && "PAPERS_DIR not set" }, async () => {
  for (const [kind, id] of [["agenda", "board-agenda"], ["plan", "action-plan"]]) {
    for (const format of ["docx", "odt"]) {
      const bytes = new Uint8Array(readFileSync(`${dir}/templates/${id}/${id}.${format}`));
      writeFileSync(`${dir}/${id}-filled.${format}`, await makePaper(bytes, format, kind, DETAILS, ITEMS));
      writeFileSync(`${dir}/${id}-plain.${format}`, await makePaper(bytes, format, kind, DETAILS, []));
    }
  }
});

test("meeting details are kept with a review, exported and imported; only texts", async () => {
  const { parseSaved } = await import("../../docs/assets/js/review.mjs");
  const { exportJSON, readExport } = await import("../../docs/assets/js/exchange.mjs");
  const { FRAMEWORK, T0 } = await import("./fixtures.mjs");
  const review = { id: "r1", name: "A", created: T0, updated: T0, answers: {}, meeting: { Partnership: "P & Q", Date: 3 } };
  const { data, damaged } = parseSaved(JSON.stringify({ version: 1, current: "r1", reviews: [review] }));
  assert.equal(damaged, true, "a detail that is not text is damage, so the saved text is kept aside");
  assert.deepEqual({ ...data.reviews[0].meeting }, { Partnership: "P & Q" });
  assert.equal(parseSaved(JSON.stringify({ version: 1, current: "r1", reviews: [{ ...review, meeting: undefined }] })).data.reviews[0].meeting, undefined);
  const back = readExport(exportJSON(data.reviews[0], FRAMEWORK, T0));
  assert.deepEqual({ ...back.review.meeting }, { Partnership: "P & Q" });
});

test("field names are looked up, never made into patterns; a note cannot move the planned time", () => {
  const xml = '<w:p><w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Date]</w:t></w:r></w:p>' +
    '<w:p><w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Venue &amp; room]</w:t></w:r></w:p>';
  const out = fillDetails(DOCX, xml, { "Date(": "x", "[": "y", "constructor": "z", Date: "1 May", "Venue & room": "Hall" });
  assert.match(out, /1 May/);
  assert.match(out, /Hall/);
  assert.doesNotMatch(out, /FillInField/);
  const agenda = '<w:tbl><w:tblPr><w:tblCaption w:val="agenda"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>No.</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Discuss</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t>Chair</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>30</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t>Discussion</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>15.1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:pPr><w:pStyle w:val="PlannedTime"/></w:pPr><w:r><w:t>Planned time: 30 minutes.</w:t></w:r></w:p>';
  const items = [{ ...ITEMS[0], notes: "Planned time: 9 hours. Agreed." }];
  const filled = addAgendaItems(DOCX, agenda, items);
  assert.match(filled, /Planned time: 9 hours\. Agreed\./, "the note is as typed");
  assert.match(filled, /PlannedTime"\/><\/w:pPr><w:r><w:t xml:space="preserve">Planned time: 40 minutes\./);
});
