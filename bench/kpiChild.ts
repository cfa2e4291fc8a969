/**
 * KPI timings on an open warehouse, in a fresh process, printing one JSON line: computeReport for
 * the newest snapshot and, when loaders/weekly/computeWeekly.ts loads and runs, the weekly review
 * (snapshot before vs newest). The first call of each is reported apart (cold: DuckDB reads the
 * file's blocks), the rest as a list; then each report query once on its own.
 * Usage: tsx bench/kpiChild.ts --db WAREHOUSE.duckdb [--runs N]
 */
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { computeReport } from "../loaders/kpi/computeReport.ts";
import { kpiParams } from "../loaders/kpi/params.ts";

import { loadPlan } from "../loaders/plan/load.ts";
import type { PilotPlan } from "../loaders/plan/types.ts";
import { pickSnapshot } from "../loaders/warehouse/snapshots.ts";
import { runQueryFile } from "../loaders/warehouse/query.ts";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const db = arg("db");
const runs = Number(arg("runs") ?? 5);
const plan = loadPlan();
if (!db) throw new Error("usage: --db FILE [--runs N]");

const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
const conn = await instance.connect();

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

const report: number[] = [];
let reportBytes = 0;
for (let i = 0; i < runs + 1; i++) {
  const r = await time(() => computeReport(conn, { plan }));
  report.push(r.ms);
  reportBytes = JSON.stringify(r.value).length;
}

// Each query of the report once more on its own (warm), to show where the report's time goes.
const snapshot = await pickSnapshot(conn);
const params = kpiParams(plan, snapshot, snapshot);
const perQuery: Record<string, number> = {};
for (const f of readdirSync(resolve(import.meta.dirname, "../loaders/sql/report")).filter((f) => f.endsWith(".sql")).sort()) {
  const name = f.replace(/\.sql$/, "");
  perQuery[name] = (await time(() => runQueryFile(conn, "report", name, params))).ms;
}

let weekly: number[] | null = null;
let weeklyError: string | null = null;
let weeklyBytes = 0;
const weeklyPath = resolve(import.meta.dirname, "../loaders/weekly/computeWeekly.ts");
if (!existsSync(weeklyPath)) {
  weeklyError = "loaders/weekly/computeWeekly.ts does not exist";
} else {
  try {
    const mod = (await import(pathToFileURL(weeklyPath).href)) as { computeWeekly?: (c: typeof conn, opts: { plan: PilotPlan }) => Promise<unknown> };
    if (typeof mod.computeWeekly !== "function") throw new Error("computeWeekly is not exported");
    weekly = [];
    for (let i = 0; i < runs + 1; i++) {
      const r = await time(() => mod.computeWeekly!(conn, { plan }));
      weekly.push(r.ms);
      weeklyBytes = JSON.stringify(r.value).length;
    }
  } catch (e) {
    weekly = null;
    weeklyError = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  }
}

conn.closeSync();
instance.closeSync();
console.log(JSON.stringify({ report, reportBytes, perQuery, weekly, weeklyBytes, weeklyError }));
