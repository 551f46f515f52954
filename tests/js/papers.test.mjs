// node --test: making the meeting papers (docs/assets/js/papers.mjs). With PAPERS_DIR set (by
// tests/test_papers.py) it fills the real templates there and writes the results beside them.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";

import { DOCX, ODT, duration, escapeXml, fillAgenda, fillDetails, fillPlan, makePaper, planAgenda, plannedTime } from "../../docs/assets/js/papers.mjs";

// The board agenda's items as the page gives them (a few of them).
export const ITEMS = [
  { id: "welcome", title: "Welcome", lead: "Chair", minutes: 5, purpose: "information", findings: false, selfAssessment: false },
  { id: "decisions-on-findings", title: "Decision on each finding", lead: "Chair", minutes: 5, purpose: "decision", findings: true, selfAssessment: false },
  { id: "how-the-review-ran", title: "How the partnership ran this review", lead: "Board manager", minutes: 10, purpose: "discussion", findings: false, selfAssessment: true },
  { id: "any-other-business", title: "Any other business", lead: "Chair", minutes: 5, purpose: "information", findings: false, selfAssessment: false },
];
export const FINDINGS = [
  { name: "F1: Help for the family came late", text: "The report found <delays> & \"gaps\"\nover two years.", decision: "" },
  { name: "F2: Agencies did not share what they knew", text: "", decision: "Accepted in part" },
  { name: "R1: Supervision $& $1", text: "", decision: "" },
];
const DETAILS = { Partnership: "North & South <Partnership>", Date: "1 May 2026", Venue: "Room 'A'", Chair: "Ms \"Chair\"" };

test("escapeXml escapes markup and drops characters XML forbids", () => {
  assert.equal(escapeXml(`a&b<c>d"e'f\x01g`), "a&amp;b&lt;c&gt;d&quot;e&apos;fg");
});

test("duration is written as the templates write it", () => {
  assert.equal(duration(195), "3 hours 15 minutes");
  assert.equal(duration(60), "1 hour");
  assert.equal(duration(5), "5 minutes");
});

test("the agenda: one item per finding under the findings item, the self-assessment item only when chosen", () => {
  const plain = planAgenda(ITEMS, { findings: FINDINGS });
  assert.deepEqual(plain.rows.map((r) => r.number), ["1", "2", "2.1", "2.2", "2.3", "3"]);
  assert.deepEqual(plain.rows.map((r) => r.finding?.name ?? r.item.id), ["welcome", "decisions-on-findings", ...FINDINGS.map((f) => f.name), "any-other-business"]);
  assert.equal(plain.total, 5 + 5 + 3 * 10 + 5);
  const chosen = planAgenda(ITEMS, { findings: [], selfAssessment: true, minutes: { welcome: "15", "any-other-business": "x" }, findingMinutes: "20" });
  assert.deepEqual(chosen.rows.map((r) => [r.number, r.minutes]), [["1", 15], ["2", 5], ["3", 10], ["4", 5]], "a minutes box that is not a number keeps the template's");
  assert.equal(planAgenda(ITEMS, { findings: FINDINGS, findingMinutes: " 20 " }).total, 5 + 5 + 60 + 5);
});

test("the planned time, with the meeting's times and a warning when it runs over", () => {
  const agenda = planAgenda(ITEMS, { findings: FINDINGS, start: "14:00", end: "14:30" });
  assert.equal(agenda.over, 15);
  assert.equal(plannedTime(agenda), "Planned time: 45 minutes, 14:00 to 14:45. This is 15 minutes longer than the meeting, which is planned "
    + "to end at 14:30: shorten some items, or agree a later end time before the meeting.");
  const fits = planAgenda(ITEMS, { findings: [], start: "09:30", end: "16:00" });
  assert.equal(plannedTime(fits), "Planned time: 15 minutes, 09:30 to 09:45.");
  assert.equal(plannedTime(planAgenda(ITEMS, { start: "", end: "16:00" })), "Planned time: 15 minutes.");
  assert.equal(planAgenda(ITEMS, { start: "16:00", end: "14:00" }).over, 0, "an end before the start is not a length to warn about");
});

