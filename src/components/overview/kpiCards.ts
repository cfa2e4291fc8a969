// One card per plan target: the numbers a leader asks for, with the status as a word and a colour.
import { html } from "htl";
import { fmtCount, fmtPct, fmtTarget, fmtValue, statusColor, statusTargetText } from "../shared/format.js";
import type { KpiRow } from "../../../loaders/kpi/reportTypes.ts";

function card(k: KpiRow): HTMLElement {
  const color = statusColor(k.status);
  const badge = html`<span style="color:${color};font-weight:700;white-space:nowrap">● ${k.status}</span>`;
  // The platform is built or not: a count with "expected" and a weekly rate would mislead.
  if (k.kind === "status") {
    // data-actual reads "null" without a record, as the report JSON's value prints.
    return html`<div class="card" style="border-top:4px solid ${color}" title=${k.label} data-kpi=${k.key} data-actual=${String(k.actual)} data-target=${k.target}>
      <h2>${k.short} ${badge}</h2>
      <div class="big">${statusTargetText(k.actual, k.target)}</div>
      <p>目标:建成并运行 ${fmtCount(k.target)}${k.unit}${k.actual == null ? "(台账中尚无平台上线记录)" : ""}</p>
    </div>`;
  }
  // data-* attributes let the browser test compare what is shown with the report JSON.
  return html`<div class="card" style="border-top:4px solid ${color}" title=${k.label} data-kpi=${k.key} data-actual=${k.actual} data-target=${k.target}>
    <h2>${k.short} ${badge}</h2>
    <div class="big">${k.kind === "ratio" ? fmtPct(k.actual) : fmtCount(k.actual)}<span style="font-size:16px;font-weight:400"> / ${fmtTarget(k.target, k.kind, k.unit)}</span></div>
    ${k.target == null || k.expected == null
      ? html`<p style="margin:0.3em 0">${k.target == null ? "方案未给出目标数值,不判断进度" : "方案未给出进度起算日,不判断进度"}</p>`
      : html`<p style="margin:0.3em 0">完成 <b>${fmtPct(k.pct)}</b> · 按进度应达 ${fmtValue(k.expected, k.kind, k.unit, true)}</p>
    <p style="margin:0.3em 0">预计期末 ${fmtValue(k.forecast, k.kind, k.unit, true)}
      · ${(k.remaining ?? 0) > 0 && k.required_weekly != null ? `需每周 +${k.kind === "ratio" ? fmtPct(k.required_weekly, 2) : `${fmtCount(k.required_weekly)}${k.unit}`}` : "已达目标"}</p>`}
  </div>`;
}

/** The targets as a grid of cards (3 across on a desk, 1 on a phone), in plan order. */
export function kpiCards(kpis: KpiRow[]): HTMLElement {
  return html`<div class="grid grid-cols-3" style="grid-auto-rows:auto">${kpis.map(card)}</div>`;
}
