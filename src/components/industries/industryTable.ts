// The six pilot industries side by side: transformed and diagnosed, share, the part in the plan's focus districts.
import { html } from "htl";
import { fmtCount, fmtPct } from "../shared/format.js";
import type { IndustryRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type Industry = PageData<"industries">["industries"][number];
type District = PageData<"industries">["districts"][number];

/** A table sorted by the transformed rank, with the districts the plan names for each industry. */
export function industryTable(industries: Industry[], rows: IndustryRow[], districts: District[]): HTMLElement {
  const get = (key: string, ind: string) => rows.find((r) => r.key === key && r.industry_key === ind);
  const order = [...industries].sort((a, b) => (get("enterprises_transformed", a.key)?.rank ?? 99) - (get("enterprises_transformed", b.key)?.rank ?? 99));
  const short = (code: string) => districts.find((d) => d.code === code)?.short ?? code;
  const cell = "padding:4px 8px;white-space:nowrap;vertical-align:top";
  const num = `${cell};text-align:right`;
  // A rule before each target's group of columns, so the groups read apart.
  const first = `${num};border-left:1px solid var(--theme-foreground-faint)`;
  const group = `${cell};text-align:center;border-left:1px solid var(--theme-foreground-faint)`;
  const wrap = "padding:4px 8px;min-width:9em;vertical-align:top;border-left:1px solid var(--theme-foreground-faint)";
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="行业对比表"><table style="width:auto;max-width:none">
    <thead>
      <tr><th rowspan="2" scope="col" style=${cell}>行业</th><th colspan="4" scope="colgroup" style=${group}>改造达二级(家)</th><th colspan="2" scope="colgroup" style=${group}>诊断评测(家)</th><th rowspan="2" scope="col" style=${group}>方案重点区</th></tr>
      <tr><th scope="col" style=${first}>完成</th><th scope="col" style=${num}>排名</th><th scope="col" style=${num}>占比</th><th scope="col" style=${num}>其中重点区</th>
        <th scope="col" style=${first}>完成</th><th scope="col" style=${num}>占比</th></tr>
    </thead>
    <tbody>${order.map((i) => {
      const t = get("enterprises_transformed", i.key);
      const d = get("diagnosed", i.key);
      return html`<tr><th scope="row" style="padding:4px 8px;min-width:9em;vertical-align:top">${i.name}</th>
        <td style=${first}>${fmtCount(t?.actual)}</td><td style=${num}>${t ? `第${t.rank}` : "—"}</td><td style=${num}>${fmtPct(t?.share)}</td><td style=${num}>${fmtCount(t?.focus_actual)}</td>
        <td style=${first}>${fmtCount(d?.actual)}</td><td style=${num}>${fmtPct(d?.share)}</td>
        <td style=${wrap}>${i.focus_districts.map(short).join("、")}</td></tr>`;
    })}</tbody>
  </table></div>`;
}
