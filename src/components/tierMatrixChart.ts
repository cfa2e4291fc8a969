// Tier awarded against the tier results support (plan 四(二)2): off-diagonal cells are the units to look at.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { LeadingUnitRow } from "../../loaders/kpi/reportTypes.ts";
import { chartAria } from "./chartAria.js";

const NONE_AWARDED = "未评档";
const NONE_SUPPORTED = "未达三档";

/** A cell per (awarded, supported) pair with the count of units; cells where the award is above results are red and say "偏高". */
export function tierMatrixChart(units: LeadingUnitRow[], { width, tiers }: { width: number; tiers: string[] }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  // `tiers` is highest first (一档, 二档, 三档), as in the plan.
  const awardedDomain = [...tiers, NONE_AWARDED];
  const supportedDomain = [...tiers, NONE_SUPPORTED];
  const cells = d3
    .rollups(units, (v) => ({ n: v.length, above: v.some((u) => u.awarded_above_results) }), (u) => u.tier_awarded ?? NONE_AWARDED, (u) => u.tier_supported ?? NONE_SUPPORTED)
    .flatMap(([awarded, inner]) => inner.map(([supported, c]) => ({ awarded, supported, ...c })));
  type Cell = (typeof cells)[number];
  const size = Math.min(72, Math.floor((width - 80) / awardedDomain.length));
  return chartAria(Plot.plot({
    width: Math.min(width, 80 + size * awardedDomain.length + 10),
    height: 50 + size * supportedDomain.length,
    marginLeft: 80,
    marginTop: 44,
    style: { fontSize: "12px" },
    ariaLabel: "牵引单位评定档次与实绩对应档次对照",
    ariaDescription: cells.map((c) => `评定${c.awarded}、实绩${c.supported}:${c.n}家${c.above ? "(评定高于实绩)" : ""}`).join(";"),
    x: { domain: awardedDomain, axis: "top", label: "评定档次", labelAnchor: "center", labelOffset: 34, tickSize: 0 },
    y: { domain: supportedDomain, label: "实绩对应档次", labelAnchor: "center", labelOffset: 66, tickSize: 0 },
    color: { domain: [false, true], range: ["#dbe6f1", "#f4c7c3"] },
    marks: [
      Plot.cell(cells, { x: "awarded", y: "supported", fill: "above", inset: 1 }),
      Plot.text(cells, { x: "awarded", y: "supported", text: (c: Cell) => `${c.n}家${c.above ? "\n偏高" : ""}`, lineHeight: 1.2, fill: "black" }),
    ],
  }));
}
