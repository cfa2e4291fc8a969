/**
 * weekly_cells: every stored value of every contract table as one row per (snapshot, table,
 * record, column), generated from the contract's column list so that revisions.sql compares all
 * tables with one query and a column added to the contract is compared without a code change.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { contractTables, type Column, type Table } from "../contract/tables.ts";
import type { PilotPlan } from "../plan/types.ts";
import { storedColumns } from "../warehouse/schema.ts";

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The columns that identify a record across snapshots: the id column, else the unique-by set. */
export function recordKey(t: Table): string[] {
  if (t.idColumn) return [t.idColumn];
  if (t.uniqueBy?.length) return t.uniqueBy;
  throw new Error(`table ${t.key} has neither idColumn nor uniqueBy: its rows cannot be matched across snapshots`);
}

// Numbers are rounded to 6 decimals (1/100 元 in 万元 is 4) so two spellings of one amount
// ("128.5万" and "1,285,000元") compare equal despite floating-point noise.
function valueText(c: Column): string {
  return c.type === "wan" || c.type === "number" ? `round(${c.key}, 6)::VARCHAR` : `${c.key}::VARCHAR`;
}

function tableCells(t: Table, ord: number): string {
  const key = recordKey(t);
  const id = key.length === 1 ? `${key[0]}::VARCHAR` : `concat_ws(' / ', ${key.map((k) => `${k}::VARCHAR`).join(", ")})`;
  const stored = storedColumns(t);
  const label = stored.find((c) => c.type === "text");
  const uscc = stored.find((c) => c.type === "uscc" && !key.includes(c.key));
  const cells = stored
    .filter((c) => !key.includes(c.key))
    .map((c, i) => `{column_key: ${lit(c.key)}, column_zh: ${lit(c.zh)}, column_type: ${lit(c.type)}, column_ord: ${i}, value: ${valueText(c)}}`);
  return `SELECT snapshot, ${lit(t.key)} AS table_key, ${lit(t.zh)} AS table_zh, ${ord} AS table_ord, ${id} AS record_id,
    ${label ? `${label.key}::VARCHAR` : "NULL::VARCHAR"} AS label, ${uscc ? `${uscc.key}::VARCHAR` : "NULL::VARCHAR"} AS uscc,
    unnest([${cells.join(", ")}], recursive := true)
  FROM ${t.key}`;
}

/** The CREATE statement of the weekly_cells view over the given contract tables. */
export function cellsViewSQL(tables: readonly Table[]): string {
  return `CREATE OR REPLACE TEMP VIEW weekly_cells AS\n${tables.map(tableCells).join("\nUNION ALL\n")}`;
}

// TEMP (a read-only warehouse can hold it), so it lives per connection, like the KPI macros.
const installed = new WeakSet<DuckDBConnection>();

/** Create weekly_cells over `plan`'s contract tables on a connection, once per connection. */
export async function installCellsView(conn: DuckDBConnection, plan: PilotPlan): Promise<void> {
  if (installed.has(conn)) return;
  await conn.run(cellsViewSQL(contractTables(plan)));
  installed.add(conn);
}
