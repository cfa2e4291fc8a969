/**
 * The one way code runs SQL on the warehouse (KPI, weekly, quality, enterprise and public queries,
 * tests and scripts alike): parameters are bound by name, never spliced into the text; the shared
 * KPI macros are created on the connection when asked for; and every result is checked to be
 * JSON-safe before its rows come back as plain JSON objects.
 */
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader, DuckDBValue } from "@duckdb/node-api";
import type { KpiParam } from "../kpi/params.ts";
import { macrosInOrder, readSql, type SqlGroup } from "../sql/files.ts";

/** A bound value: with its DuckDB type (KpiParam: given, never inferred), or plain (DuckDB infers the type). */
export type Param = KpiParam | DuckDBValue;
export type Params = Record<string, Param>;

// Macros are TEMP (a read-only warehouse can run them), so they live per connection.
const installed = new WeakSet<DuckDBConnection>();

/** Create the shared KPI macros (loaders/sql/macros) on a connection, once per connection. */
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

const typed = (p: Param): p is KpiParam => p !== null && typeof p === "object" && "type" in p && "value" in p && Object.keys(p).length === 2;

/** Prepare SQL text and bind the parameters it names, from the bag; a name missing from the bag throws. */
export async function prepareBound(conn: DuckDBConnection, sql: string, params: Params): Promise<DuckDBPreparedStatement> {
  const prepared = await conn.prepare(sql);
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    if (!Object.hasOwn(params, name)) {
      prepared.destroySync();
      throw new Error(`no value for parameter $${name}`);
    }
    const p = params[name]!;
    if (typed(p)) prepared.bindValue(i, p.value, p.type);
    else prepared.bindValue(i, p);
  }
  return prepared;
}

// JSON turns these into strings ("12"), which would leak into the output as text: cast in SQL instead.
const jsonUnsafe = /\b(BIGINT|HUGEINT|UBIGINT|UHUGEINT|DECIMAL)\b/;

function assertJsonSafe(reader: DuckDBResultReader): void {
  reader.columnTypes().forEach((t, i) => {
    if (jsonUnsafe.test(String(t))) throw new Error(`${reader.columnNames()[i]} is ${String(t)}: cast it to INTEGER or DOUBLE in the SQL`);
  });
}

export interface RunOptions {
  /** Where the SQL comes from, put in front of any error ("kpi_targets.sql"). */
  label?: string;
  /** Create the KPI macros on the connection first (queries that call them). */
  macros?: boolean;
}

/** Run `sql` with the parameters it names (from `params`) and return its rows as plain JSON objects. */
export async function runSql<Row = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params: Params = {}, opts: RunOptions = {}): Promise<Row[]> {
  const where = (e: unknown) => new Error(opts.label ? `${opts.label}: ${(e as Error).message}` : (e as Error).message);
  if (opts.macros) await installMacros(conn);
  let prepared: DuckDBPreparedStatement;
  try {
    prepared = await prepareBound(conn, sql, params);
  } catch (e) {
    throw where(e);
  }
  try {
    const reader = await prepared.runAndReadAll();
    assertJsonSafe(reader);
    return reader.getRowObjectsJson() as Row[];
  } catch (e) {
    throw where(e);
  } finally {
    prepared.destroySync();
  }
}

/**
 * Run one query file of loaders/sql/ (loaders/sql/files.ts) with the parameters it names; errors
 * name the file ("report/kpi_targets.sql"). The shared macros are installed first for the groups
 * whose queries call them (every group but quality/, which reads the ingest's own tables, and rollup/,
 * which reads bundles, not a warehouse).
 */
export async function runQueryFile<Row = Record<string, unknown>>(conn: DuckDBConnection, group: SqlGroup, name: string, params: Params = {}): Promise<Row[]> {
  return runSql<Row>(conn, readSql(group, name), params, { label: `${group}/${name}.sql`, macros: group !== "quality" && group !== "rollup" });
}

/** runSql for SQL written in place (tests, scripts): `$name` parameters from `params`, no macros. */
export async function queryRows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params: Params = {}): Promise<T[]> {
  return runSql<T>(conn, sql, params);
}
