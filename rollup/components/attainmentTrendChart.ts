// One measure's attainment over time, one line per city, on each city's own clock.
import * as Plot from "@observablehq/plot";
import type { TrendsData } from "../../loaders/rollup/pages.ts";
import { pct } from "./bandColor.js";

type Point = TrendsData["series"][number];

export function attainmentTrendChart(points: Point[], { width, label }: { width: number; label: string }): SVGSVGElement | HTMLElement {
  const data = points.filter((p) => p.attainment != null).map((p) => ({ ...p, date: new Date(`${p.date}T00:00:00`) }));
  return Plot.plot({
    width: Math.max(width, 360),
    height: 320,
    ariaLabel: `${label}各城市时间进度达成率走势`,
    x: { label: null },
    y: { label: "时间进度达成率", tickFormat: (x: number) => pct(x), grid: true },
    marks: [
      Plot.ruleY([1], { stroke: "currentColor", strokeDasharray: "4 3" }),
      Plot.line(data, { x: "date", y: "attainment", z: "city", stroke: "#4269d0", strokeOpacity: 0.35 }),
      Plot.tip(data, Plot.pointer({ x: "date", y: "attainment", title: (p: Point) => `${p.city} ${p.date}:${pct(p.attainment)}` })),
    ],
  });
}
