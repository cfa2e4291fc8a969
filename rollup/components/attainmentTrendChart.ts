// One measure's attainment over time, one line per city, on each city's own clock.
import * as Plot from "@observablehq/plot";
import type { TrendLine } from "../../loaders/rollup/pages.ts";
import { pct } from "./bandColor.js";

interface Point {
  city: string;
  day: string;
  date: Date;
  attainment: number;
}

export function attainmentTrendChart(lines: TrendLine[], { width, label }: { width: number; label: string }): SVGSVGElement | HTMLElement {
  const data: Point[] = lines.flatMap((l) => l.dates.map((d, i) => ({ city: l.city, day: d, date: new Date(`${d}T00:00:00`), attainment: l.values[i]! })));
  return Plot.plot({
    width: Math.max(width, 360),
    height: 320,
    marginLeft: 56,
    ariaLabel: `${label}各城市时间进度达成率走势`,
    // Chinese month labels (Plot's default time format is English).
    x: { label: null, ticks: Math.max(2, Math.floor(width / 110)), tickFormat: (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月` },
    y: { label: "时间进度达成率", tickFormat: (x: number) => pct(x), grid: true },
    marks: [
      Plot.ruleY([1], { stroke: "currentColor", strokeDasharray: "4 3" }),
      Plot.line(data, { x: "date", y: "attainment", z: "city", stroke: "#4269d0", strokeOpacity: 0.35 }),
      Plot.tip(data, Plot.pointer({ x: "date", y: "attainment", title: (p: Point) => `${p.city} ${p.day}:${pct(p.attainment)}` })),
    ],
  });
}
