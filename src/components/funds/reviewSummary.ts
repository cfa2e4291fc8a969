// The review items (待核实) in words: how many payments a person must look at, per reason. Not breaches.
import { html } from "htl";
import * as d3 from "d3";
import type { ReviewItem } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtWan } from "../shared/format.js";

/** "待核实 N 笔,金额合计 X" and a list of reasons with their count and amount, in the report's rule order. */
export function reviewSummary(items: ReviewItem[]): HTMLElement {
  if (items.length === 0) return html`<p>没有待核实的拨付。</p>`;
  const byRule = d3.rollups(items, (v) => ({ n: v.length, amount: d3.sum(v, (i) => i.amount_wan), cite: v[0]!.rule_cite }), (i) => i.rule_label);
  return html`<div>
    <p>待核实 <strong>${fmtCount(items.length)} 项</strong>,涉及金额 <strong>${fmtWan(d3.sum(items, (i) => i.amount_wan))}</strong>。这些不是超限:方案未给出可据以判断的数字,需人工核实。</p>
    <ul>${byRule.map(([label, { n, amount, cite }]) => html`<li>${label}(方案${cite}):${fmtCount(n)} 项,${fmtWan(amount)}</li>`)}</ul>
  </div>`;
}
