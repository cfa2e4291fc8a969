// The plan's caps per fund direction beside the amount disbursed, where the plan sets a cap.
import {html} from "htl";
import {fmtPct, fmtWan} from "./format.js";

/** What this table reads from the funds data file. */
export interface CapData {
  rows: {key: string; label: string}[];
  row_totals: (number | string | null)[];
  caps: {total_cap_wan: number | null; per_district_cap_wan: number | null; pct_of_cap: number | null}[];
}

/** One row per direction with a total or per-district cap: cap, disbursed, share of the cap. */
export function capTable(f: CapData, directions: {key: string; cite: string}[]): HTMLElement {
  const cite = new Map(directions.map((d) => [d.key, d.cite]));
  const rows = f.rows.map((r, i) => ({r, total: f.row_totals[i] ?? null, cap: f.caps[i]!})).filter((x) => x.cap.total_cap_wan != null || x.cap.per_district_cap_wan != null);
  return html`<div class="table-scroll"><table>
    <thead><tr><th scope="col">方向</th><th scope="col" class="num">上限</th><th scope="col" class="num">已拨付</th><th scope="col" class="num">占上限</th><th scope="col">依据</th></tr></thead>
    <tbody>${rows.map(({r, total, cap}) => html`<tr>
      <th scope="row">${r.label}</th>
      <td class="num">${cap.total_cap_wan != null ? fmtWan(cap.total_cap_wan) : `每区 ${fmtWan(cap.per_district_cap_wan)}`}</td>
      <td class="num">${fmtWan(total)}</td>
      <td class="num">${cap.total_cap_wan != null ? fmtPct(cap.pct_of_cap) : "按区核算"}</td>
      <td>${cite.get(r.key) ?? ""}</td>
    </tr>`)}</tbody>
  </table></div>`;
}
