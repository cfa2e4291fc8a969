// The compliance findings in words: how many payments break a funding rule and by how much, per rule.
import { html } from "htl";
import * as d3 from "d3";
import type { Breach } from "../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtWan } from "./format.js";

/** "共发现 N 处违规,超出上限合计 X" and a list of rules with their count and excess, in the report's rule order. */
export function breachSummary(breaches: Breach[]): HTMLElement {
  if (breaches.length === 0) return html`<p>未发现违反资金使用规则的拨付。</p>`;
  // rollups keeps first-seen order, which is the plan's rule order (the report sorts breaches so).
  const byRule = d3.rollups(breaches, (v) => ({ n: v.length, excess: d3.sum(v, (b) => b.excess_wan) }), (b) => b.rule_label);
  return html`<div>
    <p>共发现 <strong>${fmtCount(breaches.length)} 处</strong>违反资金使用规则的拨付,超出上限合计 <strong>${fmtWan(d3.sum(breaches, (b) => b.excess_wan))}</strong>,涉及 ${byRule.length} 条规则:</p>
    <ul>${byRule.map(([label, { n, excess }]) => html`<li>${label}:${fmtCount(n)} 处,超出 ${fmtWan(excess)}</li>`)}</ul>
  </div>`;
}
