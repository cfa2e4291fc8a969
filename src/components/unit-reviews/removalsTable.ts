// 五(五) 动态调整: units and enterprises taken off the lists, with the day and the reason, for
// Inputs.table. From that day on they count in no target; before it nothing changes.
import type { ListRemoval } from "../../../loaders/kpi/reportTypes.ts";
import { zhDate } from "../shared/format.js";

export function removalRows(rows: ListRemoval[]) {
  return rows.map((r) => ({ ...r, reason: r.removed_reason ?? "未注明" }));
}

export const removalOptions = {
  columns: ["kind_label", "id", "name", "removed_on", "reason"],
  header: { kind_label: "类别", id: "编号或信用代码", name: "名称", removed_on: "移出日期", reason: "移出原因" },
  format: { removed_on: zhDate },
  layout: "auto",
  // Read-only lists: no row checkboxes (they would be unlabelled inputs).
  select: false,
  rows: 10,
};
