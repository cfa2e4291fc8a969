/**
 * The plan targets as the public site states them. A count comes from the suppressed table it is
 * the total of (so a card and a table never disagree), else the plain threshold; every number
 * derived from a withheld count (share, status, remaining, forecast) is withheld with it.
 */
import type { KpiRow, Report, Status } from "../kpi/reportTypes.ts";
import { isPublished, suppressCount, type Shown } from "./suppress.ts";

export interface PublicKpi {
  key: string;
  label: string;
  short: string;
  unit: string;
  kind: KpiRow["kind"];
  target: number | null;
  /** null: a status target with no record (无数据). */
  actual: Shown | null;
  pct: number | null;
  expected: number | null;
  status: Status | null;
  remaining: number | null;
  trailing_rate_weekly: number | null;
  forecast: number | null;
  required_weekly: number | null;
  weeks_left: number;
}

/** Public target rows; `fromTables` holds the shown city value of targets that are a table's total. */
export function publicKpis(report: Report, fromTables: Map<string, Shown | null>, min: number): PublicKpi[] {
  const weeks = report.timing.trailing_weeks;
  return report.kpis.map((k) => {
    // The platform is a status (built and running, from its go-live record), not a count of anything.
    const actual = k.kind === "status" ? k.actual : fromTables.get(k.key) ?? suppressCount(k.actual ?? 0, min);
    const shown = isPublished(actual);
    const noData = k.kind === "status" && k.actual == null;
    // The trailing rate times its weeks is the count added in those weeks: publish it only when that count is 0 or ≥ min.
    const added = k.trailing_rate_weekly == null ? null : Math.round(k.trailing_rate_weekly * weeks);
    const rateOk = shown && added != null && (added === 0 || Math.abs(added) >= min);
    return {
      key: k.key,
      label: k.label,
      short: k.short,
      unit: k.unit,
      kind: k.kind,
      target: k.target,
      actual,
      pct: shown ? k.pct : null,
      expected: k.expected,
      status: shown || noData ? k.status : null,
      remaining: shown ? k.remaining : null,
      trailing_rate_weekly: rateOk ? k.trailing_rate_weekly : null,
      forecast: rateOk || (shown && k.kind === "status") ? k.forecast : null,
      required_weekly: shown ? k.required_weekly : null,
      weeks_left: k.weeks_left,
    };
  });
}
