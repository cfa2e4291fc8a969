/**
 * The rows of the data-quality output (data/quality.json, loaders/outputs/quality.ts), one type
 * per query of loaders/quality/sql/: the 数据质量 page's components import them, type only.
 */
import type { Severity } from "../ingest/issues.ts";

/** One file of the current snapshot: what was read, loaded, rejected and skipped (quality_files.sql). */
export interface QualityFileRow {
  snapshot: string;
  file: string;
  table_key: string;
  encoding: string;
  sheet: string | null;
  header_row: number | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_skipped: number;
  /** Columns the file has and the contract does not know; null when none. */
  extra_columns: string[] | null;
}

/** One located issue of the current snapshot, or of the data root (snapshot null) (quality_issues.sql). */
export interface QualityIssueRow {
  snapshot: string | null;
  file: string;
  table_key: string | null;
  row: number | null;
  column: string | null;
  code: string;
  severity: Severity;
  message_zh: string;
  message_en: string;
  record_id: string | null;
}

/** One snapshot of the weekly trend, oldest first (quality_by_snapshot.sql). */
export interface QualitySnapshotRow {
  snapshot: string;
  folder: string;
  files: number;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_skipped: number;
  /** Row-rejecting errors reported. */
  errors: number;
  warnings: number;
}
