// Each industry's headline count split into the plan's focus areas and the rest.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount } from "../shared/format.js";
import type { IndustryRow } from "../../../loaders/kpi/reportTypes.ts";
import type { HeadlineTarget, PageData } from "../../../loaders/outputs/pages.ts";

type Industry = PageData<"industries">["industries"][number];

/** Stacked bars by rank: dark = in the plan's focus areas (`area`: 区, 县 …), light = elsewhere; the total is written at the end. */
export function industryFocusChart(
  rows: IndustryRow[],
  industries: Industry[],
  { width, target, area }: { width: number; target: HeadlineTarget; area: string },
): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const focus = `重点${area}`;
  const rest = `其他${area}`;
  const name = (key: string) => industries.find((i) => i.key === key)?.short ?? key;
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const parts = sorted.flatMap((r) => [
    { industry: name(r.industry_key), part: focus, value: r.focus_actual },
    { industry: name(r.industry_key), part: rest, value: r.actual - r.focus_actual },
  ]);
  return chartAria(Plot.plot({
    width,
    height: sorted.length * 30 + 40,
    marginLeft: 84,
    marginRight: 48,
    marginTop: 4,
    ariaLabel: `各行业${target.short}(${focus}与${rest})`,
    ariaDescription: sorted.map((r) => `${name(r.industry_key)}${r.actual}${target.unit},其中${focus}${r.focus_actual}${target.unit}`).join(";"),
    x: { axis: null },
    y: { domain: sorted.map((r) => name(r.industry_key)), label: null, tickSize: 0 },
    color: { domain: [focus, rest], range: ["#2c6fb0", "#a9c9e8"], legend: true },
    marks: [
      Plot.barX(parts, { y: "industry", x: "value", fill: "part", insetTop: 3, insetBottom: 3 }),
      Plot.text(sorted, { y: (r: IndustryRow) => name(r.industry_key), x: "actual", text: (r: IndustryRow) => `${fmtCount(r.actual)}${target.unit}`, textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
