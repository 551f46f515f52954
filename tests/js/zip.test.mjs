// node --test: the zip reader and writer of docs/assets/js/zip.mjs.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";

import { crc32, readZip, writeZip, ZipError } from "../../docs/assets/js/zip.mjs";

test("crc32 matches the standard check value", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
});

test("what is written reads back the same, in order, stored or deflated", async () => {
  const entries = [
    { name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true },
    { name: "content.xml", data: "<a>" + "é & <x/> ".repeat(500) + "</a>" },
    { name: "empty", data: new Uint8Array(0) },
  ];
  const zip = await writeZip(entries);
  const back = await readZip(zip);
  assert.deepEqual(back.map((e) => e.name), ["mimetype", "content.xml", "empty"]);
  assert.equal(new TextDecoder().decode(back[1].data), entries[1].data);
  assert.equal(new TextDecoder().decode(back[0].data), entries[0].data);
  // The stored entry sits uncompressed right after its 30-byte header and name.
  assert.equal(new TextDecoder().decode(zip.subarray(38, 38 + 39)), entries[0].data);
});

test("the same input gives the same bytes", async () => {
  const one = await writeZip([{ name: "a.xml", data: "<a/>" }]);
  const two = await writeZip([{ name: "a.xml", data: "<a/>" }]);
  assert.deepEqual(one, two);
});

test("text that is not a zip is refused in words", async () => {
  await assert.rejects(readZip(new TextEncoder().encode("hello")), ZipError);
});

// Files shared with the Python side of the test (tests/test_zip_js.py), when it gives them.
test("zips made by Python read here, and zips made here are written for Python", async (t) => {
  const folder = process.env.ZIP_TEST_DIR;
  if (!folder) return t.skip("run from pytest");
  const entries = await readZip(new Uint8Array(readFileSync(`${folder}/from-python.zip`)));
  const names = entries.map((e) => e.name);
  writeFileSync(`${folder}/names.json`, JSON.stringify(names));
  writeFileSync(`${folder}/from-node.zip`, await writeZip(entries.map((e) => ({ ...e, store: e.name === "mimetype" }))));
});
