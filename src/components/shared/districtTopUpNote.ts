// One sentence naming the 区级配套 (plan 六(二)) paid in each district: money beside the plan's caps, never in them.
import { html } from "htl";
import * as d3 from "d3";
import type { FundsByDistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtWan } from "./format.js";

/** "其中区级配套(不计入方案上限):白云区X、…" over the rows given (one district's, or all). */
export function districtTopUpNote(rows: FundsByDistrictRow[]): HTMLElement {
  const byDistrict = d3.rollups(rows.filter((r) => r.district_level_wan > 0), (v) => d3.sum(v, (r) => r.district_level_wan), (r) => r.district);
  if (byDistrict.length === 0) return html`<p style="font-size:13px">无区级配套资金。</p>`;
  return html`<p style="font-size:13px">其中区级配套(方案六(二),不计入方案上限):${byDistrict.map(([name, v]) => `${name}${fmtWan(v)}`).join("、")}。</p>`;
}
