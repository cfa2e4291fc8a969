/**
 * An estimate, not a reader: how fast can the cells of one .xlsx sheet come out without exceljs?
 * Unzips with node:zlib and scans the sheet XML with regexes (shared strings, numbers, booleans,
 * inline strings; no styles, so no date detection, no merged cells, no formula types, no sheet
 * choice, no zip64). Compares CPU time with exceljs `xlsx.load` (the ingest's ignoreNodes) on the
 * same bytes, three times. Quoted in docs/benchmarks.md as the head-room a purpose-built reader has.
 *   tsx bench/xlsxLowerBound.ts FILE.xlsx
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

/** Every entry of a (non-zip64) zip, inflated. */
function unzip(buf: Buffer): Map<string, Buffer> {
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

function scan(buf: Buffer): unknown[][] {
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

const IGNORE_NODES = ["dataValidations", "conditionalFormatting", "extLst", "hyperlinks", "drawing", "picture", "sheetProtection", "headerFooter", "pageSetup", "printOptions", "pageMargins", "rowBreaks"];
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

const buf = readFileSync(process.argv[2]!);
for (let i = 0; i < 3; i++) {
  let c = process.cpuUsage();
  const rows = scan(buf);
  const fast = cpuMs(process.cpuUsage(c));
  c = process.cpuUsage();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: IGNORE_NODES } as Parameters<typeof wb.xlsx.load>[1]);
  let n = 0;
  wb.worksheets[0]!.eachRow(() => n++);
  const slow = cpuMs(process.cpuUsage(c));
  console.log(`rows: scan ${rows.length}, exceljs ${n}; CPU: scan ${fast.toFixed(0)} ms, exceljs ${slow.toFixed(0)} ms → ${(slow / fast).toFixed(1)}×`);
}
