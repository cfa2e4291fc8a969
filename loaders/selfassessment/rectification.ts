/**
 * The self-assessment's 考核整改 section reads its figures from this one function. The reviews and
 * rectification items of 五(六) come with issue 15's items 1–3 (another branch): until they are wired
 * in here, it returns null and every rendering says 未提供数据 rather than showing zeros.
 */
import type { Report } from "../kpi/reportTypes.ts";
import type { RectificationSummary } from "./types.ts";

/** The open rectification items on the report's data date; null when the exports carry no reviews. */
export function rectificationOf(_report: Report): RectificationSummary | null {
  return null;
}
