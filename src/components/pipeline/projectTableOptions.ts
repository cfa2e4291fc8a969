// How Inputs.table shows the overdue and stuck project lists (the page calls Inputs.table, which
// virtualises rows, so thousands of projects stay cheap to render).
import type { OverdueProject, StuckProject } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, zhDate } from "../shared/format.js";

type Kind = "overdue" | "stuck";
type Row = OverdueProject | StuckProject;

/** Inputs.table options for the overdue (逾期) or stuck (停滞) list; `industries` gives short names. */
export function projectTableOptions(kind: Kind, industries: { key: string; short: string }[]) {
  const short = new Map(industries.map((i) => [i.key, i.short]));
  const date = kind === "overdue" ? "planned_end" : "last_change_on";
  const days = kind === "overdue" ? "days_overdue" : "days_since_change";
  return {
    // Days (short, and the sort key) then the names: on a phone both show before scrolling sideways.
    columns: [days, "project_name", "enterprise", date, "status", "leading_unit", "district", "industry"],
    header: {
      project_name: "项目",
      enterprise: "企业",
      district: "区",
      industry: "行业",
      leading_unit: "牵引单位",
      status: "状态",
      [date]: kind === "overdue" ? "计划完成" : "最近变动",
      [days]: kind === "overdue" ? "逾期天数" : "停滞天数",
    },
    // Inputs.table leaves null cells empty without calling these.
    format: {
      industry: (v: string, i: number, rows: Row[]) => short.get(rows[i]?.industry_key ?? "") ?? v,
      [date]: (v: string) => zhDate(v),
      [days]: (v: number) => `${fmtCount(v)}天`,
    },
    // Longest wait first: the rows that most need a phone call.
    sort: days,
    reverse: true,
    rows: 15,
    layout: "auto",
    select: false,
  };
}
