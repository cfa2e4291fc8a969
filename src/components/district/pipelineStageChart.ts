// How many of a district's enterprises reached each step of the pilot (意愿摸查 → 补助拨付).
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount } from "../shared/format.js";
import type { DistrictRow, PipelineStage } from "../../../loaders/kpi/reportTypes.ts";

/** A bar per stage in plan order with the count and the district's rank among all districts at that stage. */
export function pipelineStageChart(rows: DistrictRow[], stages: PipelineStage[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const data = [...stages].sort((a, b) => a.ord - b.ord).flatMap((s) => {
    const r = rows.find((x) => x.key === s.key);
    return r ? [{ name: s.name, actual: r.actual, rank: r.rank }] : [];
  });
  return chartAria(Plot.plot({
    width,
    height: data.length * 28 + 10,
    marginLeft: 70,
    marginRight: 100,
    marginTop: 4,
    marginBottom: 4,
    ariaLabel: "本区各阶段企业数",
    ariaDescription: data.map((d) => `${d.name}${d.actual}家,全市第${d.rank}`).join(";"),
    x: { axis: null, domain: [0, Math.max(1, ...data.map((d) => d.actual))] },
    y: { domain: data.map((d) => d.name), label: null, tickSize: 0 },
    marks: [
      Plot.barX(data, { y: "name", x: "actual", fill: "#4e79a7", insetTop: 3, insetBottom: 3 }),
      Plot.text(data, { y: "name", x: "actual", text: (d) => `${fmtCount(d.actual)}家 · 第${d.rank}`, textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
