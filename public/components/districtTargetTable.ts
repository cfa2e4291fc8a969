// Each district's count beside its own target (分区目标), when the exports carry one.
import {html} from "htl";
import {fmtCount, fmtPct} from "./format.js";

/** The rows of the district table that this component reads. */
export interface DistrictTargets {
  rows: {key: string; label: string}[];
  row_totals: (number | string | null)[];
  row_targets: (number | null)[];
  row_pct: (number | null)[];
}

/** District, count, target, share attained; a withheld count's share is not published either. */
export function districtTargetTable(t: DistrictTargets): HTMLElement {
  return html`<div class="table-scroll"><table>
    <thead><tr><th scope="col">区</th><th scope="col" class="num">企业数</th><th scope="col" class="num">分区目标</th><th scope="col" class="num">完成率</th></tr></thead>
    <tbody>${t.rows.map((r, i) => html`<tr><th scope="row">${r.label}</th><td class="num">${fmtCount(t.row_totals[i])}</td><td class="num">${t.row_targets[i] == null ? "未设" : fmtCount(t.row_targets[i])}</td><td class="num">${t.row_targets[i] == null ? "" : t.row_pct[i] == null ? "不公布" : fmtPct(t.row_pct[i])}</td></tr>`)}</tbody>
  </table></div>`;
}
