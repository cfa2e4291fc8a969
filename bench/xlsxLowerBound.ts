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
import { scanWorkbook as scan } from "./bareScan.ts";
import { tableByKey } from "../loaders/contract/tables.ts";
import { tableOfFile } from "../loaders/ingest/read/discover.ts";
import { readXlsx, readXlsxFast } from "../loaders/ingest/read/xlsx.ts";
import { readXlsxExceljs } from "../loaders/ingest/read/xlsxExceljs.ts";
import { loadPlan } from "../loaders/plan/load.ts";

const plan = loadPlan();

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
