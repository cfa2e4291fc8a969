// Each district's gain in the headline count this period against what its district target required.
import * as Plot from "@observablehq/plot";
import type { HeadlineTarget } from "../../../loaders/outputs/pages.ts";
import type { DistrictMove } from "../../../loaders/weekly/types.ts";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount, statusScale } from "../shared/format.js";

/** Bars: the period's change per district; black ticks: what the district target's line asked for. */
export function weeklyDistrictChart(districts: DistrictMove[], { width, target, area }: { width: number; target: HeadlineTarget; area: string }): SVGSVGElement | HTMLElement {
  const { short, unit } = target;
  const rows = districts.map((d) => ({ ...d, behind: d.shortfall != null && d.shortfall > 1e-9 ? "未达应增" : "达到应增" }));
  return chartAria(Plot.plot({
    width,
    height: 40 + rows.length * 26,
    marginLeft: 56,
    ariaLabel: `各${area}本期${short}新增数与按分${area}目标应增数`,
    ariaDescription: `条形为各${area}本期新增${unit}数,黑色竖线为按分${area}目标本期应增${unit}数`,
    x: { label: `本期新增(${unit})`, grid: true },
    y: { label: null, domain: rows.map((d) => d.district) },
    color: { domain: ["达到应增", "未达应增"], range: [statusScale.range[0]!, statusScale.range[1]!], legend: true },
    marks: [
      Plot.barX(rows, { x: "transformed_delta", y: "district", fill: "behind", title: (d) => `${d.district}:新增${fmtCount(d.transformed_delta)}${unit}` }),
      Plot.tickX(rows.filter((d) => d.required_for_period != null), { x: "required_for_period", y: "district", strokeWidth: 2 }),
      Plot.text(rows, { x: "transformed_delta", y: "district", text: (d) => fmtCount(d.transformed_delta), dx: 4, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  }));
}
