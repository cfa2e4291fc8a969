// The page's headline on tiers: with no tier criteria, what the plan does and does not say; with
// criteria, the units rated above what the criteria give their results, named in a sentence.
import { html } from "htl";
import type { LeadingUnitRow, TierCriterion } from "../../../loaders/kpi/reportTypes.ts";

/** One paragraph (and a list when units are flagged); names set as text. */
export function tierVerdictNote(units: LeadingUnitRow[], criteria: TierCriterion[]): HTMLElement {
  if (units.length === 0) return html`<p class="empty-note">暂无牵引单位数据。</p>`;
  if (criteria.length === 0) {
    return html`<p>共 ${units.length} 家牵引单位。方案四(二)2 规定依据验收通过项目数、供给“小快轻准”产品数、入选示范项目数三项指标评定档次并给予一次性分档奖励,
      但没有给出各档的具体标准。台账未提供“牵引单位评档标准”,
      因此本页只列出各单位的三项指标、排名、评定档次和已拨奖励,<strong>不判断评定档次是否与实绩相符</strong>。</p>`;
  }
  const sources = [...new Set(criteria.map((c) => c.source))].join(";");
  const flagged = units.filter((u) => u.awarded_above_earned === true);
  const unjudged = units.filter((u) => u.awarded_above_earned == null);
  const rest = unjudged.length === 0 ? "" : `另有 ${unjudged.length} 家的评定档次没有对应标准,未作比较。`;
  if (flagged.length === 0) {
    return html`<p>按评档标准(依据:${sources}),${units.length} 家牵引单位中没有评定档次高于按标准应得档次的单位。${rest}</p>`;
  }
  return html`<div>
    <p>按评档标准(依据:${sources}),${units.length} 家牵引单位中,<strong>${flagged.length} 家评定档次高于按标准应得的档次</strong>,建议复核。${rest}</p>
    <ul>${flagged.map((u) => html`<li>${u.name}:评定${u.tier_awarded},按标准应得${u.tier_earned ?? "未达任何一档"}</li>`)}</ul>
  </div>`;
}
