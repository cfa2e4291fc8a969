/**
 * Running the weekly review's SQL files (sql/, one per output table, named after it) through the
 * warehouse's query runner, on top of the KPI macros and the generated weekly_cells view.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { KpiParams } from "../kpi/params.ts";
import type { PilotPlan } from "../plan/types.ts";
import { runSql } from "../warehouse/query.ts";
import { installCellsView } from "./cellsView.ts";

/** Folder of the weekly output queries. */
export const weeklyQueryDir = fileURLToPath(new URL("./sql/", import.meta.url));

/** Names of every weekly output query. */
export function weeklyQueryNames(): string[] {
  return readdirSync(weeklyQueryDir).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4)).sort();
}

/** Text of one weekly query. */
export function readWeeklyQuery(name: string): string {
  return readFileSync(`${weeklyQueryDir}${name}.sql`, "utf8");
}

/** Run weekly query `name` (over `plan`'s contract) with the parameters it names; rows come back as plain JSON objects. */
export async function runWeeklyQuery<Row>(conn: DuckDBConnection, name: string, params: KpiParams, plan: PilotPlan): Promise<Row[]> {
  await installCellsView(conn, plan);
  return runSql<Row>(conn, readWeeklyQuery(name), params, { label: `weekly/${name}.sql`, macros: true });
}
