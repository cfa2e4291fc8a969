// The first thing a leader reads on a phone: days left and how many targets are off pace, in one card.
import { html } from "htl";
import { daysLeft } from "./daysLeft.js";
import { statusColor, zhDate } from "../shared/format.js";
import type { KpiRow } from "../../../loaders/kpi/reportTypes.ts";

/** Days left in the pilot (big) and one sentence counting targets by status (biggestGaps names them). */
export function riskSummary(kpis: KpiRow[], { asOf, planEnd }: { asOf: string; planEnd: string }): HTMLElement {
  const count = (s: string) => kpis.filter((k) => k.status === s).length;
  // 无数据 (no record to judge by) is neither on pace nor off it.
  const offPace = kpis.filter((k) => k.status === "预警" || k.status === "落后");
  const noData = count("无数据");
  return html`<div>
    <p style="margin:0">截至${zhDate(asOf)},距试点期末(${zhDate(planEnd)})还有</p>
    <div class="big">${daysLeft(asOf, planEnd)} 天</div>
    <p style="max-width:none">${kpis.length} 项目标中
      <b style="color:${statusColor("达标")}">达标 ${count("达标")} 项</b>、
      <b style="color:${statusColor("预警")}">预警 ${count("预警")} 项</b>、
      <b style="color:${statusColor("落后")}">落后 ${count("落后")} 项</b>${noData > 0 ? html`、<b style="color:${statusColor("无数据")}">无数据 ${noData} 项</b>` : ""}。${offPace.length === 0 ? "全部目标均达到按时间进度应完成的数量。" : `${offPace.length} 项未达进度,见下。`}</p>
  </div>`;
}
