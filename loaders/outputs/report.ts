/**
 * The KPI report of a data root, computed once per warehouse and KPI code and shared by every
 * page loader (Framework runs loaders as separate processes, often at the same time).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { isSampleData, projectRoot } from "../config/paths.ts";
import { computeReport } from "../kpi/computeReport.ts";
import type { Report } from "../kpi/reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";
import { openWarehouse } from "../warehouse/build.ts";

const cacheDir = resolve(projectRoot, ".cache/report");
const kpiDir = resolve(projectRoot, "loaders/kpi");

function kpiCodeHash(): string {
  const h = createHash("sha256");
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else h.update(e.name).update(readFileSync(p));
    }
  };
  visit(kpiDir);
  return h.digest("hex").slice(0, 16);
}

/** What every page says about where its numbers come from. */
export interface Meta {
  title: string;
  snapshot: string;
  as_of: string;
  snapshots: string[];
  sample: boolean;
  /** A district build's own district (its pages link only to their own district page); absent for the city. */
  district?: string;
}

/** Run `fn` with the warehouse of `root` (built against `plan`) open read-only. */
export async function withWarehouse<T>(root: string, plan: PilotPlan, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const wh = await openWarehouse(root, plan);
  try {
    return await fn(wh.conn);
  } finally {
    wh.close();
  }
}

/** The report for the newest snapshot (or asOf), from cache when the warehouse and KPI code are unchanged. */
export async function loadReport(root: string, plan: PilotPlan, asOf?: string): Promise<{ report: Report; meta: Meta }> {
  return withWarehouse(root, plan, async (conn) => {
    const wh = (await conn.runAndReadAll("SELECT current_database() AS db")).getRowObjectsJson()[0]!.db as string;
    const snapshots = (await conn.runAndReadAll("SELECT strftime(snapshot, '%Y-%m-%d') AS s FROM snapshots ORDER BY snapshot"))
      .getRowObjectsJson()
      .map((r) => r.s as string);
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `${basename(wh)}-${kpiCodeHash()}-${asOf ?? "latest"}.json`);
    let report: Report;
    if (existsSync(file)) {
      report = JSON.parse(readFileSync(file, "utf8")) as Report;
    } else {
      report = await computeReport(conn, asOf ? { asOf, plan } : { plan });
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(report));
      renameSync(tmp, file);
    }
    return { report, meta: { title: plan.title, snapshot: report.snapshot, as_of: report.as_of, snapshots, sample: isSampleData(root) } };
  });
}
