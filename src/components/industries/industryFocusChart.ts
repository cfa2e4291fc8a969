// Each industry's transformed enterprises split into the plan's focus districts and the rest.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount } from "../shared/format.js";
import type { IndustryRow } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type Industry = PageData<"industries">["industries"][number];

/** Stacked bars by rank: dark = in the plan's focus districts, light = elsewhere; the total is written at the end. */
export function industryFocusChart(rows: IndustryRow[], industries: Industry[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const name = (key: string) => industries.find((i) => i.key === key)?.short ?? key;
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const parts = sorted.flatMap((r) => [
    { industry: name(r.industry_key), part: "重点区", value: r.focus_actual },
    { industry: name(r.industry_key), part: "其他区", value: r.actual - r.focus_actual },
  ]);
  return chartAria(Plot.plot({
    width,
    height: sorted.length * 30 + 40,
    marginLeft: 84,
    marginRight: 48,
    marginTop: 4,
    ariaLabel: "各行业改造达二级企业数(重点区与其他区)",
    ariaDescription: sorted.map((r) => `${name(r.industry_key)}${r.actual}家,其中重点区${r.focus_actual}家`).join(";"),
    x: { axis: null },
    y: { domain: sorted.map((r) => name(r.industry_key)), label: null, tickSize: 0 },
    color: { domain: ["重点区", "其他区"], range: ["#2c6fb0", "#a9c9e8"], legend: true },
    marks: [
      Plot.barX(parts, { y: "industry", x: "value", fill: "part", insetTop: 3, insetBottom: 3 }),
      Plot.text(sorted, { y: (r: IndustryRow) => name(r.industry_key), x: "actual", text: (r: IndustryRow) => `${fmtCount(r.actual)}家`, textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
