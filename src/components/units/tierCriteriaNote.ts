// What each tier awards (plan 四(二)2) and, when the city has set them, what it asks for, with the source.
import { html } from "htl";
import type { TierCriterion } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtWan } from "../shared/format.js";

const threshold = (label: string, v: number | null, unit: string) => (v == null ? null : `${label} ≥ ${fmtCount(v)} ${unit}`);

/** A short list, highest tier first: "一档:奖励不超过100万元" and, with criteria, "验收通过项目 ≥ 40 个…(依据:…)". */
export function tierCriteriaNote(criteria: TierCriterion[], awards: Record<string, number>): HTMLElement {
  const byTier = new Map(criteria.map((c) => [c.tier, c]));
  return html`<div>
    <p>${criteria.length === 0
      ? "各档奖励上限出自方案四(二)2;方案未给出各档标准,台账也未提供评档标准,故不评“按标准应得档次”。"
      : "各档奖励上限出自方案四(二)2;各档标准出自台账“牵引单位评档标准”所注依据(所列条件同时满足,空白为不设条件)。"}</p>
    <ul>${Object.entries(awards).map(([tier, award]) => {
      const c = byTier.get(tier);
      const rule = c == null ? [] : [
        threshold("验收通过项目", c.min_projects_accepted, "个"),
        threshold("供给产品", c.min_products, "个"),
        threshold("入选示范项目", c.min_demonstrations, "个"),
      ].filter((x) => x != null);
      const text = c == null ? (criteria.length === 0 ? "" : ";未提供标准") : `;标准:${rule.length ? rule.join("、") : "不设条件"}(依据:${c.source})`;
      return html`<li>${tier}:奖励不超过${fmtWan(award)}${text}</li>`;
    })}</ul>
  </div>`;
}
