/**
 * Recognitions (数字化车间, 智能工厂, 场景, 链式案例, 集群) per district and kind. Column totals are
 * the city counts on the target cards; a district's sum over kinds is not published.
 */
import type { Report } from "../kpi/reportTypes.ts";
import { recognitionTargets } from "../plan/measures.ts";
import type { PilotPlan } from "../plan/types.ts";
import { withResiduals } from "./grid.ts";
import { publicTable, type PublicTable } from "./publicTable.ts";

/** Build and suppress the district × recognition kind table. */
export function recognitionTable(report: Report, plan: PilotPlan, min: number): PublicTable {
  const kinds = recognitionTargets(plan).map(({ target, kinds }) => ({ target: target.key, kind: kinds.join("、") }));
  const at = new Map(report.by_district.map((d) => [`${d.key}|${d.district_code}`, d.actual]));
  const city = new Map(report.kpis.map((k) => [k.key as string, k.actual]));
  const grid = withResiduals(
    {
      rows: plan.districts.map((d) => ({ key: d.code, label: d.name })),
      cols: kinds.map((k) => ({ key: k.target, label: k.kind })),
      values: plan.districts.map((d) => kinds.map((k) => at.get(`${k.target}|${d.code}`) ?? 0)),
    },
    { cols: kinds.map((k) => city.get(k.target) ?? 0) },
    { row: "未注明区", col: "其他" },
  );
  return publicTable(grid, { kind: "count", publishRowTotals: false, publishTotal: false }, min);
}
