// Where the money went: disbursed per district or per industry, stacked by funding direction.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { fmtWan } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";
import type { FundsByDistrictRow, FundsByIndustryRow } from "../../../loaders/kpi/reportTypes.ts";

/** Rows of either breakdown (by district or by industry): what the bars read of them. */
type Row = Pick<FundsByDistrictRow | FundsByIndustryRow, "direction" | "amount_wan">;

interface Options<R> {
  width: number;
  /** The bar a row belongs to (a district or an industry name). */
  group: (r: R) => string;
  /** Direction names in plan order, so colours match across charts. */
  directions: string[];
  ariaLabel: string;
}

/** Horizontal bars per group, largest first, stacked by direction, with the group's total written at the end. */
export function fundsBreakdownChart<R extends Row>(rows: R[], { width, group, directions, ariaLabel }: Options<R>) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const totals = d3.rollups(rows, (v) => d3.sum(v, (r) => r.amount_wan), group).sort((a, b) => b[1] - a[1]);
  return chartAria(Plot.plot({
    width,
    height: 70 + totals.length * 26,
    marginLeft: 72,
    marginRight: 8,
    style: { fontSize: "12px" },
    ariaLabel,
    ariaDescription: totals.map(([g, t]) => `${g}${fmtWan(t)}`).join(";"),
    // Room on the right for the total's label.
    x: { label: null, grid: true, tickFormat: (v: number) => fmtWan(v), insetRight: 72, ticks: Math.max(2, Math.floor(width / 120)) },
    y: { domain: totals.map(([g]) => g), label: null, tickSize: 0 },
    color: { domain: directions, legend: true },
    marks: [
      Plot.barX(rows, Plot.stackX({ y: group, x: "amount_wan", fill: "direction", order: directions, title: (r: R) => `${group(r)} · ${r.direction} ${fmtWan(r.amount_wan)}`, insetTop: 3, insetBottom: 3 })),
      Plot.text(totals, { y: ([g]: [string, number]) => g, x: ([, t]: [string, number]) => t, text: ([, t]: [string, number]) => fmtWan(t), textAnchor: "start", dx: 4, fill: "currentColor" }),
      Plot.ruleX([0]),
    ],
  }));
}
