// 集中采购 is capped per district (plan 四(二)3), not in total: each district's 中央、市级 spend
// (counted_wan) against that cap; 区级 and other levels are written beside, never counted.
import * as Plot from "@observablehq/plot";
import type { FundsByDistrictRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtWan } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

/** Bars of one direction's spend per district with the per-district cap drawn as a red line; over-cap bars say so. */
export function procurementCapChart(rows: FundsByDistrictRow[], { width, capWan }: { width: number; capWan: number }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const sorted = [...rows].sort((a, b) => b.counted_wan - a.counted_wan);
  const over = (r: FundsByDistrictRow) => r.counted_wan > capWan;
  const beside = (r: FundsByDistrictRow) => r.amount_wan - r.counted_wan;
  const label = (r: FundsByDistrictRow) => `${fmtWan(r.counted_wan)}${over(r) ? " 超出上限" : ""}${beside(r) > 0 ? `(另区级等${fmtWan(beside(r))})` : ""}`;
  const max = Math.max(capWan, ...rows.map((r) => r.counted_wan));
  return chartAria(Plot.plot({
    width,
    height: 40 + sorted.length * 26,
    marginLeft: 56,
    marginRight: 12,
    style: { fontSize: "12px" },
    ariaLabel: `集中采购各区拨付金额,每区上限${fmtWan(capWan)}`,
    ariaDescription: sorted.map((r) => `${r.district}${label(r)}`).join(";"),
    // Room on the right for the longest label.
    x: { label: null, grid: true, tickFormat: (v: number) => fmtWan(v), domain: [0, max], insetRight: 96, ticks: Math.max(2, Math.floor(width / 120)) },
    y: { domain: sorted.map((r) => r.district), label: null, tickSize: 0 },
    color: { domain: [false, true], range: ["#3b6a9a", "#c62828"] },
    marks: [
      Plot.barX(sorted, { y: "district", x: "counted_wan", fill: over, insetTop: 3, insetBottom: 3 }),
      Plot.text(sorted, { y: "district", x: "counted_wan", text: label, textAnchor: "start", dx: 4, fill: "currentColor" }),
      Plot.ruleX([capWan], { stroke: "#c62828", strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.text([capWan], { x: (d: number) => d, frameAnchor: "top", text: (d: number) => `上限${fmtWan(d)}`, dy: -12, fill: "#c62828" }),
      Plot.ruleX([0]),
    ],
  }));
}
