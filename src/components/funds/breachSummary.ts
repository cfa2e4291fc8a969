// The breaches (超限) in words: how many amounts go over a limit the plan's numbers set, and by how much, per rule.
import { html } from "htl";
import * as d3 from "d3";
import type { Breach } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtWan } from "../shared/format.js";

/** "超限 N 处,超出上限合计 X" and a list of rules with their count and excess, in the report's rule order. */
export function breachSummary(breaches: Breach[]): HTMLElement {
  if (breaches.length === 0) return html`<p>未发现超过方案上限的拨付。</p>`;
  // rollups keeps first-seen order, which is the plan's rule order (the report sorts breaches so).
  const byRule = d3.rollups(breaches, (v) => ({ n: v.length, excess: d3.sum(v, (b) => b.excess_wan), cite: v[0]!.rule_cite }), (b) => b.rule_label);
  const other = d3.sum(breaches, (b) => b.other_levels_wan);
  return html`<div>
    <p>超限 <strong>${fmtCount(breaches.length)} 处</strong>,超出上限合计 <strong>${fmtWan(d3.sum(breaches, (b) => b.excess_wan))}</strong>,涉及 ${byRule.length} 条规则:</p>
    <ul>${byRule.map(([label, { n, excess, cite }]) => html`<li>${label}(方案${cite}):${fmtCount(n)} 处,超出 ${fmtWan(excess)}</li>`)}</ul>
    ${other > 0 ? html`<p>这些对象另获区级配套等不计入上限的资金 ${fmtWan(other)},见表中“不计入上限”一列。</p>` : ""}
  </div>`;
}
