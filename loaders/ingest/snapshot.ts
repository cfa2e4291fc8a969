/**
 * Ingest one snapshot: read each file, normalise every cell, check each row, then check ids and
 * references across tables. Every data row read ends loaded or rejected, never both, never lost.
 */
import { contractTables, tableByKey, type Table, type TableKey } from "../contract/tables.ts";
import type { PilotPlan } from "../plan/types.ts";
import { FatalIngestError, makeIssue, type IssueCode } from "./issues.ts";
import { readTableFile } from "./read/index.ts";
import type { IngestedFile, IngestedSnapshot, LocatedIssue, LoadedRow } from "./types.ts";
import { normaliseCell } from "./validate/cell.ts";
import { references, validationOrder } from "./validate/references.ts";
import { checkRow, type Rec } from "./validate/rows.ts";

export interface SnapshotFiles {
  date: string;
  dir: string;
  files: { table: TableKey; path: string; name: string }[];
}

interface Candidate {
  row: number;
  rec: Rec;
  rejected: boolean;
}

/** Identity of a row for matching issues across snapshots: its id, or its unique columns joined. */
function recordId(table: Table, rec: Rec): string | null {
  const cols = table.idColumn ? [table.idColumn] : (table.uniqueBy ?? []);
  const parts = cols.map((c) => rec[c]);
  return parts.every((p) => p != null && p !== "") ? parts.join("|") : null;
}

