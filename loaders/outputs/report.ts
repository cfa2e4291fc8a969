/**
 * The KPI report of a data root, computed once per warehouse and KPI code and shared by every
 * page loader (Framework runs loaders as separate processes, often at the same time).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { fingerprint } from "../config/fingerprint.ts";
import { isSampleData, projectRoot } from "../config/paths.ts";
import { computeReport } from "../kpi/computeReport.ts";
import type { Report } from "../kpi/reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";
import { openWarehouse } from "../warehouse/build.ts";
import { queryRows } from "../warehouse/query.ts";
import { warehouseMeta, type Meta } from "../warehouse/snapshots.ts";

const cacheDir = resolve(projectRoot, ".cache/report");
const kpiDir = resolve(projectRoot, "loaders/kpi");

/** Print of the KPI code (the warehouse's name already prints the data, the ingest, plan and query code). */
function kpiCodeHash(): string {
  return fingerprint([{ tree: kpiDir, as: "loaders/kpi" }]).slice(0, 16);
}

// What every page says about where its numbers come from (built by loaders/warehouse/snapshots.ts).
export type { Meta } from "../warehouse/snapshots.ts";

/**
 * Run `fn` with the warehouse of `root` (built against `plan`) open read-only. Each call prints the
 * inputs to find the warehouse (0.5 s at scale 50): code that needs it for several outputs opens it
 * once and passes the connection to the `…On` functions (loaders/outputs/siteFiles.ts).
 */
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
  return withWarehouse(root, plan, (conn) => reportOn(conn, root, plan, asOf));
}

/** loadReport on an open warehouse of `root` (the cache is named after the warehouse file). */
export async function reportOn(conn: DuckDBConnection, root: string, plan: PilotPlan, asOf?: string): Promise<{ report: Report; meta: Meta }> {
  const [{ db: wh }] = (await queryRows<{ db: string }>(conn, "SELECT current_database() AS db")) as [{ db: string }];
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
  const meta = await warehouseMeta(conn, { title: plan.title, sample: isSampleData(root), snapshot: report.snapshot, asOf: report.as_of });
  return { report, meta };
}
