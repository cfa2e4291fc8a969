// Cities × measures: each cell the city's band for that measure, on the city's own clock.
import * as Plot from "@observablehq/plot";
import type { OverviewData } from "../../loaders/rollup/pages.ts";
import { bandColors, bandOrder, pct } from "./bandColor.js";

type Cell = OverviewData["attainment"][number];

/** A cell per city and measure (measures named by their short label), coloured by band. */
export function attainmentHeatmap(rows: Cell[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const cities = [...new Set(rows.map((r) => r.city))];
  const label = new Map(rows.map((r) => [r.key, r.short]));
  return Plot.plot({
    width: Math.max(width, 360),
    height: 40 + cities.length * 16,
    marginLeft: 70,
    marginBottom: 70,
    marginTop: 70,
    ariaLabel: "各城市各项目标的时间进度达成情况",
    // Labels above and below: with 100 cities the chart is taller than a screen.
    x: { label: null, axis: "both", tickRotate: -40, tickFormat: (k: string) => label.get(k) ?? k },
    y: { label: null, domain: cities },
    color: { domain: bandOrder, range: bandColors, legend: true },
    marks: [
      Plot.cell(rows, { x: "key", y: "city", fill: "band", inset: 0.5, title: (r: Cell) => `${r.city} · ${r.short}\n${r.band}${r.attainment == null ? "" : `(按时间进度 ${pct(r.attainment)})`}` }),
    ],
  });
}
