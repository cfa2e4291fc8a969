/**
 * A bare scan of exports: the least any reader must do to get a file's cells, as an estimate of
 * the floor, not a reader. Workbooks: unzip with node:zlib and scan the first sheet's XML with
 * regexes (shared strings, numbers, booleans, inline strings; no styles, so no date detection, no
 * merged cells, no formula types, no sheet choice, no zip64). CSV: UTF-8 decode and split on line
 * breaks and commas (no quotes, no other encodings). Used by bench/xlsxLowerBound.ts and by the
 * ingest bench's *scan* runs (bench/ingestChild.ts).
 */
import { inflateRawSync } from "node:zlib";

/** Every entry of a (non-zip64) zip, inflated. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const unescape = (s: string) => (s.includes("&") ? s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!) : s);

/** A workbook's first sheet as rows of raw values: shared and inline strings, numbers, booleans (no styles, merges, sheet choice). */
export function scanWorkbook(buf: Buffer): unknown[][] {
  const zip = unzip(buf);
  const shared: string[] = [];
  for (const si of (zip.get("xl/sharedStrings.xml")?.toString("utf8") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    let text = "";
    for (const t of si[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)) text += t[1];
    shared.push(unescape(text));
  }
  const xml = zip.get("xl/worksheets/sheet1.xml")!.toString("utf8");
  const rows: unknown[][] = [];
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    const type = /t="(\w+)"/.exec(m[3]!)?.[1];
    const body = m[4] ?? "";
    const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    let value: unknown = null;
    if (type === "s") value = shared[Number(v)];
    else if (type === "inlineStr") value = unescape(/<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1] ?? "");
    else if (type === "str") value = unescape(v ?? "");
    else if (type === "b") value = v === "1";
    else if (v !== undefined) value = Number(v);
    (rows[Number(m[2]) - 1] ??= [])[col - 1] = value;
  }
  return rows;
}

/** A CSV's cells split on line breaks and commas, after UTF-8 decoding. */
export function scanCsv(buf: Buffer): string[][] {
  return buf.toString("utf8").split(/\r?\n/).filter((l) => l !== "").map((l) => l.split(","));
}
