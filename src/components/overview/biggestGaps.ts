// The targets furthest behind their pro-rated expectation, in words, worst first.
import { html } from "htl";
import { fmtCount, fmtPct, statusColor } from "../shared/format.js";
import type { KpiRow } from "../../../loaders/kpi/reportTypes.ts";

/**
 * The targets behind pace in the order the overview's data gives (`gapKeys`, decided by
 * loaders/kpi/gaps.ts): how many short of pace and of target.
 */
export function biggestGaps(kpis: KpiRow[], gapKeys: string[], { trailingWeeks }: { trailingWeeks: number }): HTMLElement {
  const byKey = new Map<string, KpiRow>(kpis.map((k) => [k.key, k]));
  const gaps = gapKeys.map((key) => byKey.get(key)!);
  if (gaps.length === 0) return html`<p>没有落后于进度的目标。</p>`;
  return html`<ol style="padding-left:1.4em;margin:0">${gaps.map(
    (k) => html`<li style="margin-bottom:0.4em"><b>${k.short}</b>
      <b style="color:${statusColor(k.status)}">【${k.status}】</b>
      ${fmtCount(k.actual)}/${fmtCount(k.target)}${k.unit},仅达进度要求的${fmtPct(k.pct_of_expected)},
      比进度少${fmtCount(Math.round((k.expected ?? 0) - (k.actual ?? 0)))}${k.unit},距目标差${fmtCount(k.remaining)}${k.unit}${
        k.required_weekly != null && k.trailing_rate_weekly != null
          ? `;近${trailingWeeks}周${k.trailing_rate_weekly === 0 ? "无新增" : `每周+${fmtCount(k.trailing_rate_weekly)}`},此后每周需+${fmtCount(k.required_weekly)}`
          : ""
      }${k.forecast != null ? `,照此到期末约${fmtCount(Math.round(k.forecast))}${k.unit}` : ""}。</li>`,
  )}</ol>`;
}
