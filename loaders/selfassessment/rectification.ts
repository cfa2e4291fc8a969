/**
 * The self-assessment's 考核整改 section reads its figures from this one function. The reviews and
 * rectification items of 五(六) come with issue 15's items 1–3 (another branch): until they are wired
 * in here (from the report, or by a query on `conn` for the report's snapshot and as-of), it returns
 * null and every rendering says 未提供数据 rather than showing zeros. A data root without the review
 * table must keep returning null.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Report } from "../kpi/reportTypes.ts";
import type { RectificationSummary } from "./types.ts";

/** The rectification items on the report's data date; null when the exports carry no reviews. */
export async function rectificationOf(_conn: DuckDBConnection, _report: Report): Promise<RectificationSummary | null> {
  return null;
}
