// Each leading unit's record in the plan's management loop, for Inputs.table: reports owed and their
// states (五(五)), 整改 items (五(六)), the acceptance results of its projects and the failure rate
// (五(七)), and whether it is still on the list (动态调整). A table not supplied reads 未报送此表,
// never 0 (Inputs.table skips null cells, so the rows carry the words).
import type { UnitRecord } from "../../../loaders/kpi/reportTypes.ts";
import { fmtPct, zhDate } from "../shared/format.js";

export const NOT_SUPPLIED = "未报送此表";

const reportKeys = ["reports_owed", "reports_on_time", "reports_late", "reports_missing", "report_periods_differing"] as const;
const reviewKeys = ["reviews", "items_open", "items_overdue", "items_closed"] as const;

/** One row per unit, with the words for what cannot be counted. */
export function unitRecordRows(units: UnitRecord[], supplied: { unit_reports: boolean; unit_reviews: boolean }) {
  return units.map((u) => ({
    ...u,
    list_state: u.on_list ? "在册" : `${zhDate(u.removed_on)}移出`,
    ...Object.fromEntries(reportKeys.map((k) => [k, supplied.unit_reports ? u[k] : NOT_SUPPLIED])),
    ...Object.fromEntries(reviewKeys.map((k) => [k, supplied.unit_reviews ? u[k] : NOT_SUPPLIED])),
    failure_rate: u.failure_rate == null ? "—" : fmtPct(u.failure_rate),
  }));
}

export const unitRecordOptions = {
  columns: [
    "unit_name", "list_state", ...reportKeys, ...reviewKeys,
    "projects_accepted", "projects_failed", "projects_pending", "failure_rate",
  ],
  header: {
    unit_name: "牵引单位", list_state: "名单状态", reports_owed: "应报期数", reports_on_time: "按时", reports_late: "逾期报送",
    reports_missing: "未报送", report_periods_differing: "与台账不一致期数", reviews: "考核次数", items_open: "整改中",
    items_overdue: "逾期未整改", items_closed: "已整改", projects_accepted: "验收通过", projects_failed: "验收未通过",
    projects_pending: "待验收", failure_rate: "验收未通过率",
  },
  layout: "auto",
  // Read-only lists: no row checkboxes (they would be unlabelled inputs).
  select: false,
  rows: 16,
};
