/**
 * `npm run bench`: how fast the pipeline is at scale 1, 10 and 50, written to docs/benchmarks.md.
 *
 *   npm run bench -- [--scales 1,10,50] [--runs N] [--large-runs M] [--only ingest,kpi,site,pages]
 *
 * For each scale the sample is generated once into .cache/bench/scale-N (kept between runs). Then:
 *   ingest  ours (buildWarehouse, cold; and once on one thread), the DuckDB floor (read_csv of the same rows
 *           as clean UTF-8 CSV) and a naive papaparse/exceljs pass, each in a fresh child process,
 *           N runs each (M at scale ≥ 50), interleaved so a burst of load hits all three alike
 *   kpi     computeReport and computeWeekly on the warehouse ours built
 *   site    `npm run build` cold, with nothing changed, after one export changed (once each)
 *   pages   bytes each page ships (from the built files) and times in headless Chromium
 * Each section's results are kept in .cache/bench/results.json, so a section can be re-run alone
 * (--only) and the document is rewritten from everything measured so far. Only the part of
 * docs/benchmarks.md between the bench markers is rewritten; the text around it is kept.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { projectRoot } from "../loaders/config/paths.ts";
import { planFile } from "../loaders/plan/load.ts";
import { allPageBytes, browserTimings, type PageBytes, type PageTiming } from "./pages.ts";
import { siteBuilds, type BuildRun } from "./site.ts";

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const scales = (option("scales") ?? "1,10,50").split(",").map(Number);
const runs = Number(option("runs") ?? 3);
const largeRuns = Number(option("large-runs") ?? 2);
// --only none re-renders docs/benchmarks.md from .cache/bench/results.json without measuring.
const sections = new Set((option("only") ?? "ingest,kpi,site,pages").split(","));
if (scales.some((s) => !(s > 0)) || !(runs >= 1) || !(largeRuns >= 1)) {
  console.error("usage: npm run bench -- [--scales 1,10,50] [--runs N] [--large-runs M] [--only ingest,kpi,site,pages] [--plan FILE]");
  process.exit(2);
}
const runsAt = (scale: number) => (scale >= 50 ? largeRuns : runs);
// --plan FILE: every child (ingest, KPI, site builds) reads that plan file through $PILOT_PLAN.
if (option("plan") !== undefined) process.env.PILOT_PLAN = planFile(["--plan", option("plan")!]);

const benchDir = resolve(projectRoot, ".cache/bench");
const resultsFile = join(benchDir, "results.json");
const docFile = resolve(projectRoot, "docs/benchmarks.md");
mkdirSync(benchDir, { recursive: true });

const log = (s: string) => console.log(s);
const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
const load1 = () => loadavg()[0]!;

// ---------------------------------------------------------------------------------------------
// Results, kept between invocations

interface IngestRun {
  mode: "ours" | "ours1" | "floor" | "naive" | "read" | "scan";
  ms: number;
  cpuMs: number;
  phases: Record<string, number>;
  rows: number;
  peakRssMB: number;
  baseRssMB: number;
  loadAvg: number;
}
interface IngestResult {
  at: string;
  runs: IngestRun[];
  inputMB: number;
  files: { csv: number; xlsx: number };
  /** Rows (data rows read, and in the warehouse) per format, from the warehouse's ingest_files. */
  rowsByFormat: Record<string, number>;
}
interface KpiResult {
  at: string;
  loadAvg: number;
  report: number[];
  reportBytes: number;
  /** Each report query run once on its own (warm), ms. */
  perQuery?: Record<string, number>;
  weekly: number[] | null;
  weeklyBytes: number;
  weeklyError: string | null;
}
interface SiteResult {
  at: string;
  runs: BuildRun[];
  changedFile: string;
}
interface PagesResult {
  at: string;
  loadAvg: number;
  bytes: PageBytes[];
  overview: PageTiming[];
  pages: PageTiming[];
}
interface ScaleResults {
  ingest?: IngestResult;
  kpi?: KpiResult;
  site?: SiteResult;
  pages?: PagesResult;
}
interface Results {
  machine?: Machine;
  command?: string;
  scales: Record<string, ScaleResults>;
}

const results: Results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : { scales: {} };
const save = () => writeFileSync(resultsFile, JSON.stringify(results, null, 1));

// ---------------------------------------------------------------------------------------------
// The machine

interface Machine {
  cpu: string;
  nproc: number;
  memGB: number;
  node: string;
  os: string;
  duckdb: string;
}

