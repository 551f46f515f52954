// Read and write zip files (the container of .docx and .odt) with the browser's own
// CompressionStream, so meeting papers are made on the user's device with no library and
// nothing uploaded. Only what office documents need: stored and deflated entries, no
// encryption, no zip64.

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1; // 1980-01-01: the same bytes from the same input

export class ZipError extends Error {}

let crcTable = null;

export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function through(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The entries of a zip, in stored order: [{name, data}] with `data` uncompressed. */
export async function readZip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("not a zip file");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new ZipError("damaged zip directory");
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== LOCAL) throw new ZipError(`damaged zip entry ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + size);
    if (method !== STORED && method !== DEFLATED) throw new ZipError(`unsupported compression in ${name}`);
    const data = method === STORED ? raw.slice() : await through(raw, new DecompressionStream("deflate-raw"));
    entries.push({ name, data });
    at += 46 + skip;
  }
  return entries;
}

/**
 * A zip of `entries` ([{name, data, store}]) in the order given. `store: true` keeps an entry
 * uncompressed, as OpenDocument requires of its first entry, `mimetype`.
 */
export async function writeZip(entries) {
  const encoder = new TextEncoder();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
    const body = entry.store ? data : await through(data, new CompressionStream("deflate-raw"));
    const fields = [
      [2, 20], // version needed
      [2, 0x0800], // flags: names are UTF-8
      [2, entry.store ? STORED : DEFLATED],
      [2, 0], // time
      [2, DOS_DATE_1980],
      [4, crc32(data)],
      [4, body.length],
      [4, data.length],
      [2, name.length],
      [2, 0], // extra field length
    ];
    const local = header(LOCAL, fields);
    const central = header(CENTRAL, [[2, 20], ...fields, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directorySize = centrals.reduce((n, part) => n + part.length, 0);
  const end = header(END, [[2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, directorySize], [4, offset], [2, 0]]);
  return new Uint8Array(await new Blob([...locals, ...centrals, end]).arrayBuffer());
}

function header(signature, fields) {
  const size = 4 + fields.reduce((n, [bytes]) => n + bytes, 0);
  const view = new DataView(new ArrayBuffer(size));
  view.setUint32(0, signature, true);
  let at = 4;
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += bytes;
  }
  return new Uint8Array(view.buffer);
}
