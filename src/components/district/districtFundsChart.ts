// Money paid into one district, by funding direction (资金方向), in 万元.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtWan } from "../shared/format.js";
import type { FundsByDistrictRow } from "../../../loaders/kpi/reportTypes.ts";

/** A bar per direction in the data's (plan's) order, each labelled in 万元 / 亿元. */
export function districtFundsChart(rows: FundsByDistrictRow[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  return chartAria(Plot.plot({
    width,
    height: rows.length * 28 + 10,
    marginLeft: 84,
    marginRight: 88,
    marginTop: 4,
    marginBottom: 4,
    ariaLabel: "本区各资金方向拨付金额",
    ariaDescription: rows.map((d) => `${d.direction}${fmtWan(d.amount_wan)}`).join(";"),
    x: { axis: null, domain: [0, Math.max(1, ...rows.map((d) => d.amount_wan))] },
    y: { domain: rows.map((d) => d.direction), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { y: "direction", x: "amount_wan", fill: "#59a14f", insetTop: 3, insetBottom: 3 }),
      Plot.text(rows, { y: "direction", x: "amount_wan", text: (d) => fmtWan(d.amount_wan), textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
