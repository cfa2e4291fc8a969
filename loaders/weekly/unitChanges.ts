/**
 * The weekly review's section on the leading units' management loop (五(五)–(七)): what changed in
 * their reports, 整改 items and the lists between snapshot A and B. Each list is B's rows that A's
 * report did not hold in that state, so an item entered late still shows up once, in the week it
 * appeared.
 */
import type { ListRemoval, RectificationItem, Report, UnitReportMismatch, UnitReportPeriod } from "../kpi/reportTypes.ts";

export interface UnitChanges {
  /** Whether B came with each optional table (false: 未报送此表, and its lists are empty). */
  supplied: { unit_reports: boolean; unit_reviews: boolean };
  /** Reports filed this week (on time or late) for periods owed. */
  reports_filed: UnitReportPeriod[];
  /** Periods whose due day passed this week with no report. */
  reports_gone_missing: UnitReportPeriod[];
  /** Reported figures that newly differ from the exports (matched by unit + period + figure). */
  mismatches_new: UnitReportMismatch[];
  /** 整改 items raised (or first exported) this week. */
  items_opened: RectificationItem[];
  /** Items closed this week. */
  items_closed: RectificationItem[];
  /** Items whose deadline passed this week without being closed. */
  items_gone_overdue: RectificationItem[];
  /** Units and enterprises taken off the lists (动态调整) that A did not show as removed. */
  removals: ListRemoval[];
  /** Open and overdue items on B. */
  items_open_after: number;
  items_overdue_after: number;
}

const periodKey = (r: { unit_id: string; period: string }) => `${r.unit_id}|${r.period}`;
const itemKey = (i: RectificationItem) => `${i.unit_id}|${i.reviewed_on}|${i.item_no ?? ""}|${i.item}`;
const removalKey = (r: ListRemoval) => `${r.kind}|${r.id}`;

/** B's rows whose key A's rows (filtered by `was`) do not hold, in B's order. */
function newIn<T>(a: T[], b: T[], key: (x: T) => string, was: (x: T) => boolean = () => true): T[] {
  const inA = new Set(a.filter(was).map(key));
  return b.filter((x) => !inA.has(key(x)));
}

export function unitChanges(a: Report, b: Report): UnitChanges {
  const A = a.unit_management;
  const B = b.unit_management;
  const filed = (r: UnitReportPeriod) => r.status === "on_time" || r.status === "late";
  return {
    supplied: B.supplied,
    reports_filed: newIn(A.calendar, B.calendar.filter(filed), periodKey, filed),
    reports_gone_missing: newIn(A.calendar, B.calendar.filter((r) => r.status === "missing"), periodKey, (r) => r.status === "missing"),
    mismatches_new: newIn(A.mismatches, B.mismatches, (m) => `${periodKey(m)}|${m.figure}`),
    items_opened: newIn(A.rectifications, B.rectifications, itemKey),
    items_closed: newIn(A.rectifications, B.rectifications.filter((i) => i.status === "closed"), itemKey, (i) => i.status === "closed"),
    items_gone_overdue: newIn(A.rectifications, B.rectifications.filter((i) => i.status === "overdue"), itemKey, (i) => i.status === "overdue"),
    removals: newIn(A.removals, B.removals, removalKey),
    items_open_after: B.rectifications.filter((i) => i.status === "open").length,
    items_overdue_after: B.rectifications.filter((i) => i.status === "overdue").length,
  };
}
