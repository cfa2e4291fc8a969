// The overdue or stuck projects of one district as rows with Chinese column names: what the
// district page's table shows and what its download saves (dates stay ISO; the table formats them).
import type { OverdueProject, StuckProject } from "../../../loaders/kpi/reportTypes.ts";

/** One row per project, the waiting days first; names fall back to their codes when missing. */
export function districtProjectRows(kind: "overdue" | "stuck", projects: readonly (OverdueProject | StuckProject)[], industries: readonly { key: string; short: string }[]) {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  return projects.map((p) => ({
    ...(kind === "overdue" ? { 逾期天数: (p as OverdueProject).days_overdue } : { 停滞天数: (p as StuckProject).days_since_change }),
    企业: p.enterprise ?? p.uscc,
    行业: short.get(p.industry_key ?? "") ?? p.industry ?? "—",
    牵引单位: p.leading_unit ?? p.leading_unit_id,
    项目: p.project_name ?? p.project_id,
    状态: p.status,
    ...(kind === "overdue" ? { 计划完成: (p as OverdueProject).planned_end } : { 最后变动: (p as StuckProject).last_change_on }),
  }));
}
