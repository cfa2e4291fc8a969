/**
 * Everything the public site publishes, computed once from the KPI report and the fund
 * contributor counts: suppressed tables, the target cards built from their totals, and thinned
 * trends. Page data files are projections of this (pages.ts); nothing else reaches them.
 */
import { mainTarget } from "../plan/measures.ts";
import type { Report } from "../kpi/reportTypes.ts";
import type { PilotPlan } from "../plan/types.ts";
import type { FundContributors } from "./fundContributors.ts";
import { fundTable, type FundTable } from "./fundTable.ts";
import { productTable } from "./productTable.ts";
import { publicKpis, type PublicKpi } from "./publicKpis.ts";
import { publicSeries, type PublicSeries } from "./publicSeries.ts";
import type { PublicTable } from "./publicTable.ts";
import { recognitionTable } from "./recognitionTable.ts";
import { suppressCount, type Shown } from "./suppress.ts";
import { transformedTable, type TransformedTable } from "./transformedTable.ts";

export interface PublicAggregates {
  /** The smallest count published as a number (plan.monitoring.publicMinCount). */
  min: number;
  as_of: string;
  snapshot: string;
  timing: Report["timing"];
  kpis: PublicKpi[];
  series: PublicSeries[];
  transformed: TransformedTable;
  recognitions: PublicTable;
  products: PublicTable;
  funds: FundTable;
  /** Number of leading units selected. */
  leading_units: Shown;
}

/** Suppress and assemble every public aggregate of one report. */
export function publicAggregates(report: Report, contributors: FundContributors[], plan: PilotPlan): PublicAggregates {
  const min = plan.monitoring.publicMinCount;
  const transformed = transformedTable(report, plan, min);
  const recognitions = recognitionTable(report, plan, min);
  const products = productTable(report, plan, min);
  const fromTables = new Map<string, Shown | null>([
    ...(report.plan.headline.primary == null ? [] : [[report.plan.headline.primary, transformed.total] as [string, Shown | null]]),
    ...((k) => (k == null ? [] : [[k, products.total] as [string, Shown | null]]))(mainTarget(plan, "products")?.key),
    ...recognitions.cols.map((c, j): [string, Shown | null] => [c.key, recognitions.col_totals[j] ?? null]),
  ]);
  const kpis = publicKpis(report, fromTables, min);
  return {
    min,
    as_of: report.as_of,
    snapshot: report.snapshot,
    timing: report.timing,
    kpis,
    series: publicSeries(report, kpis, min),
    transformed,
    recognitions,
    products,
    funds: fundTable(report, plan, contributors, min),
    leading_units: suppressCount(report.leading_units.length, min),
  };
}