/** Ingest every file of one snapshot against `plan`'s contract; `display(path)` gives the name used in messages. */
export async function ingestSnapshot(
  snap: SnapshotFiles,
  display: (path: string) => string,
  plan: PilotPlan,
): Promise<{ snapshot: IngestedSnapshot; fatal: LocatedIssue[] }> {
  const issues: LocatedIssue[] = [];
  const fatal: LocatedIssue[] = [];
  const candidates = new Map<TableKey, { file: Omit<IngestedFile, "loaded" | "rowsRead" | "rowsLoaded" | "rowsRejected">; rows: Candidate[]; headers: Map<string, string> }>();

  // Tables this snapshot cannot use: a required one with no file, or one whose file failed. Both
  // already stop the build; checking references into them would only bury that message under one
  // REF_UNKNOWN per row.
  const unusable = new Set<TableKey>(contractTables(plan).filter((t) => t.required && !snap.files.some((f) => f.table === t.key)).map((t) => t.key));

  for (const f of snap.files) {
    const table = tableByKey(plan, f.table);
    const file = display(f.path);
    let read;
    try {
      read = await readTableFile(f.path, table, { file, snapshot: snap.date });
    } catch (e) {
      if (e instanceof FatalIngestError) {
        fatal.push({ ...e.issue, table: table.key, record_id: null });
        unusable.add(table.key);
        continue;
      }
      throw e;
    }
    for (const i of read.issues) issues.push({ ...i, table: table.key, record_id: null });
    if (read.rows.length === 0) {
      issues.push({ ...makeIssue("NO_DATA_ROWS", { snapshot: snap.date, file, row: read.headerRow }), table: table.key, record_id: null });
    }
    const headers = new Map(read.columns.map((c) => [c.key, c.header]));
    const units = new Map(read.columns.map((c) => [c.key, c.unit ?? "wan"]));
    const rows: Candidate[] = [];
    for (const { row, cells } of read.rows) {
      const rec: Rec = {};
      const rowIssues: LocatedIssue[] = [];
      const report = (code: IssueCode, column: string, params: Record<string, unknown> = {}) =>
        rowIssues.push({
          ...makeIssue(code, { snapshot: snap.date, file, row, column: headers.get(column) ?? columnZh(table, column) }, params),
          table: table.key,
          record_id: null,
        });
      for (const c of table.columns) {
        if (!headers.has(c.key)) {
          rec[c.key] = null;
          continue;
        }
        const n = normaliseCell(plan, c, cells[c.key] ?? null, units.get(c.key));
        if (!n.ok) {
          report(n.code, c.key, n.params);
          if (!c.personal) rec[c.key] = null;
          continue;
        }
        if (n.warning) report(n.warning.code, c.key, n.warning.params ?? {});
        if (c.personal) continue; // validated above, never kept
        rec[c.key] = n.value;
        if (n.value == null && c.required) report("REQUIRED_MISSING", c.key);
      }
      if (!rowIssues.some((i) => i.severity === "error")) checkRow(plan, table, rec, snap.date, report);
      const id = recordId(table, rec);
      for (const i of rowIssues) i.record_id = id;
      issues.push(...rowIssues);
      rows.push({ row, rec, rejected: rowIssues.some((i) => i.severity === "error") });
    }
    candidates.set(table.key, {
      file: {
        table: table.key,
        file,
        encoding: read.encoding,
        sheet: read.sheet ?? null,
        headerRow: read.headerRow,
        rowsSkipped: read.skipped,
        extraColumns: read.extra,
      },
      rows,
      headers,
    });
  }

  // Ids and references, in an order where targets are settled before the rows that point at them.
  const loadedIds = new Map<TableKey, Set<string>>();
  const rejectedIds = new Map<TableKey, Set<string>>();
  const files: IngestedFile[] = [];
  for (const key of validationOrder) {
    const c = candidates.get(key);
    if (!c) continue;
    const table = tableByKey(plan, key);
    const reject = (cand: Candidate, code: IssueCode, column: string, params: Record<string, unknown>) => {
      cand.rejected = true;
      issues.push({
        ...makeIssue(code, { snapshot: snap.date, file: c.file.file, row: cand.row, column: c.headers.get(column) ?? columnZh(table, column) }, params),
        table: key,
        record_id: recordId(table, cand.rec),
      });
    };
    const keyCols = table.idColumn ? [table.idColumn] : (table.uniqueBy ?? []);
    const firstRow = new Map<string, number>();
    for (const cand of c.rows) {
      if (cand.rejected) continue;
      for (const ref of references) {
        if (ref.table !== key) continue;
        const v = cand.rec[ref.column];
        if (v == null || v === "" || unusable.has(ref.target)) continue;
        const target = tableByKey(plan, ref.target);
        if (loadedIds.get(ref.target)?.has(String(v))) continue;
        const code = rejectedIds.get(ref.target)?.has(String(v)) ? "REF_REJECTED" : "REF_UNKNOWN";
        reject(cand, code, ref.column, { target: target.zh, targetEn: target.key, value: v });
        break;
      }
      if (cand.rejected || keyCols.length === 0) continue;
      const id = recordId(table, cand.rec);
      if (id == null) continue;
      const first = firstRow.get(id);
      if (first != null) reject(cand, "DUPLICATE_ID", keyCols[0]!, { value: id, firstRow: first });
      else firstRow.set(id, cand.row);
    }
    const ids = new Set<string>();
    const rejected = new Set<string>();
    const loaded: LoadedRow[] = [];
    for (const cand of c.rows) {
      const id = table.idColumn ? cand.rec[table.idColumn] : null;
      if (cand.rejected) {
        if (id != null) rejected.add(String(id));
      } else {
        if (id != null) ids.add(String(id));
        loaded.push({ row: cand.row, rec: cand.rec });
      }
    }
    loadedIds.set(key, ids);
    rejectedIds.set(key, rejected);
    files.push({
      ...c.file,
      rowsRead: c.rows.length,
      rowsLoaded: loaded.length,
      rowsRejected: c.rows.length - loaded.length,
      loaded,
    });
  }

  return { snapshot: { date: snap.date, folder: snap.dir, files, issues }, fatal };
}

function columnZh(table: Table, key: string): string {
  return table.columns.find((c) => c.key === key)?.zh ?? key;
}
