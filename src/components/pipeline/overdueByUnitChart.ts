// Whose projects wait: overdue and stuck projects per leading unit, the units with most first.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { OverdueProject, StuckProject } from "../../../loaders/kpi/reportTypes.ts";
import { chartAria } from "../shared/chartAria.js";

const lists = ["逾期", "停滞"];

/** Stacked bars of overdue / stuck projects for the `top` units with most; unit names written above each bar. */
export function overdueByUnitChart(
  { overdue, stuck }: { overdue: OverdueProject[]; stuck: StuckProject[] },
  { width, top = 10 }: { width: number; top?: number },
) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const unitOf = (p: OverdueProject | StuckProject) => p.leading_unit ?? "未填牵引单位";
  const rows = [...overdue.map((p) => ({ unit: unitOf(p), list: "逾期" })), ...stuck.map((p) => ({ unit: unitOf(p), list: "停滞" }))];
  // A project can be both overdue and stuck, so the label gives both counts rather than a sum.
  const byUnit = d3
    .rollups(rows, (v) => ({ 逾期: v.filter((r) => r.list === "逾期").length, 停滞: v.filter((r) => r.list === "停滞").length }), (r) => r.unit)
    .sort((a, b) => b[1].逾期 - a[1].逾期 || b[1].停滞 - a[1].停滞)
    .slice(0, top);
  const units = byUnit.map(([u]) => u);
  const counts = new Map(byUnit);
  const shown = rows.filter((r) => counts.has(r.unit));
  const step = 40;
  return chartAria(Plot.plot({
    width,
    height: 30 + units.length * step,
    marginLeft: 4,
    marginRight: 8,
    ariaLabel: "各牵引单位的逾期与停滞项目数",
    ariaDescription: byUnit.map(([u, c]) => `${u}:逾期${c.逾期}个,停滞${c.停滞}个`).join(";"),
    color: { domain: lists, range: ["#c62828", "#f28e2b"], legend: true },
    x: { axis: null },
    y: { domain: units, axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      // Bars fill the lower half of each row; the unit's name and counts sit in the upper half.
      Plot.barX(shown, Plot.stackX(Plot.groupY({ x: "count" }, { y: "unit", fill: "list", order: lists, insetTop: step / 2 + 2, insetBottom: 3 }))),
      Plot.text(byUnit, {
        y: ([u]: [string, unknown]) => u,
        x: 0,
        text: ([u, c]: [string, { 逾期: number; 停滞: number }]) => `${u} · 逾期${c.逾期} · 停滞${c.停滞}`,
        textAnchor: "start",
        lineAnchor: "bottom",
        dy: -2,
        // Long unit names: a point smaller on phones so the counts stay inside the frame.
        fontSize: width < 420 ? 11 : 12,
      }),
    ],
  }));
}
