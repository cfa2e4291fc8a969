// Tier awarded against the tier the supplied tier criteria give the results (drawn only when criteria
// exist: plan 四(二)2 sets none): cells above the diagonal are the units to look at.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { LeadingUnitRow } from "../../../loaders/kpi/reportTypes.ts";
import { chartAria } from "../shared/chartAria.js";

const NONE_AWARDED = "未评档";
const NONE_EARNED = "未达任何一档";

/** A cell per (awarded, earned) pair with the count of units; cells where the award is above the earned tier are red and say "偏高". */
export function tierMatrixChart(units: LeadingUnitRow[], { width, tiers }: { width: number; tiers: string[] }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  // `tiers` is highest first (一档, 二档, 三档), as in the plan.
  const awardedDomain = [...tiers, NONE_AWARDED];
  const earnedDomain = [...tiers, NONE_EARNED];
  const cells = d3
    .rollups(units, (v) => ({ n: v.length, above: v.some((u) => u.awarded_above_earned === true) }), (u) => u.tier_awarded ?? NONE_AWARDED, (u) => u.tier_earned ?? NONE_EARNED)
    .flatMap(([awarded, inner]) => inner.map(([earned, c]) => ({ awarded, earned, ...c })));
  type Cell = (typeof cells)[number];
  const size = Math.min(72, Math.floor((width - 80) / awardedDomain.length));
  return chartAria(Plot.plot({
    width: Math.min(width, 80 + size * awardedDomain.length + 10),
    height: 50 + size * earnedDomain.length,
    marginLeft: 80,
    marginTop: 44,
    style: { fontSize: "12px" },
    ariaLabel: "牵引单位评定档次与按标准应得档次对照",
    ariaDescription: cells.map((c) => `评定${c.awarded}、应得${c.earned}:${c.n}家${c.above ? "(评定高于标准)" : ""}`).join(";"),
    x: { domain: awardedDomain, axis: "top", label: "评定档次", labelAnchor: "center", labelOffset: 34, tickSize: 0 },
    y: { domain: earnedDomain, label: "按标准应得档次", labelAnchor: "center", labelOffset: 66, tickSize: 0 },
    color: { domain: [false, true], range: ["#dbe6f1", "#f4c7c3"] },
    marks: [
      Plot.cell(cells, { x: "awarded", y: "earned", fill: "above", inset: 1 }),
      Plot.text(cells, { x: "awarded", y: "earned", text: (c: Cell) => `${c.n}家${c.above ? "\n偏高" : ""}`, lineHeight: 1.2, fill: "black" }),
    ],
  }));
}
