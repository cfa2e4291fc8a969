// The 整改 items of the units' periodic reviews (五(六)) for Inputs.table: overdue first, then open,
// then closed (the report's order). Inputs.table skips null cells, so the rows carry "—".
import type { RectificationItem } from "../../../loaders/kpi/reportTypes.ts";
import { zhDate } from "../shared/format.js";

const day = (v: string | null) => (v ? zhDate(v) : "—");

export function rectificationRows(items: RectificationItem[]) {
  return items.map((i) => ({
    ...i,
    reviewed: day(i.reviewed_on),
    due: day(i.deadline),
    closed: i.closed_on ? `${zhDate(i.closed_on)}${i.closed_late ? "(超期)" : ""}` : "—",
    overdue_days: i.days_overdue ?? "—",
  }));
}

export const rectificationOptions = {
  columns: ["unit_name", "reviewed", "result", "item", "due", "status_label", "overdue_days", "closed"],
  header: { unit_name: "牵引单位", reviewed: "考核日期", result: "考核结果", item: "整改事项", due: "整改期限", status_label: "状态", overdue_days: "逾期天数", closed: "完成日期" },
  layout: "auto",
  // Read-only lists: no row checkboxes (they would be unlabelled inputs).
  select: false,
  rows: 12,
};
