// New events of the period as a matrix: one row per district (or industry), one column per kind of event.
import { html } from "htl";
import type { EventCount } from "../../../loaders/weekly/types.ts";
import { fmtCount } from "../shared/format.js";

/** Districts (or industries) × the kinds of event that happened; a dash where none did. Kinds with no event anywhere are left out. */
export function weeklyEventMatrix(rows: EventCount[], { rowLabel }: { rowLabel: string }): HTMLElement {
  const kinds = [...new Map(rows.filter((r) => r.events > 0).map((r) => [r.key, r.label])).entries()];
  // 未注明 (no district / industry) goes last.
  const names = [...new Map([...rows].sort((a, b) => (a.ord ?? 1e9) - (b.ord ?? 1e9)).map((r) => [r.code ?? "", r.name])).entries()];
  if (kinds.length === 0) return html`<p class="empty-note">本期无新增。</p>`;
  const cell = (code: string, key: string) => rows.find((r) => (r.code ?? "") === code && r.key === key)?.events ?? 0;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${`各${rowLabel}新增事件表`}><table style="max-width:none">
    <thead><tr><th scope="col">${rowLabel}</th>${kinds.map(([, label]) => html`<th scope="col" style="text-align:right;min-width:4em">${label}</th>`)}</tr></thead>
    <tbody>${names.map(([code, name]) => html`<tr><th scope="row" style="font-weight:400;white-space:nowrap">${name}</th>${kinds.map(([key]) => {
      const n = cell(code, key);
      return html`<td style="text-align:right">${n === 0 ? "—" : fmtCount(n)}</td>`;
    })}</tr>`)}</tbody>
  </table></div>`;
}
