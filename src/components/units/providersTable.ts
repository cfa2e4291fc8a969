// Providers (服务商) grouped under the leading unit they work with, with their products and names.
// At national scale there are over a thousand rows: the first TABLE_ROW_LIMIT are drawn and the
// rest on request (shared/boundedRows.ts, as the weekly review's tables); the download below the
// table on the page holds every row.
import { html } from "htl";
import type { ProvidersOfUnit } from "../../../loaders/kpi/reportTypes.ts";
import { boundedRows, TABLE_ROW_LIMIT } from "../shared/boundedRows.js";
import { fmtCount } from "../shared/format.js";

/** One row per leading unit (and one for providers of none): counts, and the provider names under the unit's name. */
export function providersTable(rows: ProvidersOfUnit[], limit = TABLE_ROW_LIMIT): HTMLElement {
  // Three columns, names stacked in the first: it fits a phone without scrolling sideways.
  const nowrap = "text-align:right; white-space:nowrap; vertical-align:top";
  const row = (r: ProvidersOfUnit) => html`<tr>
        <td><div>${r.unit ?? "无所属牵引单位"}</div><div class="muted" style="font-size: 12px">${r.provider_names.length ? r.provider_names.join("、") : "暂无服务商"}</div></td>
        <td style=${nowrap}>${fmtCount(r.providers)}家</td><td style=${nowrap}>${fmtCount(r.products)}个</td></tr>`;
  const { tbody, more } = boundedRows(rows, row, limit);
  return html`<div><div class="table-scroll" tabindex="0" role="region" aria-label="各牵引单位的服务商表"><table style="max-width: none">
    <thead><tr><th>牵引单位及其服务商</th><th style=${nowrap}>服务商</th><th style=${nowrap}>产品</th></tr></thead>
    ${tbody}</table></div>${more}</div>`;
}
