/**
 * Funds disbursed per direction × source in 万元, city-wide only. An amount built from fewer than
 * `min` beneficiaries is withheld, and so are the complementary cells that would give it away.
 */
import type { Report } from "../kpi/reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";
import type { FundContributors } from "./fundContributors.ts";
import { publicTable, type PublicTable } from "./publicTable.ts";
import { isPublished } from "./suppress.ts";

export interface FundTable extends PublicTable {
  /** Per direction: the plan's total cap, its per-district cap, and the share of the total cap used when the amount is published. */
  caps: { total_cap_wan: number | null; per_district_cap_wan: number | null; pct_of_cap: number | null }[];
}

// Published amounts to the 百元 (0.01 万元); the sums are rounded the same way.
const cents = (x: number): number => Math.round(x * 100) / 100;

/** Build and suppress the direction × source table of disbursed amounts. */
export function fundTable(report: Report, plan: PilotPlan, contributors: FundContributors[], min: number): FundTable {
  const dirs = report.funding.by_direction;
  const sources = plan.funding.sources;
  const count = (d: string | null, s: string | null): number =>
    contributors.find((c) => c.direction_key === d && c.source === s)?.contributors ?? 0;
  const values = dirs.map((d) => sources.map((s) => cents(d.by_source.find((b) => b.source === s)?.amount_wan ?? 0)));
  const table = publicTable(
    {
      rows: dirs.map((d) => ({ key: d.key, label: d.direction })),
      cols: sources.map((s) => ({ key: s, label: s })),
      values,
    },
    {
      kind: "amount",
      contributors: dirs.map((d) => sources.map((s) => count(d.key, s))),
      rowContributors: dirs.map((d) => count(d.key, null)),
      colContributors: sources.map((s) => count(null, s)),
      totalContributors: count(null, null),
    },
    min,
  );
  const rounded = (v: (typeof table.cells)[number][number] | null) => (isPublished(v) ? cents(v) : v);
  const caps = dirs.map((d, i) => {
    const amount = table.row_totals[i];
    return {
      total_cap_wan: d.cap_wan,
      per_district_cap_wan: d.per_district_cap_wan,
      pct_of_cap: isPublished(amount) && d.cap_wan ? amount / d.cap_wan : null,
    };
  });
  return {
    ...table,
    cells: table.cells.map((r) => r.map((v) => rounded(v)!)),
    row_totals: table.row_totals.map(rounded),
    col_totals: table.col_totals.map(rounded),
    total: rounded(table.total),
    caps,
  };
}
