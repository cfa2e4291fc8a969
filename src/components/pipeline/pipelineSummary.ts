// One sentence on the pipeline page: how many projects are overdue or stuck, in all and under the filters.
import { html } from "htl";
import type { OverdueProject, StuckProject } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, zhDate } from "../shared/format.js";

interface Counts {
  asOf: string;
  stuckAfterDays: number;
  overdue: OverdueProject[];
  stuck: StuckProject[];
  shownOverdue: OverdueProject[];
  shownStuck: StuckProject[];
}

/** "截至…共有逾期项目 N 个、停滞 M 个;当前筛选下 …", with the longest wait of each list shown. */
export function pipelineSummary({ asOf, stuckAfterDays, overdue, stuck, shownOverdue, shownStuck }: Counts): HTMLElement {
  const filtered = shownOverdue.length !== overdue.length || shownStuck.length !== stuck.length;
  // The report sorts both lists longest wait first, so the first row is the longest.
  const longestOverdue = shownOverdue[0]?.days_overdue;
  const longestStuck = shownStuck[0]?.days_since_change;
  return html`<p>截至${zhDate(asOf)},共有<strong>逾期项目 ${fmtCount(overdue.length)} 个</strong>(已过计划完成日期仍未验收通过),
    <strong>停滞项目 ${fmtCount(stuck.length)} 个</strong>(超过 ${stuckAfterDays} 天没有阶段变化)。${
      filtered ? html`当前筛选下:逾期 ${fmtCount(shownOverdue.length)} 个、停滞 ${fmtCount(shownStuck.length)} 个。` : ""
    }${longestOverdue != null ? html`逾期最久 ${fmtCount(longestOverdue)} 天;` : ""}${longestStuck != null ? html`停滞最久 ${fmtCount(longestStuck)} 天。` : ""}</p>`;
}
