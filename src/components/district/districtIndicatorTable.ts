// The other plan targets a district contributes to (workshops, factories, scenarios…): count, rank, share.
import { html } from "htl";
import { fmtCount, fmtPct } from "../shared/format.js";
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type TargetName = PageData<"districts">["targets"][number];

/** A row per target in `targets` order that the district has a row for, skipping `exclude`. */
export function districtIndicatorTable(rows: DistrictRow[], targets: TargetName[], { exclude = [] as string[] } = {}): HTMLElement {
  const shown = targets.filter((t) => !exclude.includes(t.key)).flatMap((t) => {
    const r = rows.find((x) => x.key === t.key);
    return r ? [{ t, r }] : [];
  });
  if (shown.length === 0) return html`<p class="empty-note">暂无其他指标数据。</p>`;
  const num = "text-align:right;white-space:nowrap";
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="其他指标表"><table>
    <thead><tr><th scope="col">指标</th><th scope="col" style=${num}>本区</th><th scope="col" style=${num}>全市排名</th><th scope="col" style=${num}>占全市</th></tr></thead>
    <tbody>${shown.map(({ t, r }) => html`<tr><td style="white-space:nowrap">${t.short}</td><td style=${num}>${fmtCount(r.actual)}${t.unit}</td><td style=${num}>第${r.rank}</td><td style=${num}>${fmtPct(r.share)}</td></tr>`)}</tbody>
  </table></div>`;
}
