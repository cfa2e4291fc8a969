// The weekly review's headline in four cards: the headline target's change, projects moved, revisions, attention items.
import { html } from "htl";
import type { WeeklyReview } from "../../../loaders/weekly/types.ts";
import { fmtCount, fmtDelta, metText, statusColor } from "../shared/format.js";

/** Four cards (two across on a phone's width, four on a desk). */
export function weeklySummaryCards(r: WeeklyReview): HTMLElement {
  const head = r.targets.find((t) => t.key === "enterprises_transformed") ?? r.targets[0]!;
  const backward = r.status_changes.filter((c) => c.kind === "backward" || c.kind === "removed").length;
  return html`<div class="grid grid-cols-4" style="grid-auto-rows:auto">
    <div class="card"><h2>${head.short}本期变化</h2>
      <span class="big">${fmtDelta(head.delta)}${head.unit}</span>
      <p>${fmtCount(head.before)}→${fmtCount(head.after)}${head.unit};本期应增${head.required_for_period == null ? "—" : fmtCount(head.required_for_period)}${head.unit},<b style=${`color:${statusColor(head.met === false ? "落后" : "达标")}`}>${metText(head.met)}</b></p></div>
    <div class="card"><h2>项目状态变化</h2><span class="big">${fmtCount(r.status_changes.length)}个</span><p>其中回退或消失${fmtCount(backward)}个</p></div>
    <div class="card"><h2>数据修订</h2><span class="big">${fmtCount(r.revisions.length)}处</span><p>已有数据被修改、清空或删除</p></div>
    <div class="card"><h2>需关注事项</h2><span class="big">${fmtCount(r.attention.length)}项</span><p>见页末清单</p></div>
  </div>`;
}
