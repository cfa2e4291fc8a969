// One plan target as a card: the count against the target, and how it stands against the expected pace.
import { html } from "htl";
import { fmtCount, fmtPct, statusColor, statusTargetText } from "./format.js";

/** The shape of one public target row (loaders/public/publicKpis.ts). */
export interface PublicKpi {
  key: string;
  label: string;
  short: string;
  unit: string;
  kind: "count" | "status";
  target: number;
  /** null: a status target with no record (无数据). */
  actual: number | string | null;
  pct: number | null;
  expected: number;
  status: string | null;
  forecast: number | null;
}

/** A card for one target; a withheld count shows its sign and no derived number. */
export function kpiCard(k: PublicKpi): HTMLElement {
  if (k.kind === "status") {
    return html`<div class="card kpi-card">
      <h2>${k.short}</h2>
      <p class="big">${statusTargetText(k.actual, k.target)}</p>
      <p class="of">${k.label}</p>
    </div>`;
  }
  const shown = typeof k.actual === "number";
  return html`<div class="card kpi-card">
    <h2>${k.short}</h2>
    <p><span class="big">${fmtCount(k.actual)}</span> <span class="of">/ 目标 ${fmtCount(k.target)}${k.unit}</span></p>
    ${shown
      ? html`<p>完成 ${fmtPct(k.pct)} · 按进度应达 ${fmtCount(Math.round(k.expected))}${k.unit}</p>
        <p>进度状态:<span class="status" style=${{color: statusColor(k.status ?? "")}}>${k.status}</span></p>
        <p class="of">按近期速度,年底预计 ${k.forecast == null ? "—" : `${fmtCount(Math.round(k.forecast))}${k.unit}`}</p>`
      : html`<p class="of">数量较小,不公布完成率等推算数字。</p>`}
  </div>`;
}
