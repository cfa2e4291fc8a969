/**
 * One timed ingest run in a fresh process (so peak memory belongs to this run alone), printing one
 * JSON line. Modes:
 *   ours   buildWarehouse(root) into a new DuckDB file, as a cold build does: every snapshot ingested
 *          (read, normalise, validate), written to its snapshot file and copied into the warehouse
 *   ours1  the same with no worker threads (every snapshot read in the main thread)
 *   floor  DuckDB alone: CREATE TABLE … AS SELECT * FROM read_csv(clean UTF-8 CSV) for every
 *          warehouse table, into a new DuckDB file + CHECKPOINT
 *   read   only the reading layer of ours (decode, parse CSV/XLSX, header, data rows), split by format
 *   naive  papaparse (CSV) / exceljs (XLSX) + a plain JS pass: decode, parse, per-cell trim,
 *          number and date parse; no header search, no validation, nothing stored
 *   scan   the bare scan of every file (bench/bareScan.ts): the least any reader does to get the
 *          cells, no value typed, nothing validated or stored (issue 17's "≤ 2× the scan")
 * Usage: tsx bench/ingestChild.ts --mode ours|ours1|floor|read|naive|scan --data ROOT [--clean DIR] [--db FILE [--keep]]
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { scanCsv, scanWorkbook } from "./bareScan.ts";
import { tableByKey } from "../loaders/contract/tables.ts";
import { discoverSnapshots, readTableFile } from "../loaders/ingest/read/index.ts";
import { loadPlan } from "../loaders/plan/load.ts";
import { buildWarehouse } from "../loaders/warehouse/build.ts";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mode = arg("mode");
const data = arg("data");
const plan = loadPlan();
const clean = arg("clean");
const dbFile = arg("db") ?? `/tmp/bench-ingest-${process.pid}.duckdb`;
if (!mode || !data) throw new Error("usage: --mode ours|ours1|floor|read|naive|scan --data ROOT [--clean DIR] [--db FILE]");

const baseRss = process.memoryUsage().rss;
let sampledPeak = baseRss;
// A cross-check only: the kernel's high-water mark (maxRSS, below) is the figure reported.
const sampler = setInterval(() => {
  const r = process.memoryUsage.rss();
  if (r > sampledPeak) sampledPeak = r;
}, 50);

function freshDb(): void {
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}.wal`, { force: true });
}

const phases: Record<string, number> = {};
let rows = 0;
let cells = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();

if (mode === "ours" || mode === "ours1") {
  freshDb();
  // A snapshot cache of its own, empty: this is a cold build (no snapshot to copy from).
  const cache = `${dbFile}.snapshots`;
  rmSync(cache, { recursive: true, force: true });
  // ours1: the same build with every snapshot read in this thread (no worker threads).
  const stats = await buildWarehouse(data, dbFile, plan, { snapshotCache: cache, ...(mode === "ours1" ? { workers: 1 } : {}) });
  rmSync(cache, { recursive: true, force: true });
  phases.ingest = stats.ingestMs;
  phases.write = stats.totalMs - stats.ingestMs; // scan, snapshot files, copies, CHECKPOINT
  const db = await DuckDBInstance.create(dbFile, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  rows = Number((await conn.runAndReadAll("SELECT sum(rows_read)::BIGINT AS n FROM ingest_files")).getRowObjectsJson()[0]!.n);
  conn.closeSync();
  db.closeSync();
} else if (mode === "floor") {
  if (!clean) throw new Error("--clean DIR is required for --mode floor");
  const files = readdirSync(clean).filter((f) => f.endsWith(".csv")).sort();
  freshDb();
  const db = await DuckDBInstance.create(dbFile);
  const conn = await db.connect();
  for (const f of files) {
    const table = f.replace(/\.csv$/, "");
    await conn.run(`CREATE TABLE "${table}" AS SELECT * FROM read_csv('${join(clean, f)}', header = true)`);
  }
  await conn.run("CHECKPOINT");
  const counted = await conn.runAndReadAll(
    files.map((f) => `SELECT count(*)::BIGINT AS n FROM "${f.replace(/\.csv$/, "")}"`).join(" UNION ALL "),
  );
  rows = counted.getRowObjectsJson().reduce((s, r) => s + Number(r.n), 0);
  conn.closeSync();
  db.closeSync();
} else if (mode === "read") {
  // Only the reading layer (decode, parse, header, data rows) of ours, per format: ingest − read is normalise + validate.
  const found = discoverSnapshots(data);
  for (const snap of found.snapshots) {
    for (const f of snap.files) {
      const format = f.path.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
      const c = process.cpuUsage();
      const t = performance.now();
      const read = await readTableFile(f.path, tableByKey(plan, f.table));
      phases[`${format}Ms`] = (phases[`${format}Ms`] ?? 0) + (performance.now() - t);
      const d = process.cpuUsage(c);
      phases[`${format}CpuMs`] = (phases[`${format}CpuMs`] ?? 0) + (d.user + d.system) / 1000;
      rows += read.rows.length;
    }
  }
} else if (mode === "scan") {
  for (const snap of discoverSnapshots(data).snapshots) {
    for (const f of snap.files) {
      const buf = readFileSync(f.path);
      rows += (f.path.toLowerCase().endsWith(".csv") ? scanCsv(buf) : scanWorkbook(buf)).length;
    }
  }
} else if (mode === "naive") {
  // What one would write first: decode, parse, and turn every cell into a trimmed string, a number or a date.
  const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
  const NUM = /^-?[\d,]*\.?\d+$/;
  const cell = (v: unknown): unknown => {
    cells++;
    if (v == null) return null;
    if (v instanceof Date || typeof v === "number" || typeof v === "boolean") return v;
    if (typeof v === "object") {
      const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
      if (o.richText) return o.richText.map((r) => r.text).join("").trim();
      return cell(o.result ?? o.text ?? null);
    }
    const s = String(v).trim();
    if (s === "") return null;
    if (NUM.test(s)) return Number(s.replace(/,/g, ""));
    const m = DATE.exec(s);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return s;
  };
  const decode = (buf: Buffer): string => {
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder("utf-8").decode(buf.subarray(3));
    if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buf);
    } catch {
      return new TextDecoder("gb18030").decode(buf);
    }
  };
  const snaps = readdirSync(data).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && statSync(join(data, d)).isDirectory()).sort();
  for (const s of snaps) {
    for (const f of readdirSync(join(data, s)).sort()) {
      const path = join(data, s, f);
      const out: unknown[][] = [];
      if (f.endsWith(".csv")) {
        const parsed = Papa.parse<string[]>(decode(readFileSync(path)), { skipEmptyLines: true });
        for (const r of parsed.data) out.push(r.map(cell));
      } else if (f.endsWith(".xlsx")) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
        const ws = wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0]!;
        ws.eachRow((row) => {
          const r: unknown[] = [];
          row.eachCell((c) => r.push(cell(c.value)));
          out.push(r);
        });
      } else continue;
      rows += out.length;
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
if (!process.argv.includes("--keep")) freshDb();
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    mode,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    phases,
    rows,
    cells,
    baseRssMB: baseRss / 2 ** 20,
    peakRssMB: Math.max(usage.maxRSS * 1024, sampledPeak) / 2 ** 20,
  }),
);
