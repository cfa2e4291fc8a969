/**
 * The headline enterprise count (enterprises transformed to level 2+ in Guangzhou) per district × industry, with district and industry totals
 * and the city total as its margins: one table behind every breakdown the public site shows, so
 * the district list, the industry list, the matrix and the city card are suppressed together.
 */
import type { Report } from "../kpi/reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";
import { REST, withResiduals } from "./grid.ts";
import { publicTable, type PublicTable } from "./publicTable.ts";
import { isPublished } from "./suppress.ts";

export interface TransformedTable extends PublicTable {
  /** The pairs the plan names (重点实施), per interior cell. */
  focus: boolean[][];
  /** District targets (分区目标) when supplied, and the share attained when the district's count is published. */
  row_targets: (number | null)[];
  row_pct: (number | null)[];
}

/** Build and suppress the district × industry table of the plan's headline enterprise count (report.plan.headline.primary; empty without one). */
export function transformedTable(report: Report, plan: PilotPlan, min: number): TransformedTable {
  const KEY = report.plan.headline.primary;
  const cell = new Map(report.district_industry.filter((c) => c.key === KEY).map((c) => [`${c.district_code}|${c.industry_key}`, c]));
  const byDistrict = new Map(report.by_district.filter((d) => d.key === KEY).map((d) => [d.district_code, d]));
  const byIndustry = new Map(report.by_industry.filter((d) => d.key === KEY).map((d) => [d.industry_key, d]));
  const kpi = report.kpis.find((k) => k.key === KEY);
  const grid = withResiduals(
    {
      rows: plan.districts.map((d) => ({ key: d.code, label: d.name })),
      cols: plan.industries.map((i) => ({ key: i.key, label: i.name, short: i.short })),
      values: plan.districts.map((d) => plan.industries.map((i) => cell.get(`${d.code}|${i.key}`)?.actual ?? 0)),
    },
    {
      rows: plan.districts.map((d) => byDistrict.get(d.code)?.actual ?? 0),
      cols: plan.industries.map((i) => byIndustry.get(i.key)?.actual ?? 0),
      total: kpi?.actual ?? 0,
    },
    { row: "未注明区", col: "其他行业" },
  );
  const table = publicTable(grid, { kind: "count" }, min);
  const focus = grid.rows.map((r) => grid.cols.map((c) => cell.get(`${r.key}|${c.key}`)?.is_focus ?? false));
  const row_targets = grid.rows.map((r) => (r.key === REST ? null : byDistrict.get(r.key)?.target ?? null));
  const row_pct = table.row_totals.map((v, i) => {
    const t = row_targets[i];
    return isPublished(v) && t ? v / t : null;
  });
  return { ...table, focus, row_targets, row_pct };
}
