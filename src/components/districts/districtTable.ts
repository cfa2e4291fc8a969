// The plan's districts side by side: the headline enterprise counts (data/plan.json headline) with ranks, district targets and shares.
import { html } from "htl";
import { fmtCount, fmtPct } from "../shared/format.js";
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import type { HeadlineTarget, PageData } from "../../../loaders/outputs/pages.ts";

type District = PageData<"districts">["districts"][number];

// Below a district's pro-rated share is not the plan's 预警 status: its own dark orange (5.4:1 on a card).
const belowPace = "color:#9e4f00";

const cell = "padding:4px 8px;white-space:nowrap;vertical-align:top";
const num = `${cell};text-align:right`;
// A rule before each target's group of columns, so the two groups read apart.
const first = `${num};border-left:1px solid var(--theme-foreground-faint)`;

/**
 * A table sorted by the headline count's rank; district names link to their pages; target columns
 * only when targets exist; "below pace" only when the plan gives a pace (`elapsed` not null).
 * `area` is the plan's word for its areas (区, 县 …).
 */
export function districtTable(
  districts: District[],
  rows: DistrictRow[],
  { elapsed, headline, area, linked = () => true }: { elapsed: number | null; headline: readonly HeadlineTarget[]; area: string; linked?: (d: District) => boolean },
): HTMLElement {
  const get = (key: string | undefined, code: string) => rows.find((r) => r.key === key && r.district_code === code);
  const shown = headline.filter((t) => rows.some((r) => r.key === t.key));
  const keys = shown.map((t) => t.key);
  const hasTargets = rows.some((r) => keys.includes(r.key) && r.target != null);
  const order = [...districts].sort((a, b) => (get(keys[0], a.code)?.rank ?? 99) - (get(keys[0], b.code)?.rank ?? 99));
  // htl wraps a multi-node template in a <span>, which breaks a table row: build cells as arrays of single nodes.
  const cells = (r: DistrictRow | undefined) => [
    html`<td style=${first}>${fmtCount(r?.actual)}</td>`,
    html`<td style=${num}>${r ? `第${r.rank}` : "—"}</td>`,
    ...(hasTargets
      ? [
          html`<td style=${num}>${fmtCount(r?.target)}</td>`,
          html`<td style=${num}>${fmtPct(r?.pct)}${r?.pct != null && elapsed != null && r.pct < elapsed ? html`<b style=${belowPace}> ↓低于进度</b>` : ""}</td>`,
        ]
      : []),
    html`<td style=${num}>${fmtPct(r?.share)}</td>`,
  ];
  const head = () => [
    html`<th scope="col" style=${first}>完成</th>`,
    html`<th scope="col" style=${num}>排名</th>`,
    ...(hasTargets ? [html`<th scope="col" style=${num}>${area}目标</th>`, html`<th scope="col" style=${num}>完成率</th>`] : []),
    html`<th scope="col" style=${num}>占全市</th>`,
  ];
  const span = hasTargets ? 5 : 3;
  const group = `${cell};text-align:center;border-left:1px solid var(--theme-foreground-faint)`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${`各${area}对比表`}><table style="width:auto;max-width:none">
    <thead>
      <tr><th rowspan="2" scope="col" style=${cell}>${area}</th>${shown.map((t) => html`<th colspan=${span} scope="colgroup" style=${group}>${t.short}(${t.unit})</th>`)}<th rowspan="2" scope="col" style=${group}>${`方案重点${area}`}</th></tr>
      <tr>${shown.flatMap(() => head())}</tr>
    </thead>
    <tbody>${order.map((d) => {
      const t = get(keys[0], d.code);
      return html`<tr><th scope="row" style=${cell}>${linked(d) ? html`<a href=${`./districts/${d.pinyin}`}>${d.name}</a>` : d.name}</th>${keys.flatMap((k) => cells(get(k, d.code)))}<td style=${`${cell};text-align:center;border-left:1px solid var(--theme-foreground-faint)`}>${t?.is_focus ? "是" : "否"}</td></tr>`;
    })}</tbody>
  </table></div>`;
}
