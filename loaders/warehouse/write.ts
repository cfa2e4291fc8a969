/** Write ingested snapshots into a DuckDB database: the schema, contract tables, the ingest report, the plan's dimensions. */
import { DuckDBDateValue, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { tableByKey, tableIdentities, type ColumnType, type Table } from "../contract/tables.ts";
import type { IngestedSnapshot, LocatedIssue } from "../ingest/types.ts";
import type { PilotPlan } from "../plan/types.ts";
import { planDML, schemaDDL, storedColumns, derivedColumns } from "./schema.ts";

const DAY_MS = 86_400_000;

/** "2026-11-20" → DuckDB date value. */
export function dateValue(iso: string): DuckDBDateValue {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new DuckDBDateValue(Math.round(Date.UTC(y, m - 1, d) / DAY_MS));
}

type Put = (a: DuckDBAppender, v: unknown) => void;

const putVarchar: Put = (a, v) => (v == null ? a.appendNull() : a.appendVarchar(String(v)));
const putInt: Put = (a, v) => (v == null ? a.appendNull() : a.appendInteger(Number(v)));
const putDouble: Put = (a, v) => (v == null ? a.appendNull() : a.appendDouble(Number(v)));
const putDate: Put = (a, v) => (v == null ? a.appendNull() : a.appendDate(dateValue(String(v))));
const putBool: Put = (a, v) => (v == null ? a.appendNull() : a.appendBoolean(Boolean(v)));

const putBySqlType: Record<string, Put> = { VARCHAR: putVarchar, INTEGER: putInt, DOUBLE: putDouble, DATE: putDate, BOOLEAN: putBool };
const putByColumnType: Record<ColumnType, Put> = {
  id: putVarchar, uscc: putVarchar, text: putVarchar, district: putVarchar, industry: putVarchar, enum: putVarchar,
  int: putInt, wan: putDouble, number: putDouble, date: putDate, month: putDate, bool: putBool, level: putInt,
};

function columnWriters(t: Table): { key: string; put: Put }[] {
  return [
    ...storedColumns(t).map((c) => ({ key: c.key, put: putByColumnType[c.type]! })),
    ...(derivedColumns[t.key] ?? []).map((c) => ({ key: c.key, put: putBySqlType[c.type]! })),
  ];
}

/** Create every table of the warehouse in `conn` and fill `plan`'s dimensions. */
export async function writeSchema(conn: DuckDBConnection, plan: PilotPlan): Promise<void> {
  for (const sql of [...schemaDDL(plan), ...planDML(plan)]) await conn.run(sql);
}

/** One row of the snapshots table. */
export async function writeSnapshotRow(conn: DuckDBConnection, date: string, folder: string): Promise<void> {
  const a = await conn.createAppender("snapshots");
  a.appendDate(dateValue(date));
  a.appendVarchar(folder);
  a.endRow();
  a.closeSync();
}

/** Append issues to ingest_issues. */
export async function writeIssues(conn: DuckDBConnection, issues: readonly LocatedIssue[]): Promise<void> {
  const ia = await conn.createAppender("ingest_issues");
  for (const i of issues) {
    putDate(ia, i.snapshot);
    ia.appendVarchar(i.file);
    putVarchar(ia, i.table);
    putInt(ia, i.row);
    putVarchar(ia, i.column);
    ia.appendVarchar(i.code);
    ia.appendVarchar(i.severity);
    ia.appendVarchar(i.message_zh);
    ia.appendVarchar(i.message_en);
    putVarchar(ia, i.record_id);
    ia.endRow();
  }
  ia.closeSync();
}

/** The tables one snapshot's ingest fills (all but the snapshots row and the plan's dimensions). */
export const snapshotTables: readonly string[] = [...tableIdentities.map((t) => t.key), "ingest_files", "ingest_issues"];

/** Append one snapshot's loaded rows (ingested against `plan`), its ingest_files rows and its issues (not its snapshots row). */
export async function writeSnapshotRows(conn: DuckDBConnection, s: IngestedSnapshot, plan: PilotPlan): Promise<void> {
  const snapshot = dateValue(s.date);
  const fa = await conn.createAppender("ingest_files");
  for (const f of s.files) {
    const writers = columnWriters(tableByKey(plan, f.table));
    const a = await conn.createAppender(f.table);
    for (const { row, rec } of f.loaded) {
      a.appendDate(snapshot);
      a.appendVarchar(f.file);
      a.appendInteger(row);
      for (const w of writers) w.put(a, rec[w.key]);
      a.endRow();
    }
    a.closeSync();
    fa.appendDate(snapshot);
    fa.appendVarchar(f.file);
    fa.appendVarchar(f.table);
    fa.appendVarchar(f.encoding);
    putVarchar(fa, f.sheet);
    fa.appendInteger(f.headerRow);
    fa.appendInteger(f.rowsRead);
    fa.appendInteger(f.rowsLoaded);
    fa.appendInteger(f.rowsRejected);
    fa.appendInteger(f.rowsSkipped);
    fa.appendList(f.extraColumns, LIST(VARCHAR));
    fa.endRow();
  }
  fa.closeSync();
  await writeIssues(conn, s.issues);
}
