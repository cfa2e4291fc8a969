// The plan's industries side by side: the headline count (data/plan.json headline[0]) with its rank,
// share and part in the plan's focus areas, the diagnosis count (headline[1]) when the plan has one.
import { html } from "htl";
import { fmtCount, fmtPct } from "../shared/format.js";
import type { IndustryRow } from "../../../loaders/kpi/reportTypes.ts";
import type { HeadlineTarget, PageData } from "../../../loaders/outputs/pages.ts";

type Industry = PageData<"industries">["industries"][number];
type District = PageData<"industries">["districts"][number];

/** A table sorted by the headline count's rank, with the areas the plan names for each industry; `area` is the plan's word for them. */
export function industryTable(
  industries: Industry[],
  rows: IndustryRow[],
  districts: District[],
  { headline, area }: { headline: readonly HeadlineTarget[]; area: string },
): HTMLElement {
  const [main, second] = headline;
  const get = (key: string | undefined, ind: string) => rows.find((r) => r.key === key && r.industry_key === ind);
  const order = [...industries].sort((a, b) => (get(main?.key, a.key)?.rank ?? 99) - (get(main?.key, b.key)?.rank ?? 99));
  const short = (code: string) => districts.find((d) => d.code === code)?.short ?? code;
  const cell = "padding:4px 8px;white-space:nowrap;vertical-align:top";
  const num = `${cell};text-align:right`;
  // A rule before each target's group of columns, so the groups read apart.
  const first = `${num};border-left:1px solid var(--theme-foreground-faint)`;
  const group = `${cell};text-align:center;border-left:1px solid var(--theme-foreground-faint)`;
  const wrap = "padding:4px 8px;min-width:9em;vertical-align:top;border-left:1px solid var(--theme-foreground-faint)";
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="行业对比表"><table style="width:auto;max-width:none">
    <thead>
      <tr><th rowspan="2" scope="col" style=${cell}>行业</th>${main ? html`<th colspan="4" scope="colgroup" style=${group}>${main.short}(${main.unit})</th>` : ""}${second ? html`<th colspan="2" scope="colgroup" style=${group}>${second.short}(${second.unit})</th>` : ""}<th rowspan="2" scope="col" style=${group}>${`方案重点${area}`}</th></tr>
      <tr>${main ? [html`<th scope="col" style=${first}>完成</th>`, html`<th scope="col" style=${num}>排名</th>`, html`<th scope="col" style=${num}>占比</th>`, html`<th scope="col" style=${num}>${`其中重点${area}`}</th>`] : ""}
        ${second ? [html`<th scope="col" style=${first}>完成</th>`, html`<th scope="col" style=${num}>占比</th>`] : ""}</tr>
    </thead>
    <tbody>${order.map((i) => {
      const t = get(main?.key, i.key);
      const d = get(second?.key, i.key);
      return html`<tr><th scope="row" style="padding:4px 8px;min-width:9em;vertical-align:top">${i.name}</th>
        ${main ? [html`<td style=${first}>${fmtCount(t?.actual)}</td>`, html`<td style=${num}>${t ? `第${t.rank}` : "—"}</td>`, html`<td style=${num}>${fmtPct(t?.share)}</td>`, html`<td style=${num}>${fmtCount(t?.focus_actual)}</td>`] : ""}
        ${second ? [html`<td style=${first}>${fmtCount(d?.actual)}</td>`, html`<td style=${num}>${fmtPct(d?.share)}</td>`] : ""}
        <td style=${wrap}>${i.focus_districts.map(short).join("、")}</td></tr>`;
    })}</tbody>
  </table></div>`;
}
