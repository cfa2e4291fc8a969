// Districts ranked by one target, each against its own district target when the plan data gives one.
import * as Plot from "@observablehq/plot";
import { chartAria } from "./chartAria.js";
import { fmtCount, fmtPct } from "./format.js";
import type { DistrictRow } from "../../../loaders/kpi/reportTypes.ts";

/** Horizontal bars by rank; a tick at the district target; orange bars are below the pro-rated share `elapsed` (labelled ↓). */
export function districtRankChart(rows: DistrictRow[], { width, elapsed, unit = "家" }: { width: number; elapsed: number; unit?: string }): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const behind = (d: DistrictRow) => d.pct != null && d.pct < elapsed;
  const label = (d: DistrictRow) => (d.target == null ? `${fmtCount(d.actual)}${unit}` : `${fmtCount(d.actual)}/${fmtCount(d.target)} ${fmtPct(d.pct, 0)}${behind(d) ? "↓" : ""}`);
  return chartAria(Plot.plot({
    width,
    height: sorted.length * 24 + 10,
    marginLeft: 52,
    marginRight: 92,
    marginTop: 4,
    marginBottom: 4,
    ariaLabel: "各区排名条形图",
    ariaDescription: sorted.map((d) => `第${d.rank}名${d.district}${label(d)}`).join(";"),
    x: { axis: null, domain: [0, Math.max(1, ...sorted.map((d) => Math.max(d.actual, d.target ?? 0)))] },
    y: { domain: sorted.map((d) => d.district), label: null, tickSize: 0 },
    marks: [
      Plot.barX(sorted, { y: "district", x: "actual", fill: (d: DistrictRow) => (behind(d) ? "#e8863a" : "#4e79a7"), insetTop: 3, insetBottom: 3 }),
      Plot.tickX(sorted.filter((d) => d.target != null), { y: "district", x: "target", stroke: "#222", strokeWidth: 2 }),
      Plot.text(sorted, { y: "district", x: (d: DistrictRow) => Math.max(d.actual, d.target ?? 0), text: label, textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
