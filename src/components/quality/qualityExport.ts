// The data-quality page's tables as files: files of the snapshot (with the totals row), the
// snapshots that exist, and the located issues as currently filtered.
import { exportCols } from "../shared/exportCells.js";
import { inputsTableExport } from "../shared/inputsTableExport.js";
import type { QualityFileRow, QualityIssueRow, QualitySnapshotRow } from "../../../loaders/quality/types.ts";
import { issueTableOptions, severityLabel } from "./issueTable.js";
import type { QualityTotals } from "./qualityFileTable.js";
import type { ExportTable } from "../shared/tableDownloads.js";

// As qualityFileTable shows them.
const encodingName: Record<string, string> = { xlsx: "Excel", "utf-8": "UTF-8", "utf-8-bom": "UTF-8(带BOM)", gb18030: "GB18030" };
const fileName = (f: string) => f.replace(/^[^/]*\//, "");
const check = (r: QualityTotals) => {
  const gap = r.rows_read - r.rows_loaded - r.rows_rejected;
  return gap === 0 ? "相符" : `差 ${gap} 行`;
};

/** One row per file (counts, read = loaded + rejected check, table, encoding, header row, unknown columns), then the totals. */
export function qualityFileExport(files: readonly QualityFileRow[], { tables, totals }: { tables: readonly { key: string; zh: string }[]; totals: QualityTotals | null }): ExportTable {
  const zh = new Map(tables.map((t) => [t.key, t.zh]));
  const counts = (r: QualityTotals) => ({ read: r.rows_read, loaded: r.rows_loaded, rejected: r.rows_rejected, skipped: r.rows_skipped, check: check(r) });
  return {
    columns: exportCols([
      ["file", "文件"], ["read", "读取(行)"], ["loaded", "导入(行)"], ["rejected", "拒绝(行)"], ["skipped", "跳过(行)"], ["check", "核对"],
      ["table", "表"], ["encoding", "编码"], ["header_row", "表头行"], ["extra", "未识别的列(已忽略)"],
    ]),
    rows: [
      ...files.map((f) => ({
        file: fileName(f.file), ...counts(f), table: zh.get(f.table_key) ?? f.table_key,
        encoding: `${encodingName[f.encoding] ?? f.encoding}${f.sheet ? `(工作表「${f.sheet}」)` : ""}`,
        header_row: f.header_row, extra: f.extra_columns?.join("、") ?? null,
      })),
      ...(totals && files.length ? [{ file: `合计(${files.length} 个文件)`, ...counts(totals) }] : []),
    ],
  };
}

/** One row per weekly snapshot, newest first, the current one marked. */
export function snapshotExport(rows: readonly QualitySnapshotRow[], { current }: { current: string | null }): ExportTable {
  return {
    columns: exportCols([["snapshot", "快照日期"], ["current", "当前快照"], ["files", "文件数"], ["read", "读取(行)"], ["loaded", "导入(行)"], ["rejected", "拒绝(行)"], ["warnings", "警告(条)"]]),
    rows: [...rows].reverse().map((r) => ({
      snapshot: r.snapshot, current: r.snapshot === current, files: r.files, read: r.rows_read, loaded: r.rows_loaded, rejected: r.rows_rejected, warnings: r.warnings,
    })),
  };
}

/** The issues `shown` in the list's columns; severity and table in words, file without its snapshot folder. */
export function issueExport(shown: readonly QualityIssueRow[], tables: { key: string; zh: string }[]): ExportTable {
  const zh = new Map(tables.map((t) => [t.key, t.zh]));
  return inputsTableExport(shown, issueTableOptions(tables), {
    values: {
      severity: (v) => severityLabel[v as string] ?? (v as string),
      table_key: (v) => (v == null ? null : zh.get(v as string) ?? (v as string)),
      file: (v) => fileName(v as string),
    },
  });
}
