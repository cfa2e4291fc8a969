/**
 * "小快轻准" products per stage (设计…安全) × industry (通用 = for every industry); the grand total is
 * the plan's products target's count, or, for a plan without one, the products the table holds.
 */
import type { Report } from "../kpi/reportTypes.ts";
import { mainTarget } from "../plan/measures.ts";
import type { PilotPlan } from "../plan/types.ts";
import { withResiduals } from "./grid.ts";
import { publicTable, type PublicTable } from "./publicTable.ts";

const GENERAL = "general";

/** Build and suppress the stage × industry table of products. */
export function productTable(report: Report, plan: PilotPlan, min: number): PublicTable {
  const at = new Map(report.supply.products.map((p) => [`${p.stage}|${p.industry_key ?? GENERAL}`, p.products]));
  const cols = [...plan.industries.map((i) => ({ key: i.key, label: i.name, short: i.short })), { key: GENERAL, label: "通用" }];
  const values = plan.productStages.map((s) => cols.map((c) => at.get(`${s}|${c.key}`) ?? 0));
  const target = mainTarget(plan, "products");
  const grid = withResiduals(
    { rows: plan.productStages.map((s) => ({ key: s, label: s })), cols, values },
    { total: target ? report.kpis.find((k) => k.key === target.key)?.actual ?? 0 : values.flat().reduce((a, b) => a + b, 0) },
    { row: "其他环节", col: "其他行业" },
  );
  return publicTable(grid, { kind: "count" }, min);
}
