/**
 * Running the weekly review's SQL files (sql/, one per output table, named after it) with bound
 * parameters, on top of the KPI macros and the generated weekly_cells view.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DuckDBConnection, DuckDBPreparedStatement } from "@duckdb/node-api";
import type { KpiParams } from "../kpi/params.ts";
import type { PilotPlan } from "../plan/types.ts";
import { installMacros, prepareBound } from "../kpi/runQuery.ts";
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

// JSON turns these into strings, which would reach the page as text: cast in SQL instead.
const jsonUnsafe = /\b(BIGINT|HUGEINT|UBIGINT|UHUGEINT|DECIMAL)\b/;

/** Run weekly query `name` (over `plan`'s contract) with the parameters it names; rows come back as plain JSON objects. */
export async function runWeeklyQuery<Row>(conn: DuckDBConnection, name: string, params: KpiParams, plan: PilotPlan): Promise<Row[]> {
  await installMacros(conn);
  await installCellsView(conn, plan);
  let prepared: DuckDBPreparedStatement;
  try {
    prepared = await prepareBound(conn, readWeeklyQuery(name), params);
  } catch (e) {
    throw new Error(`weekly/${name}.sql: ${(e as Error).message}`);
  }
  try {
    const reader = await prepared.runAndReadAll();
    reader.columnTypes().forEach((t, i) => {
      if (jsonUnsafe.test(String(t))) throw new Error(`${reader.columnNames()[i]} is ${String(t)}: cast it to INTEGER or DOUBLE in the SQL`);
    });
    return reader.getRowObjectsJson() as Row[];
  } catch (e) {
    throw new Error(`weekly/${name}.sql: ${(e as Error).message}`);
  } finally {
    prepared.destroySync();
  }
}
