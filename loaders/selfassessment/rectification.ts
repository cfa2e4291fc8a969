/**
 * The self-assessment's 考核整改 section (五(六)) reads its figures from the report's
 * `unit_management`, the same rows the 报送与考核 page draws, so the two never disagree. A data root
 * without the review table (牵引单位考核整改) gives null, and every rendering says 未提供数据 rather
 * than showing zeros.
 */
import type { Report } from "../kpi/reportTypes.ts";
import { sources } from "./sources.ts";
import type { RectificationSummary } from "./types.ts";

/** Units reviewed by the data date, and the 整改 items raised: not closed (open + overdue), overdue, closed. */
export function rectificationSummary(report: Report): RectificationSummary | null {
  const um = report.unit_management;
  if (!um.supplied.unit_reviews) return null;
  const items = um.rectifications;
  const count = (s: string) => items.filter((i) => i.status === s).length;
  return {
    units_reviewed: new Set(um.reviews.map((r) => r.unit_id)).size,
    items: items.length,
    open: items.length - count("closed"),
    overdue: count("overdue"),
    closed: count("closed"),
    source: sources.rectification,
  };
}
