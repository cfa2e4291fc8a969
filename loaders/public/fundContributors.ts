/**
 * The one thing the public site needs that the KPI report does not carry: how many distinct
 * beneficiaries each fund amount is built from, so amounts from fewer than 3 can be withheld.
 * Counts only; the query lives beside this file (sql/fund_contributors.sql).
 */
import { fileURLToPath } from "node:url";
import type { DuckDBConnection } from "@duckdb/node-api";
import { kpiParams } from "../kpi/params.ts";
import { runSqlFile } from "../warehouse/query.ts";
import type { PilotPlan } from "../plan/types.ts";

/** Distinct beneficiaries per direction × source; a null key is the total over it (GROUPING SETS). */
export interface FundContributors {
  direction_key: string | null;
  source: string | null;
  contributors: number;
}

const sqlFile = fileURLToPath(new URL("./sql/fund_contributors.sql", import.meta.url));

/** Run the contributor count for the report's snapshot and as-of date. */
export async function fundContributors(conn: DuckDBConnection, plan: PilotPlan, snapshot: string, asOf: string): Promise<FundContributors[]> {
  return runSqlFile<FundContributors>(conn, sqlFile, kpiParams(plan, snapshot, asOf), { macros: true });
}
