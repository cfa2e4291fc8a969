// The units whose awarded tier is above what their results support, named in a sentence.
import { html } from "htl";
import type { LeadingUnitRow } from "../../loaders/kpi/reportTypes.ts";

/** "N 家牵引单位中,M 家评定档次高于实绩" and a list of those units with both tiers; names set as text. */
export function tierFlagNote(units: LeadingUnitRow[]): HTMLElement {
  if (units.length === 0) return html`<p class="empty-note">暂无牵引单位数据。</p>`;
  const flagged = units.filter((u) => u.awarded_above_results);
  if (flagged.length === 0) return html`<p>${units.length} 家牵引单位的评定档次均未高于实绩所对应的档次。</p>`;
  return html`<div>
    <p>${units.length} 家牵引单位中,<strong>${flagged.length} 家评定档次高于实绩所对应的档次</strong>,建议复核:</p>
    <ul>${flagged.map((u) => html`<li>${u.name}:评定${u.tier_awarded ?? "未评档"},实绩${u.tier_supported ?? "未达三档"}</li>`)}</ul>
  </div>`;
}
