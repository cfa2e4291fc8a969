// What each tier asks for and awards, so "实绩对应档次" can be checked by hand.
import { html } from "htl";
import { fmtWan } from "./format.js";

interface Criterion {
  tier: string;
  min_transformed: number;
  min_products: number;
  min_scenarios: number;
}

/** A short list: "一档:改造达标 ≥ 40 家、产品 ≥ 10 个、场景案例 ≥ 3 个,奖励不超过 100万元". */
export function tierCriteriaNote(criteria: Criterion[], awards: Record<string, number>): HTMLElement {
  return html`<div>
    <p>实绩对应档次按以下标准判定(三项同时满足;方案四(二)2 未给出具体数字,待市级管理办法出台后替换):</p>
    <ul>${criteria.map(
      (c) => html`<li>${c.tier}:改造达标 ≥ ${c.min_transformed} 家、产品 ≥ ${c.min_products} 个、场景案例 ≥ ${c.min_scenarios} 个;奖励不超过${awards[c.tier] == null ? "—" : fmtWan(awards[c.tier])}</li>`,
    )}</ul>
  </div>`;
}