function machine(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const m = /model name\s*:\s*(.+)/.exec(info);
    const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(info);
    if (m) cpu = m[1]!.trim() + (mhz ? ` at ${(Number(mhz[1]) / 1000).toFixed(1)} GHz` : "");
  } catch {}
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {}
  let os: string = process.platform;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? os;
  } catch {}
  const duckdb = JSON.parse(readFileSync(resolve(projectRoot, "node_modules/@duckdb/node-api/package.json"), "utf8")).version;
  return { cpu, nproc, memGB: totalmem() / 2 ** 30, node: process.version, os, duckdb };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function child(args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const c = spawn(tsx, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    c.stdout.on("data", (d) => (out += d));
    c.stderr.on("data", (d) => (err += d));
    c.on("close", (code) => (code === 0 ? ok(out) : fail(new Error(`${args.join(" ")} exited ${code}:\n${err.slice(-3000)}`))));
  });
}

function lastJson<T>(out: string): T {
  const line = out.trim().split("\n").filter((l) => l.startsWith("{")).pop();
  if (!line) throw new Error(`no result in:\n${out.slice(-2000)}`);
  return JSON.parse(line) as T;
}

function treeBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? treeBytes(p) : statSync(p).size;
  }
  return n;
}

function countFiles(root: string): { csv: number; xlsx: number } {
  const r = { csv: 0, xlsx: 0 };
  for (const d of readdirSync(root).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    for (const f of readdirSync(join(root, d))) {
      if (f.endsWith(".csv")) r.csv++;
      else if (f.endsWith(".xlsx")) r.xlsx++;
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Data

const dataDir = (scale: number) => join(benchDir, `scale-${scale}`);
// Written by the bench once the generator finished: a folder without it is an interrupted generation.
// (A dot file: neither the warehouse key nor snapshot discovery looks at it.)
const DONE = ".bench-generated";

async function ensureData(scale: number): Promise<string> {
  const dir = dataDir(scale);
  if (existsSync(join(dir, DONE))) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(`generating scale ${scale} into ${relative(projectRoot, dir)} …`);
  const t = performance.now();
  try {
    const out = await child(["scripts/generate.ts", "--scale", String(scale), "--out", dir]);
    log(out.trim().split("\n").map((l) => `  ${l}`).join("\n"));
  } catch (e) {
    throw new Error(`the sample generator failed at --scale ${scale} (scripts/generate.ts): ${(e as Error).message}`);
  }
  // The SAMPLE marker says the root is synthetic (pages say 示例数据). Its text names the bench, so
  // the root's warehouse key differs from data/sample's even at scale 1 (the same bytes otherwise):
  // clearing the bench's caches can never touch the warehouse other engineers use for the sample.
  writeFileSync(join(dir, "SAMPLE"), `synthetic sample data (示例数据), scale ${scale}, generated for npm run bench\n`);
  writeFileSync(join(dir, DONE), `${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Ingest

/** Export every table of a warehouse as clean UTF-8 CSV (once per warehouse): what the floor loads. */
async function exportClean(db: string, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const inst = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const conn = await inst.connect();
  const tables = (await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() ORDER BY table_name")).getRowObjectsJson().map((r) => String(r.table_name));
  for (const t of tables) await conn.run(`COPY "${t}" TO '${join(dir, `${t}.csv`)}' (HEADER, DELIMITER ',')`);
  conn.closeSync();
  inst.closeSync();
}

async function rowsByFormat(db: string): Promise<Record<string, number>> {
  const inst = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const conn = await inst.connect();
  const rows = (
    await conn.runAndReadAll(
      `SELECT CASE WHEN encoding = 'xlsx' THEN 'xlsx' ELSE 'csv' END AS format, sum(rows_read)::BIGINT AS n FROM ingest_files GROUP BY 1`,
    )
  ).getRowObjectsJson();
  conn.closeSync();
  inst.closeSync();
  return Object.fromEntries(rows.map((r) => [String(r.format), Number(r.n)]));
}

async function benchIngest(scale: number, root: string): Promise<void> {
  const n = runsAt(scale);
  const db = join(benchDir, `warehouse-${scale}.duckdb`);
  const clean = join(benchDir, `clean-${scale}`);
  const res: IngestResult = { at: new Date().toISOString(), runs: [], inputMB: treeBytes(root) / 1e6, files: countFiles(root), rowsByFormat: {} };
  const one = async (mode: IngestRun["mode"], keep = false) => {
    const loadAvg = load1();
    log(`  ingest ${mode.padEnd(5)} (load average ${loadAvg.toFixed(2)}) …`);
    const args = ["bench/ingestChild.ts", "--mode", mode, "--data", root];
    if (mode === "floor") args.push("--clean", clean);
    if (keep) args.push("--db", db, "--keep");
    const r = lastJson<Omit<IngestRun, "loadAvg">>(await child(args));
    log(`    ${(r.ms / 1000).toFixed(2)} s, ${r.rows} rows, peak RSS ${r.peakRssMB.toFixed(0)} MB`);
    res.runs.push({ ...r, mode, loadAvg });
  };
  // The first run of ours keeps its warehouse: the floor's CSVs and the KPI timings come from it.
  for (let i = 0; i < n; i++) {
    await one("ours", i === 0);
    if (i === 0) {
      await exportClean(db, clean);
      res.rowsByFormat = await rowsByFormat(db);
    }
    await one("floor");
    await one("naive");
    await one("scan");
  }
  // Once: the reading layer alone, and ours with no worker threads, to split ours into read (by
  // format), normalise + validate and write.
  await one("read");
  await one("ours1");
  results.scales[scale] = { ...results.scales[scale], ingest: res };
  save();
}

// ---------------------------------------------------------------------------------------------
// KPI

async function benchKpi(scale: number): Promise<void> {
  const db = join(benchDir, `warehouse-${scale}.duckdb`);
  if (!existsSync(db)) {
    log(`  kpi: no warehouse at ${relative(projectRoot, db)}; run the ingest section first`);
    return;
  }
  const loadAvg = load1();
  log(`  kpi (load average ${loadAvg.toFixed(2)}) …`);
  const r = lastJson<Omit<KpiResult, "at" | "loadAvg">>(await child(["bench/kpiChild.ts", "--db", db, "--runs", String(Math.max(3, runsAt(scale)))]));
  log(`    report ${median(r.report.slice(1)).toFixed(0)} ms (first ${r.report[0]!.toFixed(0)} ms); weekly ${r.weekly ? `${median(r.weekly.slice(1)).toFixed(0)} ms` : r.weeklyError}`);
  results.scales[scale] = { ...results.scales[scale], kpi: { at: new Date().toISOString(), loadAvg, ...r } };
  save();
}

// ---------------------------------------------------------------------------------------------
// Site and pages

// Inside the build's own tree: Framework clears its output folder only when it lies under the working directory.
const siteTree = (scale: number) => join(benchDir, `tree-${scale}`);
const siteOut = (scale: number) => join(siteTree(scale), "site");

async function benchSite(scale: number, root: string): Promise<void> {
  const r = await siteBuilds(root, join(benchDir, `site-data-${scale}`), siteTree(scale), siteOut(scale), join(benchDir, `site-${scale}`), log);
  results.scales[scale] = { ...results.scales[scale], site: { at: new Date().toISOString(), runs: r.runs, changedFile: relative(benchDir, r.changedFile) } };
  save();
}

async function benchPages(scale: number): Promise<void> {
  const out = siteOut(scale);
  if (!existsSync(join(out, "index.html"))) {
    log(`  pages: no site at ${relative(projectRoot, out)}; run the site section first`);
    return;
  }
  const loadAvg = load1();
  log(`  pages (load average ${loadAvg.toFixed(2)}) …`);
  const bytes = allPageBytes(out);
  const t = await browserTimings(out, 5);
  log(`    overview KPI cards after ${median(t.overview.map((o) => o.kpiMs ?? NaN)).toFixed(0)} ms`);
  results.scales[scale] = { ...results.scales[scale], pages: { at: new Date().toISOString(), loadAvg, bytes, ...t } };
  save();
}

// ---------------------------------------------------------------------------------------------
// The document

const s1 = (ms: number) => (Number.isFinite(ms) ? (ms >= 10_000 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(1)) + " s" : "—");
const msf = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : "—");
const kb = (b: number) => (b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(b < 1e4 ? 1 : 0)} KB`);
const num = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "—");
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(r < 10 ? 1 : 0)}×` : "—");

function ingestSummary(r: IngestResult) {
  const of = (m: IngestRun["mode"]) => r.runs.filter((x) => x.mode === m);
  const ours = of("ours");
  const floor = of("floor");
  const naive = of("naive");
  const med = (xs: IngestRun[], f: (x: IngestRun) => number) => median(xs.map(f));
  return {
    n: { ours: ours.length, floor: floor.length, naive: naive.length },
    rows: ours[0]?.rows ?? NaN,
    floorRows: floor[0]?.rows ?? NaN,
    ours: med(ours, (x) => x.ms),
    oursCpu: med(ours, (x) => x.cpuMs),
    floorCpu: med(floor, (x) => x.cpuMs),
    naiveCpu: med(naive, (x) => x.cpuMs),
    read: of("read")[0],
    ours1: of("ours1")[0],
    ingest: med(ours, (x) => x.phases.ingest ?? NaN),
    write: med(ours, (x) => x.phases.write ?? NaN),
    floor: med(floor, (x) => x.ms),
    naive: med(naive, (x) => x.ms),
    oursRss: med(ours, (x) => x.peakRssMB),
    floorRss: med(floor, (x) => x.peakRssMB),
    naiveRss: med(naive, (x) => x.peakRssMB),
    scan: med(of("scan"), (x) => x.ms),
    scanCpu: med(of("scan"), (x) => x.cpuMs),
    scanRuns: of("scan").length,
    load: [Math.min(...r.runs.map((x) => x.loadAvg)), Math.max(...r.runs.map((x) => x.loadAvg))],
  };
}

function render(): string {
  const m = results.machine!;
  const allLoads = Object.values(results.scales).flatMap((r) => [
    ...(r.ingest?.runs.map((x) => x.loadAvg) ?? []),
    ...(r.kpi ? [r.kpi.loadAvg] : []),
    ...(r.site?.runs.map((x) => x.loadAvg) ?? []),
    ...(r.pages ? [r.pages.loadAvg] : []),
  ]);
  const loads = { min: Math.min(...allLoads), max: Math.max(...allLoads) };
  const scaleKeys = Object.keys(results.scales).map(Number).sort((a, b) => a - b);
  const L: string[] = [];
  L.push(`Measured by \`${results.command ?? "npm run bench"}\` (bench/run.ts). Raw figures: .cache/bench/results.json.`, "");
  L.push(
    `**Machine:** ${m.cpu}, ${m.nproc} cores (nproc), ${m.memGB.toFixed(1)} GB memory, ${m.os}; Node ${m.node}; @duckdb/node-api ${m.duckdb}. ` +
      `The 1-minute load average, read before every run and shown beside each figure, ranged from ${loads.min.toFixed(1)} to ` +
      `${loads.max.toFixed(1)} on ${m.nproc} cores; the bench's own previous run accounts for up to about 2 of it (DuckDB and the ingest workers ` +
      "use both cores), anything above that is other work on the machine. Ours, floor and naive runs are interleaved, so their ratios hold " +
      "better than absolute times; the CPU-time table is less sensitive to other work than wall time.",
    "",
  );
  const when = scaleKeys.flatMap((s) => Object.values(results.scales[s]!).map((r) => (r as { at: string }).at)).sort();
  if (when.length > 0) L.push(`Measured between ${when[0]!.slice(0, 16).replace("T", " ")} and ${when[when.length - 1]!.slice(0, 16).replace("T", " ")} UTC.`, "");

  // Ingest
  /** One table row per scale that has ingest results. */
  const ingestRows = (row: (s: number, r: IngestResult, g: ReturnType<typeof ingestSummary>) => string) =>
    scaleKeys.flatMap((s) => {
      const r = results.scales[s]!.ingest;
      return r ? [row(s, r, ingestSummary(r))] : [];
    });
  L.push("### Ingest + validation", "");
  L.push(
    "*ours* = `buildWarehouse` as a cold build runs it: every snapshot read (decode, parse CSV/XLSX, header search), normalised and validated " +
      "(rows and references) in two worker threads, written into the warehouse in snapshot order by DuckDB appenders and saved to its own snapshot " +
      "file for the next build, then CHECKPOINT. *floor* = DuckDB alone, same process kind, loading the same warehouse tables " +
      "from clean UTF-8 CSV (`CREATE TABLE … AS SELECT * FROM read_csv(…)` for every table, CHECKPOINT; the CSVs were written once by `COPY … TO` " +
      "from the warehouse ours built, outside the timing). *naive* = papaparse for the CSVs, exceljs (`xlsx.load`) for the workbooks, and a plain " +
      "JS pass (trim, number and date parse per cell), no header search, no validation, nothing stored. Each run is a fresh process; peak memory " +
      "is the process's maximum RSS (`process.resourceUsage().maxRSS`, which includes Node + tsx start-up of about 110 MB). Times are medians.",
    "",
  );
  L.push("| scale | input | rows read (csv / xlsx) | runs (ours/floor/naive) | **ours** | rows/s | peak RSS | **floor** | floor peak RSS | **ours / floor** | **naive** | naive peak RSS | **naive / ours** | load avg |");
  L.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  L.push(
    ...ingestRows(
      (s, r, g) =>
        `| ${s} | ${r.inputMB.toFixed(1)} MB, ${r.files.csv} CSV + ${r.files.xlsx} XLSX | ${num(g.rows)} (${num(r.rowsByFormat.csv ?? 0)} / ${num(r.rowsByFormat.xlsx ?? 0)}) | ${g.n.ours}/${g.n.floor}/${g.n.naive} | ${s1(g.ours)} | ${num(g.rows / (g.ours / 1000))} | ${g.oursRss.toFixed(0)} MB | ${s1(g.floor)} | ${g.floorRss.toFixed(0)} MB | **${x(g.ours / g.floor)}** | ${s1(g.naive)} | ${g.naiveRss.toFixed(0)} MB | **${x(g.naive / g.ours)}** | ${g.load[0].toFixed(1)}–${g.load[1].toFixed(1)} |`,
    ),
  );
  L.push(
    "",
    "The same runs in CPU time (user + system of the process, all its threads: DuckDB uses both cores, the JS work one), which a busy machine distorts less than wall time:",
    "",
  );
  L.push("| scale | ours CPU | floor CPU | ours / floor (CPU) | naive CPU | naive / ours (CPU) |");
  L.push("|---|---|---|---|---|---|");
  L.push(
    ...ingestRows((s, _r, g) => `| ${s} | ${s1(g.oursCpu)} | ${s1(g.floorCpu)} | ${x(g.oursCpu / g.floorCpu)} | ${s1(g.naiveCpu)} | ${x(g.naiveCpu / g.oursCpu)} |`),
  );
  L.push(
    "",
    "Against a bare scan of the same files (issue 17: \"≤ 2× the scan, all validation included\"). *scan* reads every export of every snapshot " +
      "in one thread the least way possible (bench/bareScan.ts: unzip and regex the first sheet's XML, split CSV lines on commas; no value typed, " +
      "nothing validated or stored). *ours* is the cold build above (two worker threads), *one thread* the extra run below. The verdict in the " +
      "goals table uses wall time, what a build waits for; CPU time counts DuckDB's threads and the workers too.",
    "",
  );
  L.push("| scale | scan (runs) | scan CPU | ours | **ours / scan** | one thread / scan | ours CPU / scan CPU |");
  L.push("|---|---|---|---|---|---|---|");
  L.push(
    ...ingestRows(
      (s, _r, g) =>
        `| ${s} | ${s1(g.scan)} (${g.scanRuns}) | ${s1(g.scanCpu)} | ${s1(g.ours)} | **${x(g.ours / g.scan)}** | ${x((g.ours1?.ms ?? NaN) / g.scan)} | ${x(g.oursCpu / g.scanCpu)} |`,
    ),
  );
  L.push(
    "",
    "Where the time goes, from two extra single runs: *one thread* is ours with `PILOT_INGEST_WORKERS=1` (every snapshot read, normalised and " +
      "validated in the main thread, then written), *read* the reading layer alone (decode, parse, header search, data rows). *rest* is what " +
      "ingesting took beyond reading: normalising, validating, building the row objects and their garbage collection. *write* is everything " +
      "else of the build (scanning and hashing the inputs, DuckDB appenders, the per-snapshot files and their copies, CHECKPOINT). The last " +
      "column is what the two worker threads of *ours* gain over one thread.",
    "",
  );
  L.push("| scale | one thread | of which XLSX read | CSV read | rest: normalise + validate | write | ours (2 workers) | workers' gain | floor, for scale |");
  L.push("|---|---|---|---|---|---|---|---|---|");
  L.push(
    ...ingestRows((s, _r, g) => {
      const one = g.ours1;
      const total = one?.ms ?? NaN;
      const ing = one?.phases.ingest ?? NaN;
      const xr = g.read?.phases.xlsxMs ?? NaN;
      const cr = g.read?.phases.csvMs ?? NaN;
      const pct = (v: number) => (Number.isFinite(v) && Number.isFinite(total) ? ` (${((v / total) * 100).toFixed(0)}%)` : "");
      return `| ${s} | ${s1(total)} | ${s1(xr)}${pct(xr)} | ${s1(cr)}${pct(cr)} | ${s1(ing - xr - cr)}${pct(ing - xr - cr)} | ${s1(total - ing)}${pct(total - ing)} | ${s1(g.ours)} | ${x(total / g.ours)} | ${s1(g.floor)} |`;
    }),
  );
  L.push("", "Percentages are of the one-thread run's wall time. Both extra runs are single runs, so the split is approximate.", "");

  // KPI
  L.push("### KPI computation", "");
  L.push(
    "On the warehouse ours built, opened read-only in a fresh process. *first* = the first call (DuckDB reads the file's blocks); then the median of the following calls. " +
      "The weekly review (`computeWeekly`, snapshot before vs newest) includes two `computeReport` calls and its own queries.",
    "",
  );
  L.push("| scale | report: first | report: median (runs) | report JSON | slowest report queries (each run alone) | weekly: first | weekly: median (runs) | weekly JSON | load avg |");
  L.push("|---|---|---|---|---|---|---|---|---|");
  for (const s of scaleKeys) {
    const k = results.scales[s]!.kpi;
    if (!k) continue;
    const w = k.weekly
      ? `${msf(k.weekly[0]!)} | ${msf(median(k.weekly.slice(1)))} (${k.weekly.length - 1}) | ${kb(k.weeklyBytes)}`
      : `not yet measurable: ${k.weeklyError} | | `;
    const q = Object.entries(k.perQuery ?? {}).sort((a, b) => b[1] - a[1]);
    const slow = q.length === 0 ? "—" : q.slice(0, 3).map(([n, ms]) => `${n} ${msf(ms)}`).join(", ") + `; ${q.filter(([, ms]) => ms >= 0.5 * q[0]![1]).length} of ${q.length} queries ≥ ${msf(0.5 * q[0]![1])}`;
    L.push(`| ${s} | ${msf(k.report[0]!)} | ${msf(median(k.report.slice(1)))} (${k.report.length - 1}) | ${kb(k.reportBytes)} | ${slow} | ${w} | ${k.loadAvg.toFixed(1)} |`);
  }
  L.push("");

  // Site
  L.push("### Full site build (`npm run build`: prebuild, observable build, postbuild)", "");
  L.push(
    "Each scale built once per column, into `.cache/bench/tree-N/site` (PILOT_OUT) from a fresh copy of the data (PILOT_DATA), in a private copy of the code " +
      "(`.cache/bench/tree-N`: src/, loaders/, scripts/, config; node_modules linked) so that other engineers' builds cannot reset its Framework loader cache " +
      "mid-build and their edits do not count as changes. *cold*: fresh copy, so no loader cache, no warehouse, no cached report, no bundled `_node` modules; " +
      "*unchanged*: the same build again; *changed*: the largest CSV of the newest snapshot re-exported (its bytes changed: one trailing blank line more, which " +
      "the readers ignore), so the warehouse (that snapshot read again, the other eight copied from their snapshot files), the report and every loader must be redone. *loaders run* counts Framework's `[missing]`/`[stale]` loads, " +
      "*fresh* its cache hits. Full build logs: `.cache/bench/site-N-<kind>.log`.",
    "",
  );
  L.push("| scale | cold | unchanged | loaders run (unchanged) | changed | loaders run (cold / changed) | load avg (cold / unchanged / changed) |");
  L.push("|---|---|---|---|---|---|---|");
  for (const s of scaleKeys) {
    const r = results.scales[s]!.site;
    if (!r) continue;
    const by = (k: BuildRun["kind"]) => r.runs.find((b) => b.kind === k);
    const t = (b?: BuildRun) => (!b ? "—" : b.ok ? s1(b.ms) : `failed after ${s1(b.ms)}`);
    const [c, u, ch] = [by("cold"), by("unchanged"), by("changed")];
    L.push(
      `| ${s} | ${t(c)} | ${t(u)} | **${u ? u.loadersRun : "—"}** (${u ? u.loadersFresh : "—"} fresh)${u?.note ? ` ⚠ ${u.note}` : ""} | ${t(ch)} | ${c?.loadersRun ?? "—"} / ${ch?.loadersRun ?? "—"} | ${[c, u, ch].map((b) => (b ? b.loadAvg.toFixed(1) : "—")).join(" / ")} |`,
    );
    for (const b of r.runs) if (!b.ok) L.push("", `Scale ${s}, ${b.kind} build failed:`, "", "```", b.tail ?? "", "```", "");
  }
  L.push("");

  // Pages
  L.push("### Pages", "");
  L.push(
    "Bytes: each page's HTML, the JS modules and CSS it preloads/imports (followed transitively), and the data files it registers, from the built files; " +
      "gzip at level 6. Times: headless Chromium (Debian's) on localhost, fresh context per visit, served uncompressed by sirv; " +
      "*KPI cards* = until the overview's `[data-kpi]` elements exist (median of the runs), *ready* = until no cell is still loading; *blocking* = main-thread " +
      "long-task time beyond 50 ms each until ready; *DOM rows* = `<tr>` elements once ready; *search* (一企一档 only) = from typing one enterprise's credit code into the search box " +
      "until the table shows just that row and a frame was drawn. District pages are summarised as one row (the largest).",
    "",
  );
  for (const s of scaleKeys) {
    const p = results.scales[s]!.pages;
    if (!p) continue;
    const timing = new Map(p.pages.map((t) => [t.page, t]));
    const ov = p.overview;
    timing.set("/", {
      page: "/",
      readyMs: median(ov.map((o) => o.readyMs)),
      kpiMs: median(ov.map((o) => o.kpiMs ?? NaN)),
      blockingMs: median(ov.map((o) => o.blockingMs)),
      requests: ov[0]?.requests ?? 0,
      bytes: ov[0]?.bytes ?? 0,
      domRows: ov[0]?.domRows ?? 0,
      domNodes: ov[0]?.domNodes ?? 0,
      errors: ov.flatMap((o) => o.errors),
    });
    L.push(`**Scale ${s}** (load average ${p.loadAvg.toFixed(1)}; overview timed ${ov.length}×, other pages once)`, "");
    L.push("| page | HTML | JS | CSS | data | total raw | **total gzip** | largest data file | KPI cards | ready | blocking | DOM rows | search | errors |");
    L.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    const districts = p.bytes.filter((b) => b.page.startsWith("/districts/"));
    const biggestDistrict = districts.sort((a, b) => b.total.gzip - a.total.gzip)[0];
    const rows = p.bytes.filter((b) => !b.page.startsWith("/districts/") || b === biggestDistrict);
    for (const b of rows) {
      const t = timing.get(b.page);
      const label = b === biggestDistrict ? `${b.page} (largest of ${districts.length} district pages)` : b.page;
      const pair = (v: { raw: number; gzip: number }) => `${kb(v.raw)} / ${kb(v.gzip)}`;
      L.push(
        `| ${label} | ${pair(b.html)} | ${pair(b.js)} | ${pair(b.css)} | ${pair(b.data)} | ${kb(b.total.raw)} | **${kb(b.total.gzip)}** | ${b.largestData ? `${b.largestData.path.replace(/^_file\//, "")} ${kb(b.largestData.raw)} / ${kb(b.largestData.gzip)}` : "—"} | ${t?.kpiMs != null ? msf(t.kpiMs) : ""} | ${t ? msf(t.readyMs) : "—"} | ${t ? msf(t.blockingMs) : "—"} | ${t ? num(t.domRows) : "—"} | ${t?.searchMs !== undefined ? msf(t.searchMs) : ""} | ${t ? t.errors.length : "—"} |`,
      );
    }
    L.push("", "(HTML, JS, CSS, data: raw / gzip.)", "");
  }

  // Goals: one row per goal, the verdict at each scale ("not measured" where a section did not run).
  const goalTable = (title: string) => {
    L.push(title, "");
    L.push("| goal | " + scaleKeys.map((s) => `scale ${s}`).join(" | ") + " |");
    L.push("|---|" + scaleKeys.map(() => "---|").join(""));
  };
  const goalRow = (goal: string, f: (r: ScaleResults, s: number) => string | null) =>
    L.push(`| ${goal} | ${scaleKeys.map((s) => f(results.scales[s]!, s) ?? "not measured").join(" | ")} |`);

  goalTable("### Goals (issue 7)");
  goalRow("ingest + validation ≤ 2× the DuckDB floor", (r) => (r.ingest ? verdict(ingestSummary(r.ingest).ours / ingestSummary(r.ingest).floor, 2, "le") : null));
  goalRow("ingest + validation ≥ 5× faster than naive", (r) => (r.ingest ? verdict(ingestSummary(r.ingest).naive / ingestSummary(r.ingest).ours, 5, "ge") : null));
  goalRow("rebuild with nothing changed runs no loader", (r) => {
    const u = r.site?.runs.find((b) => b.kind === "unchanged");
    return u ? (u.loadersRun === 0 ? "met (0 loaders ran)" : `**missed**: ${u.loadersRun} loaders ran${u.note ? ` (${u.note})` : ""}`) : null;
  });
  goalRow("overview < 300 KB gzip", (r) => {
    const o = r.pages?.bytes.find((b) => b.page === "/");
    return o ? (o.total.gzip < 300e3 ? `met (${kb(o.total.gzip)})` : `**missed** by ${kb(o.total.gzip - 300e3)} (${kb(o.total.gzip)})`) : null;
  });
  goalRow("pages listing enterprises usable (一企一档: DOM rows, ready, search, bytes; the largest table drawn whole on any page)", (r) => {
    if (!r.pages) return null;
    const e = r.pages.pages.find((p) => p.page === "/enterprise");
    const eb = r.pages.bytes.find((b) => b.page === "/enterprise");
    const all = [...r.pages.pages, ...r.pages.overview];
    const worst = all.reduce((a, b) => (b.domRows > a.domRows ? b : a));
    const en = e ? `一企一档: ${num(e.domRows)} DOM rows, ready ${msf(e.readyMs)}, search ${e.searchMs !== undefined ? msf(e.searchMs) : "—"}, ships ${eb ? kb(eb.total.gzip) : "—"} gzip` : "一企一档 not measured";
    return `${en}; most \`<tr>\` on a page: ${num(worst.domRows)} (${worst.page})`;
  });
  L.push("");

  goalTable("### Goals (issue 17)");
  const within = (v: number, goal: number, show: (v: number) => string) => (v <= goal ? `met (${show(v)})` : `**missed**: ${show(v)}, ${show(v - goal)} over`);
  const page = (r: ScaleResults, path: string) => r.pages?.bytes.find((b) => b.page === path);
  goalRow("site build after a new weekly export ≤ 12 s / 20 s / 40 s at scales 1 / 10 / 50", (r, s) => {
    const c = r.site?.runs.find((b) => b.kind === "changed");
    if (!c) return null;
    const goal = siteGoalMs[s];
    return goal === undefined ? `${s1(c.ms)} (no goal at this scale)` : within(c.ms, goal, s1);
  });
  goalRow("ingest with validation ≤ 2× a bare scan (wall)", (r) => (r.ingest && ingestSummary(r.ingest).scanRuns > 0 ? verdict(ingestSummary(r.ingest).ours / ingestSummary(r.ingest).scan, 2, "le") : null));
  goalRow("一企一档: ≤ 300 KB gzip to open the page", (r) => ((b) => (b ? within(b.total.gzip, 300e3, kb) : null))(page(r, "/enterprise")));
  goalRow("一企一档: one firm's history ≤ 50 KB gzip more (the largest shard)", (r) => ((b) => (b?.largestOnDemand ? within(b.largestOnDemand.gzip, 50e3, kb) : null))(page(r, "/enterprise")));
  goalRow("/pipeline: its data ≤ 300 KB gzip (filters over every project)", (r) => ((b) => (b ? within(b.data.gzip, 300e3, kb) : null))(page(r, "/pipeline")));
  goalRow("/units: provider list bounded like /weekly (`<tr>` drawn; each table at most 100 until asked)", (r) => {
    const u = r.pages?.pages.find((p) => p.page === "/units");
    return u ? `${num(u.domRows)} \`<tr>\` on the page, blocking ${msf(u.blockingMs)}` : null;
  });
  goalRow("`npm test` on two cores ≤ 3 min", () => "not a bench figure: see *The test suite* below");
  L.push("");
  return L.join("\n");
}

/** Issue 17's goal for a site build after a new weekly export, by scale. */
const siteGoalMs: Record<number, number> = { 1: 12_000, 10: 20_000, 50: 40_000 };

function verdict(ratio: number, goal: number, dir: "le" | "ge"): string {
  if (!Number.isFinite(ratio)) return "—";
  const met = dir === "le" ? ratio <= goal : ratio >= goal;
  if (met) return `met (${x(ratio)})`;
  return dir === "le" ? `**missed**: ${x(ratio)}, ${x(ratio / goal)} over the goal` : `**missed**: ${x(ratio)}, needs ${x(goal / ratio)} more`;
}

const BEGIN = "<!-- bench:begin (generated by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:end -->";

function writeDoc(): void {
  const body = `${BEGIN}\n${render()}\n${END}`;
  let doc: string;
  if (existsSync(docFile)) {
    const old = readFileSync(docFile, "utf8");
    const a = old.indexOf(BEGIN);
    const b = old.indexOf(END);
    doc = a >= 0 && b > a ? old.slice(0, a) + body + old.slice(b + END.length) : `${old.trimEnd()}\n\n${body}\n`;
  } else {
    doc = `# Benchmarks\n\nReproduce: \`npm run bench\` (about two hours on a shared two-core machine; the generated samples are kept in .cache/bench/).\n\n${body}\n`;
  }
  writeFileSync(docFile, doc);
}

// ---------------------------------------------------------------------------------------------
// Main

results.machine = machine();
// --only re-measures a part of what this command measures; the command that reproduces it all is the same without it.
results.command = `npm run bench -- --scales ${scales.join(",")} --runs ${runs} --large-runs ${largeRuns}`;
const m = results.machine;
log(`${m.cpu}, ${m.nproc} cores, ${m.memGB.toFixed(1)} GB (${(freemem() / 2 ** 30).toFixed(1)} GB free), Node ${m.node}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
log("note: timings on a shared machine vary with other work; the load average is printed before each run");

for (const scale of scales) {
  log(`\nscale ${scale} (${runsAt(scale)} run(s) per figure)`);
  const root = await ensureData(scale);
  if (sections.has("ingest")) await benchIngest(scale, root);
  if (sections.has("kpi")) await benchKpi(scale);
  if (sections.has("site")) await benchSite(scale, root);
  if (sections.has("pages")) await benchPages(scale);
  writeDoc();
}
writeDoc();
console.log(`\n${render()}`);
console.log(`\nwrote ${relative(projectRoot, docFile)}`);
