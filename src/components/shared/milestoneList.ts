// The work streams as a list: period as the plan writes it, its days, state and days left.
import { html } from "htl";
import { zhDate } from "./format.js";
import type { MilestoneRow } from "../../../loaders/kpi/milestones.ts";
import { milestoneLeftText } from "./milestoneTimeline.js";

/** A table of the streams; rows within the alert window are marked. */
export function milestoneList(rows: MilestoneRow[]): HTMLElement {
  return html`<div class="table-scroll"><table class="milestone-list">
    <thead><tr><th>条目</th><th>工作事项</th><th>方案原文时间</th><th>起止(按月首、月末计)</th><th>状态</th><th>距截止</th></tr></thead>
    <tbody>${rows.map((m) => html`<tr class=${m.due_soon ? "due-soon" : ""}>
      <td>${m.cite}</td><td>${m.name}${m.final ? "(试点整体验收)" : ""}</td><td>${m.words}</td>
      <td>${m.from ? zhDate(m.from) : "方案未定"}—${m.to ? zhDate(m.to) : "持续"}</td>
      <td>${m.state}</td><td>${m.due_soon ? html`<b style="color:#d62728">${milestoneLeftText(m)}</b>` : milestoneLeftText(m)}</td>
    </tr>`)}</tbody></table></div>`;
}
