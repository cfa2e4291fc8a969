// One sentence of where the money stands: total paid so far and the largest direction.
import { html } from "htl";
import * as d3 from "d3";
import type { DirectionRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtPct, fmtWan, zhDate } from "../shared/format.js";

/** "截至…累计拨付 X(N 笔),其中 改造补助 占 Y%。" */
export function fundsSummary(directions: DirectionRow[], { asOf }: { asOf: string }): HTMLElement {
  const total = d3.sum(directions, (d) => d.amount_wan);
  const top = d3.greatest(directions, (d) => d.amount_wan);
  return html`<p>截至${zhDate(asOf)},各方向累计拨付 <strong>${fmtWan(total)}</strong>(${fmtCount(d3.sum(directions, (d) => d.payments))} 笔)${
    top && total > 0 ? html`,其中${top.direction}${fmtWan(top.amount_wan)},占${fmtPct(top.amount_wan / total)}` : ""
  }。</p>`;
}
