/**
 * The one thing the public site needs that the KPI report does not carry: how many distinct
 * beneficiaries each fund amount is built from, so amounts from fewer than 3 can be withheld.
 * Counts only; the query is loaders/sql/public/fund_contributors.sql.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { kpiParams } from "../kpi/params.ts";
import { runQueryFile } from "../warehouse/query.ts";
import type { PilotPlan } from "../plan/types.ts";

/** Distinct beneficiaries per direction × source; a null key is the total over it (GROUPING SETS). */
export interface FundContributors {
  direction_key: string | null;
  source: string | null;
  contributors: number;
}

/** Run the contributor count for the report's snapshot and as-of date. */
export async function fundContributors(conn: DuckDBConnection, plan: PilotPlan, snapshot: string, asOf: string): Promise<FundContributors[]> {
  return runQueryFile<FundContributors>(conn, "public", "fund_contributors", kpiParams(plan, snapshot, asOf));
}
