// The supply-side and demonstration targets of plan 二 as cards: actual against target, with status in words.
import { html } from "htl";
import type { KpiRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtPct, statusColor, statusTargetText } from "../shared/format.js";

/** One card: actual / target, % attained, status word (coloured, never colour alone), expected by now and forecast. */
function card(k: KpiRow): HTMLElement {
  const status = html`<strong style=${{ color: statusColor(k.status) }}>${k.status}</strong>`;
  if (k.kind === "status") {
    return html`<div class="card">
      <h2>${k.short}</h2>
      <p class="big">${statusTargetText(k.actual, k.target)}</p>
      <p>${status}${k.actual == null ? "(台账中尚无平台上线记录)" : ""}</p>
    </div>`;
  }
  return html`<div class="card">
    <h2>${k.short}</h2>
    <p class="big">${fmtCount(k.actual)}<span class="muted"> / ${k.target == null ? "方案未给出数值" : `${fmtCount(k.target)} ${k.unit}`}</span></p>
    <p>${status} · 完成 ${fmtPct(k.pct)}</p>
    <p class="muted">${k.expected == null ? "不判断进度" : `按进度应达 ${fmtCount(Math.round(k.expected))} ${k.unit}`}${k.forecast == null ? "" : `;预计年底 ${fmtCount(Math.round(k.forecast))} ${k.unit}`}</p>
  </div>`;
}

/** A grid of cards, in the plan's order; the grid collapses to one column on phones. */
export function supplyCards(kpis: KpiRow[]): HTMLElement {
  return html`<div class="grid grid-cols-3" style="grid-auto-rows: auto;">${[...kpis].sort((a, b) => a.ord - b.ord).map(card)}</div>`;
}
