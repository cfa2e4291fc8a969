/**
 * "How far behind is each target", decided once for the overview (差距最大的目标), the report
 * briefing (二、差距最大的目标) and the weekly review's attention list: the count targets whose
 * status is 预警 or 落后 (plan.monitoring thresholds on the pro-rated expectation), furthest behind
 * their expectation first. A status target (the platform) has no pace to fall behind, and a target
 * with no data (无数据) is not a gap but a missing figure: both are shown elsewhere, never here.
 */

/** What the rule needs of a target row, however the row names it. */
export interface GapFacts {
  kind: string;
  status: string | null;
  /** actual ÷ pro-rated expectation. */
  pctOfExpected: number | null;
}

/** The rows behind pace, furthest behind first (ties keep the rows' order). */
export function behindPace<T>(rows: readonly T[], facts: (row: T) => GapFacts): T[] {
  return rows
    .map((row) => ({ row, f: facts(row) }))
    .filter(({ f }) => f.kind === "count" && (f.status === "预警" || f.status === "落后"))
    .sort((a, b) => (a.f.pctOfExpected ?? 0) - (b.f.pctOfExpected ?? 0))
    .map(({ row }) => row);
}

/** behindPace over the report's KPI rows. */
export function kpisBehindPace<T extends { kind: string; status: string; pct_of_expected: number | null }>(kpis: readonly T[]): T[] {
  return behindPace(kpis, (k) => ({ kind: k.kind, status: k.status, pctOfExpected: k.pct_of_expected }));
}