test("details replace their fill-in runs as text; empty ones stay fields", () => {
  const xml = '<w:p><w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Partnership]</w:t></w:r>' +
    '<w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Start time]</w:t></w:r></w:p>';
  const out = fillDetails(DOCX, xml, DETAILS);
  assert.match(out, /North &amp; South &lt;Partnership&gt;/);
  assert.match(out, /\[Start time\]/);
  const odt = fillDetails(ODT, '<text:span text:style-name="Fill_20_in_20_field">[Chair]</text:span>', DETAILS);
  assert.equal(odt, "Ms &quot;Chair&quot;");
});

test("field names are looked up, never made into patterns", () => {
  const xml = '<w:p><w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Date]</w:t></w:r></w:p>' +
    '<w:p><w:r><w:rPr><w:rStyle w:val="FillInField"/></w:rPr><w:t>[Venue &amp; room]</w:t></w:r></w:p>';
  const out = fillDetails(DOCX, xml, { "Date(": "x", "[": "y", constructor: "z", Date: "1 May", "Venue & room": "Hall" });
  assert.match(out, /1 May/);
  assert.match(out, /Hall/);
  assert.doesNotMatch(out, /FillInField/);
});

test("line breaks become line breaks", () => {
  assert.match(DOCX.run("a\nb"), /a<\/w:t><w:br\/><w:t xml:space="preserve">b/);
  assert.equal(ODT.run("a\r\nb  c"), 'a<text:line-break/>b <text:s text:c="1"/>c');
});

test("rows are found by their bookmark; a finding that mentions a planned time leaves the total alone", () => {
  const row = (id, n, title) => `<w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Tabletext"/></w:pPr><w:bookmarkStart w:id="${n}" w:name="item_${id}"/><w:bookmarkEnd w:id="${n}"/>`
    + `<w:r><w:t>${n}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>${title}</w:t></w:r></w:p></w:tc><w:tc><w:p></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc><w:tc><w:p></w:p></w:tc></w:tr>`;
  const xml = '<w:tbl><w:tblPr><w:tblCaption w:val="agenda"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>No.</w:t></w:r></w:p></w:tc></w:tr>'
    + row("welcome", 1, "Welcome") + row("decisions_on_findings", 2, "Decide") + row("how_the_review_ran", 3, "How") + row("any_other_business", 4, "AOB")
    + '</w:tbl><w:p><w:pPr><w:pStyle w:val="PlannedTime"/></w:pPr><w:r><w:t>Planned time: 25 minutes.</w:t></w:r></w:p>';
  const findings = [{ name: "F1: Planned time: 9 hours.", text: "", decision: "" }];
  const out = fillAgenda(DOCX, xml, planAgenda(ITEMS, { findings }), []);
  assert.match(out, /F1: Planned time: 9 hours\./, "the finding is as typed");
  assert.match(out, /PlannedTime"\/><\/w:pPr><w:r><w:t xml:space="preserve">Planned time: 25 minutes\./);
  assert.doesNotMatch(out, /How/, "the self-assessment item is left out unless chosen");
  assert.deepEqual([...out.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0].replace(/<[^>]+>/g, "|").replace(/\|+/g, "|")),
    ["|No.|", "|1|Welcome|5|", "|2|Decide|5|", "|2.1|F1: Planned time: 9 hours.|For decision|10|Decision|", "|3|AOB|5|"]);
});

test("no findings: the plan is unchanged", () => {
  assert.equal(fillPlan(ODT, "<x/>", []), "<x/>");
});

const dir = process.env.PAPERS_DIR;
test("the real templates are filled in", { skip: !dir && "PAPERS_DIR not set" }, async () => {
  const { items, fields } = JSON.parse(readFileSync(`${dir}/page-data.json`, "utf8"));
  const details = Object.fromEntries(fields.map((name) => [name, name === "Start time" ? "14:00" : name === "End time" ? "16:00" : `${name} <&> "x"`]));
  const words = ["Time given to receive the report: No", "Marker 7, Involving the family: Partly"];
  for (const copy of ["", "-members"]) {
    for (const format of ["docx", "odt"]) {
      const file = (id) => new Uint8Array(readFileSync(`${dir}/templates/${id}/${id}${copy}.${format}`));
      const agenda = planAgenda(items, { findings: FINDINGS, selfAssessment: true, start: "14:00", end: "16:00" });
      writeFileSync(`${dir}/agenda${copy}.${format}`, await makePaper(file("board-agenda"), format, "agenda", { details, agenda, words }));
      writeFileSync(`${dir}/plan${copy}.${format}`, await makePaper(file("action-plan"), format, "plan", { details, findings: FINDINGS }));
    }
  }
});
