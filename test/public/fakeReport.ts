/** A KPI report built by hand for the public aggregation tests: empty everywhere unless given. */
import type { KpiRow, Report } from "../../loaders/kpi/reportTypes.ts";

/** A count target row with only what the public site reads filled in. */
export function kpiRow(key: string, actual: number, extra: Partial<KpiRow> = {}): KpiRow {
  return {
    key: key as KpiRow["key"], label: key, short: key, unit: "家", kind: "count", ord: 0,
    actual, target: 10, pct: actual / 10, expected: 5, pct_of_expected: actual / 5, status: "达标",
    remaining: Math.max(10 - actual, 0), week_delta: 0, trailing_rate_weekly: 0, forecast: actual,
    required_weekly: 0, weeks_left: 6, ...extra,
  };
}

/** A report with every list empty, overridden by `parts`. */
export function fakeReport(parts: Partial<Report> = {}): Report {
  return {
    plan: { id: "guangzhou-2024", title: "t", city: "广州市", area_noun: "区", headline: { primary: "enterprises_transformed", diagnosis: "diagnosed" } },
    as_of: "2026-11-20",
    snapshot: "2026-11-20",
    timing: { expectation_start: "2024-09-01", plan_end: "2026-12-31", elapsed: 0.95, weeks_left: 6, trailing_weeks: 8 },
    kpis: [],
    series: [],
    by_district: [],
    by_industry: [],
    district_industry: [],
    level_uplift: [],
    level_audit: [],
    pipeline: { stages: [], overdue: [], stuck: [], stuck_after_days: 60 },
    leading_units: [],
    tier_criteria: [],
    supply: { products: [], providers: [] },
    funding: { by_direction: [], by_district: [], by_industry: [], monthly: [] },
    compliance: { breaches: [], review_items: [] },
    unit_management: {
      supplied: { unit_reports: false, unit_reviews: false },
      settings: { report_period_months: 1, report_due_day: 10, report_due_day_is_convention: true, report_tolerance: 0 },
      units: [], calendar: [], mismatches: [], rectifications: [], reviews: [], removals: [],
    },
    milestones: { as_of: "2026-11-20", alert_days: 30, rows: [] },
    ...parts,
  };
}
