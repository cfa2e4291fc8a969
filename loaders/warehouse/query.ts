/** Run a named .sql file against the warehouse with bound parameters; rows come back as plain JSON. */
import { readFileSync } from "node:fs";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";

const cache = new Map<string, string>();

/** Read a .sql file once per process. */
export function sqlText(path: string): string {
  let s = cache.get(path);
  if (s == null) {
    s = readFileSync(path, "utf8");
    cache.set(path, s);
  }
  return s;
}

/** Run `sql` with named parameters ($name) and return rows as JSON-safe objects. */
export async function queryRows<T = Record<string, unknown>>(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<T[]> {
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
  const reader = await conn.runAndReadAll(sql, Object.keys(used).length ? used : undefined);
  return reader.getRowObjectsJson() as T[];
}
