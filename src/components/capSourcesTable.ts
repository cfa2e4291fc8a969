// Whose money each cap counts (plan 四, in the plan's words) and how much money sits beside the caps:
// 区级配套 (六(二)) and levels the plan does not name for the direction. Amounts in 万元 / 亿元.
import { html } from "htl";
import type { DirectionRow } from "../../loaders/kpi/reportTypes.ts";
import { fmtWan } from "./format.js";

interface DirectionFacts {
  key: string;
  cite: string;
  sources_words: string;
  cap_words: string;
}

/** One row per direction: section, levels counted, the cap in the plan's words, counted money, 区级配套, other levels. */
export function capSourcesTable(directions: DirectionFacts[], rows: DirectionRow[]): HTMLElement {
  const facts = new Map(directions.map((d) => [d.key, d]));
  const district = (r: DirectionRow) => r.by_source.find((s) => s.source === "区级")?.amount_wan ?? 0;
  return html`<div style="overflow-x:auto"><table>
    <thead><tr><th>资金方向</th><th>方案条款</th><th>上限计入的资金</th><th>方案上限</th><th style="text-align:right">计入上限</th><th style="text-align:right">区级配套(不计入)</th><th style="text-align:right">其他未列明级别(不计入)</th></tr></thead>
    <tbody>${rows.map((r) => {
      const f = facts.get(r.key);
      const other = Math.max(0, Math.round((r.other_levels_wan - district(r)) * 10000) / 10000);
      return html`<tr><td>${r.direction}</td><td>${f?.cite ?? ""}</td><td>${f?.sources_words ?? ""}</td><td style="font-size:12px">${f?.cap_words ?? ""}</td>
        <td style="text-align:right">${fmtWan(r.counted_wan)}</td><td style="text-align:right">${fmtWan(district(r))}</td><td style="text-align:right">${fmtWan(other)}</td></tr>`;
    })}</tbody>
  </table></div>`;
}
