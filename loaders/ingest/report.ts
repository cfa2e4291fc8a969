/** The validation report: what `validate --json` writes and the data-quality page reads. */
import type { IngestResult } from "./types.ts";

export interface ValidationReport {
  files: {
    snapshot: string;
    file: string;
    table: string;
    encoding: string;
    sheet: string | null;
    header_row: number;
    rows_read: number;
    rows_loaded: number;
    rows_rejected: number;
    rows_skipped: number;
  }[];
  issues: {
    snapshot: string | null;
    file: string;
    table: string | null;
    row: number | null;
    column: string | null;
    code: string;
    severity: string;
    message: string;
    message_zh: string;
    message_en: string;
    record_id: string | null;
  }[];
  totals: { rows_read: number; rows_loaded: number; rows_rejected: number; warnings: number; fatal: number };
}

/** Flatten an ingest result into the report shape. */
export function validationReport(result: IngestResult): ValidationReport {
  const files = result.snapshots.flatMap((s) =>
    s.files.map((f) => ({
      snapshot: s.date,
      file: f.file,
      table: f.table,
      encoding: f.encoding,
      sheet: f.sheet,
      header_row: f.headerRow,
      rows_read: f.rowsRead,
      rows_loaded: f.rowsLoaded,
      rows_rejected: f.rowsRejected,
      rows_skipped: f.rowsSkipped,
    })),
  );
  const all = [...result.issues, ...result.snapshots.flatMap((s) => s.issues), ...result.fatal];
  const issues = all.map((i) => ({
    snapshot: i.snapshot,
    file: i.file,
    table: i.table,
    row: i.row,
    column: i.column,
    code: i.code,
    severity: i.severity,
    message: `${i.message_zh} / ${i.message_en}`,
    message_zh: i.message_zh,
    message_en: i.message_en,
    record_id: i.record_id,
  }));
  const sum = (k: "rows_read" | "rows_loaded" | "rows_rejected") => files.reduce((a, f) => a + f[k], 0);
  return {
    files,
    issues,
    totals: {
      rows_read: sum("rows_read"),
      rows_loaded: sum("rows_loaded"),
      rows_rejected: sum("rows_rejected"),
      warnings: all.filter((i) => i.severity === "warning").length,
      fatal: result.fatal.length,
    },
  };
}
