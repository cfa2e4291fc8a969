/**
 * The one thing the public site needs that the KPI report does not carry: how many distinct
 * beneficiaries each fund amount is built from, so amounts from fewer than 3 can be withheld.
 * Counts only; the query lives beside this file (sql/fund_contributors.sql).
 */
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { kpiParams } from "../kpi/params.ts";
import { installMacros, prepareBound } from "../kpi/runQuery.ts";
import type { PilotPlan } from "../plan/types.ts";

/** Distinct beneficiaries per direction × source; a null key is the total over it (GROUPING SETS). */
export interface FundContributors {
  direction_key: string | null;
  source: string | null;
  contributors: number;
}

const sql = readFileSync(new URL("./sql/fund_contributors.sql", import.meta.url), "utf8");

/** Run the contributor count for the report's snapshot and as-of date. */
export async function fundContributors(conn: DuckDBConnection, plan: PilotPlan, snapshot: string, asOf: string): Promise<FundContributors[]> {
  await installMacros(conn);
  const prepared = await prepareBound(conn, sql, kpiParams(plan, snapshot, asOf));
  try {
    return (await prepared.runAndReadAll()).getRowObjectsJson() as unknown as FundContributors[];
  } finally {
    prepared.destroySync();
  }
}
