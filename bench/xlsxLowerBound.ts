/**
 * How close the ingest's .xlsx reader comes to a bare scan of the same workbooks, in one process:
 *   - scan: unzips with node:zlib and scans the sheet XML with regexes (shared strings, numbers,
 *     booleans, inline strings; no styles, so no date detection, no merged cells, no formula
 *     types, no sheet choice, no zip64) — an estimate of the floor, not a reader;
 *   - exceljs: the reference reader (loaders/ingest/read/xlsxExceljs.ts, exceljs `xlsx.load` with
 *     the ingest's ignoreNodes, then the rows of the chosen sheet);
 *   - fast: the ingest's reader (loaders/ingest/read/xlsx.ts).
 * Each is timed in CPU time (user + system, so garbage collection on other threads counts) over
 * every workbook of each argument (a file or a folder, searched recursively); the best of
 * `--runs` passes is kept (default 3). Quoted in docs/benchmarks.md ("1a").
 *   tsx bench/xlsxLowerBound.ts [--runs N] PATH…
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { inflateRawSync } from "node:zlib";
import { tableByKey } from "../loaders/contract/tables.ts";
import { tableOfFile } from "../loaders/ingest/read/discover.ts";
import { readXlsx, readXlsxFast } from "../loaders/ingest/read/xlsx.ts";
import { readXlsxExceljs } from "../loaders/ingest/read/xlsxExceljs.ts";
import { loadPlan } from "../loaders/plan/load.ts";

const plan = loadPlan();

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

function workbooks(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? workbooks(join(path, e.name)) : e.name.endsWith(".xlsx") ? [join(path, e.name)] : []));
}

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "3" } }, allowPositionals: true });
const runs = Number(values.runs);
for (const path of positionals) {
  const files = workbooks(path).map((f) => ({ f, buf: readFileSync(f), table: tableByKey(plan, tableOfFile(basename(f))!) }));
  // The fast reader must read every one of these itself, or its time would be exceljs's.
  for (const { f, buf, table } of files) await readXlsxFast(buf, table, f);
  const best = { scan: Infinity, exceljs: Infinity, fast: Infinity };
  let cells = 0;
  for (let r = 0; r < runs; r++) {
    let c = process.cpuUsage();
    for (const { buf } of files) scan(buf);
    best.scan = Math.min(best.scan, cpuMs(process.cpuUsage(c)));
    c = process.cpuUsage();
    for (const { f, buf, table } of files) await readXlsxExceljs(buf, table, f);
    best.exceljs = Math.min(best.exceljs, cpuMs(process.cpuUsage(c)));
    c = process.cpuUsage();
    cells = 0;
    for (const { f, buf, table } of files) for (const row of (await readXlsx(buf, table, f)).rows) cells += row.length;
    best.fast = Math.min(best.fast, cpuMs(process.cpuUsage(c)));
  }
  const mb = files.reduce((n, x) => n + x.buf.length, 0) / 1e6;
  console.log(
    `${path}: ${files.length} workbooks, ${mb.toFixed(1)} MB, ${cells} cells; CPU ms (best of ${runs}): ` +
      `scan ${best.scan.toFixed(0)}, exceljs ${best.exceljs.toFixed(0)} (${(best.exceljs / best.scan).toFixed(1)}×), ` +
      `fast ${best.fast.toFixed(0)} (${(best.fast / best.scan).toFixed(2)}×); fast is ${(best.exceljs / best.fast).toFixed(1)}× exceljs`,
  );
}
