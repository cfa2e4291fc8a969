/** Write an ingest result into a DuckDB database: contract tables, the ingest report, the plan's dimensions. */
import { DuckDBDateValue, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { tableByKey, type Table } from "../contract/tables.ts";
import type { IngestResult, LocatedIssue } from "../ingest/types.ts";
import { plan } from "../plan/guangzhou.ts";
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
const putByColumnType: Record<string, Put> = {
  id: putVarchar, uscc: putVarchar, text: putVarchar, district: putVarchar, industry: putVarchar, enum: putVarchar,
  int: putInt, wan: putDouble, number: putDouble, date: putDate, bool: putBool, level: putInt,
};

function columnWriters(t: Table): { key: string; put: Put }[] {
  return [
    ...storedColumns(t).map((c) => ({ key: c.key, put: putByColumnType[c.type]! })),
    ...(derivedColumns[t.key] ?? []).map((c) => ({ key: c.key, put: putBySqlType[c.type]! })),
  ];
}

/** Create the schema in `conn` and load `result` into it. */
export async function writeWarehouse(conn: DuckDBConnection, result: IngestResult): Promise<void> {
  for (const sql of [...schemaDDL(), ...planDML(plan)]) await conn.run(sql);

  const snaps = await conn.createAppender("snapshots");
  for (const s of result.snapshots) {
    snaps.appendDate(dateValue(s.date));
    snaps.appendVarchar(s.folder);
    snaps.endRow();
  }
  snaps.closeSync();

  const appenders = new Map<string, DuckDBAppender>();
  const appender = async (key: string) => {
    let a = appenders.get(key);
    if (!a) {
      a = await conn.createAppender(key);
      appenders.set(key, a);
    }
    return a;
  };
  for (const s of result.snapshots) {
    const snapshot = dateValue(s.date);
    for (const f of s.files) {
      const writers = columnWriters(tableByKey(f.table));
      const a = await appender(f.table);
      for (const { row, rec } of f.loaded) {
        a.appendDate(snapshot);
        a.appendVarchar(f.file);
        a.appendInteger(row);
        for (const w of writers) w.put(a, rec[w.key]);
        a.endRow();
      }
      const fa = await appender("ingest_files");
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
  }
  const ia = await appender("ingest_issues");
  const putIssue = (i: LocatedIssue) => {
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
  };
  result.issues.forEach(putIssue);
  for (const s of result.snapshots) s.issues.forEach(putIssue);
  for (const a of appenders.values()) a.closeSync();
}
