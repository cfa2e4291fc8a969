/** Running KPI SQL files on a DuckDB connection with bound parameters, returning plain JSON rows. */
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader } from "@duckdb/node-api";
import type { KpiParams } from "./params.ts";
import { macrosInOrder, readQuery } from "./sqlFiles.ts";

// Macros are TEMP (a read-only warehouse can run them), so they live per connection.
const installed = new WeakSet<DuckDBConnection>();

/** Create the shared macros on a connection, once per connection. */
export async function installMacros(conn: DuckDBConnection): Promise<void> {
  if (installed.has(conn)) return;
  for (const m of macrosInOrder()) {
    try {
      await conn.run(m.sql);
    } catch (e) {
      throw new Error(`macro ${m.name}: ${(e as Error).message}`);
    }
  }
  installed.add(conn);
}

/** Prepare SQL text and bind the parameters it names, from the bag; a name missing from the bag throws. */
export async function prepareBound(conn: DuckDBConnection, sql: string, params: KpiParams): Promise<DuckDBPreparedStatement> {
  const prepared = await conn.prepare(sql);
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const p = params[name];
    if (!p) {
      prepared.destroySync();
      throw new Error(`no value for parameter $${name}`);
    }
    prepared.bindValue(i, p.value, p.type);
  }
  return prepared;
}

// JSON turns these into strings ("12"), which would leak into the report as text: cast in SQL instead.
const jsonUnsafe = /\b(BIGINT|HUGEINT|UBIGINT|UHUGEINT|DECIMAL)\b/;

function assertJsonSafe(name: string, reader: DuckDBResultReader): void {
  reader.columnTypes().forEach((t, i) => {
    if (jsonUnsafe.test(String(t))) {
      throw new Error(`${name}.${reader.columnNames()[i]} is ${String(t)}: cast it to INTEGER or DOUBLE in the SQL`);
    }
  });
}

/** Run the query file `name` with the parameters it names and return its rows as plain JSON objects. */
export async function runQuery<Row>(conn: DuckDBConnection, name: string, params: KpiParams): Promise<Row[]> {
  await installMacros(conn);
  let prepared: DuckDBPreparedStatement;
  try {
    prepared = await prepareBound(conn, readQuery(name), params);
  } catch (e) {
    throw new Error(`${name}.sql: ${(e as Error).message}`);
  }
  try {
    const reader = await prepared.runAndReadAll();
    assertJsonSafe(name, reader);
    return reader.getRowObjectsJson() as Row[];
  } catch (e) {
    throw new Error(`${name}.sql: ${(e as Error).message}`);
  } finally {
    prepared.destroySync();
  }
}
