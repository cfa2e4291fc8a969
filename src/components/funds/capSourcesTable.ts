// Whose money each cap counts (plan 四, in the plan's words) and how much money sits beside the caps:
// 区级配套 (六(二)) and levels the plan does not name for the direction. Amounts in 万元 / 亿元.
import { html } from "htl";
import type { DirectionRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtWan } from "../shared/format.js";
import type { PageData } from "../../../loaders/outputs/pages.ts";

/** The plan's words for a direction (the funds page's `directions`). */
type DirectionFacts = PageData<"funds">["directions"][number];

/** One row per direction: section, levels counted, the cap in the plan's words, counted money, 区级配套, other levels. */
export function capSourcesTable(directions: DirectionFacts[], rows: DirectionRow[]): HTMLElement {
  const facts = new Map<string, DirectionFacts>(directions.map((d) => [d.key, d]));
  const district = (r: DirectionRow) => r.by_source.find((s) => s.source === "区级")?.amount_wan ?? 0;
  // Short cells never wrap (a sum split as "2.27亿/元" misreads); the plan's wording takes the rest.
  const nw = "white-space:nowrap";
  const num = "white-space:nowrap;text-align:right";
  return html`<div class="table-scroll"><table style="max-width:none">
    <thead><tr><th scope="col" style=${nw}>资金方向</th><th scope="col" style=${nw}>方案条款</th><th scope="col">上限计入的资金</th><th scope="col">方案上限</th><th scope="col" style=${num}>计入上限</th><th scope="col" style=${num}>区级配套<br>(不计入)</th><th scope="col" style=${num}>其他未列明级别<br>(不计入)</th></tr></thead>
    <tbody>${rows.map((r) => {
      const f = facts.get(r.key);
      const other = Math.max(0, Math.round((r.other_levels_wan - district(r)) * 10000) / 10000);
      return html`<tr><td style=${nw}>${r.direction}</td><td style=${nw}>${f?.cite ?? ""}</td><td>${f?.sources_words ?? ""}</td><td style="font-size:12px">${f?.cap_words ?? ""}</td>
        <td style=${num}>${fmtWan(r.counted_wan)}</td><td style=${num}>${fmtWan(district(r))}</td><td style=${num}>${fmtWan(other)}</td></tr>`;
    })}</tbody>
  </table></div>`;
}
