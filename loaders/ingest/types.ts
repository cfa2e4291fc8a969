import type { TableKey } from "../contract/tables.ts";
import type { Issue } from "./issues.ts";
import type { Rec } from "./validate/rows.ts";

/** An issue with the table and record it belongs to (so a weekly review can match it across snapshots). */
export interface LocatedIssue extends Issue {
  table: TableKey | null;
  record_id: string | null;
}

/** One loaded row: its normalised values and where it came from. */
export interface LoadedRow {
  row: number;
  rec: Rec;
}

/** What became of one file. rows_read = rows_loaded + rows_rejected, always. */
export interface IngestedFile {
  table: TableKey;
  file: string;
  encoding: string;
  sheet: string | null;
  headerRow: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Total rows and repeated headers: not data, not counted as read. */
  rowsSkipped: number;
  extraColumns: string[];
  loaded: LoadedRow[];
}

export interface IngestedSnapshot {
  date: string;
  folder: string;
  files: IngestedFile[];
  issues: LocatedIssue[];
}

export interface IngestResult {
  root: string;
  snapshots: IngestedSnapshot[];
  /** Issues about the root itself (folders, unknown files). */
  issues: LocatedIssue[];
  /** File-level failures: any one of them stops a build. */
  fatal: LocatedIssue[];
}
