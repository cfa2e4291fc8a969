// One district's headline enterprise counts: actual vs the district target, rank among the plan's districts, share of the city.
import { html } from "htl";
import { fmtCount, fmtPct } from "../shared/format.js";
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type TargetName = PageData<"districts">["targets"][number];

// Below a district's pro-rated share is not the plan's 预警 status: its own dark orange (5.4:1 on a card).
const belowPace = "color:#9e4f00";

/**
 * Cards for `keys` (the headline enterprise counts, data/plan.json); "低于进度" when the district is
 * behind the pro-rated share `elapsed` (no pace verdict when the plan gives none: `elapsed` null).
 * `area` is the plan's word for its areas (区, 县 …).
 */
export function districtTargetCards(
  rows: DistrictRow[],
  targets: TargetName[],
  { elapsed, districtCount, keys, area }: { elapsed: number | null; districtCount: number; keys: string[]; area: string },
): HTMLElement {
  return html`<div class="grid grid-cols-2" style="grid-auto-rows:auto">${keys.map((key) => {
    const t = targets.find((x) => x.key === key);
    const r = rows.find((x) => x.key === key);
    if (!t || !r) return html`<div class="card"><h2>${t?.short ?? key}</h2><p class="empty-note">暂无数据。</p></div>`;
    const behind = r.pct != null && elapsed != null && r.pct < elapsed;
    return html`<div class="card">
      <h2>${t.short}</h2>
      <div class="big">${fmtCount(r.actual)}<span style="font-size:16px;font-weight:400">${r.target != null ? ` / ${fmtCount(r.target)}` : ""}${t.unit}</span></div>
      ${r.target != null
        ? elapsed == null
          ? html`<p style="margin:0.3em 0">完成${area}目标的 <b>${fmtPct(r.pct)}</b>(方案未给出起算日期,不按进度判定)</p>`
          : html`<p style="margin:0.3em 0">完成${area}目标的 <b>${fmtPct(r.pct)}</b>(按进度应达 ${fmtPct(elapsed)})
            ${behind ? html`<b style=${belowPace}>↓低于进度</b>` : html`<b>达到进度</b>`}</p>`
        : html`<p style="margin:0.3em 0">未设${area}目标</p>`}
      <p style="margin:0.3em 0">全市第 <b>${r.rank}</b> 名(共${districtCount}个${area}),占全市 ${fmtPct(r.share)}</p>
    </div>`;
  })}</div>`;
}
