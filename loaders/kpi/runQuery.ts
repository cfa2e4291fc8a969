/** Running one KPI query file (sql/<name>.sql) through the warehouse's query runner, macros installed. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { runSql } from "../warehouse/query.ts";
import type { KpiParams } from "./params.ts";
import { readQuery } from "./sqlFiles.ts";

/** Run the query file `name` with the parameters it names and return its rows as plain JSON objects. */
export async function runQuery<Row>(conn: DuckDBConnection, name: string, params: KpiParams): Promise<Row[]> {
  return runSql<Row>(conn, readQuery(name), params, { label: `${name}.sql`, macros: true });
}
