// Each city's mean attainment across its measures, highest first, with the 100% line.
import * as Plot from "@observablehq/plot";
import type { RankRow } from "../../loaders/rollup/types.ts";
import { pct } from "./bandColor.js";

export function rankChart(rows: RankRow[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const ranked = rows.filter((r) => r.mean_attainment != null);
  return Plot.plot({
    width: Math.max(width, 360),
    height: 40 + ranked.length * 14,
    marginLeft: 70,
    marginTop: 30,
    ariaLabel: "各城市平均时间进度达成率排名",
    // Axis above and below: 100 cities are taller than a screen.
    x: { label: "平均时间进度达成率", axis: "both", tickFormat: (x: number) => pct(x), grid: true },
    y: { label: null, domain: ranked.map((r) => r.city) },
    marks: [
      Plot.barX(ranked, { x: "mean_attainment", y: "city", fill: (r: RankRow) => (r.behind > 0 ? "#c62828" : "#1a7f37"), title: (r: RankRow) => `${r.city}:第 ${r.rank} 名,平均 ${pct(r.mean_attainment)},落后 ${r.behind} 项` }),
      Plot.ruleX([1], { stroke: "currentColor", strokeDasharray: "4 3" }),
    ],
  });
}
