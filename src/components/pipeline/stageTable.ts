// The funnel as numbers: count, conversion and median days per stage (a table also reads aloud well).
import { html } from "htl";
import type { PipelineStage } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtPct } from "../shared/format.js";

/** One row per stage: enterprises, conversion from the stage before, median days since the stage before. */
export function stageTable(stages: PipelineStage[]): HTMLElement {
  // Short cells that never wrap: the table fits a phone's width as it is.
  const right = "text-align:right; white-space:nowrap";
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="各阶段企业数、转化率与用时表"><table>
    <thead><tr><th>阶段</th><th style=${right}>企业数</th><th style=${right}>转化率</th><th style=${right}>中位用时</th></tr></thead>
    <tbody>${stages.map(
      (s) => html`<tr><td style="white-space:nowrap">${s.name}</td><td style=${right}>${fmtCount(s.enterprises)}家</td>
        <td style=${right}>${fmtPct(s.conversion)}</td>
        <td style=${right}>${s.median_days == null ? "—" : `${fmtCount(Math.round(s.median_days))}天`}</td></tr>`,
    )}</tbody></table></div>`;
}
