// District × industry counts for one target, with the plan's focus pairs (重点实施) outlined.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount } from "../shared/format.js";
import type { MatrixCell } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type District = PageData<"industries">["districts"][number];
type Industry = PageData<"industries">["industries"][number];

/** Colour and number per cell; a thick outline and a bold number mark the plan's focus pairs (shape, not only colour). */
export function matrixChart(
  cells: MatrixCell[],
  { districts, industries, width, label }: { districts: District[]; industries: Industry[]; width: number; /** What the cells count, e.g. 改造达二级企业数. */ label: string },
): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const dName = new Map(districts.map((d) => [d.code, d.short]));
  const iName = new Map(industries.map((i) => [i.key, i.short]));
  const x = (c: MatrixCell) => iName.get(c.industry_key) ?? c.industry_key;
  const y = (c: MatrixCell) => dName.get(c.district_code) ?? c.district_code;
  // Narrow screens: slant the industry names so six columns still fit.
  const slant = width < 560;
  // The colour scale is sqrt: 30% of the maximum is about the middle of the ramp.
  const dark = 0.3 * Math.max(1, ...cells.map((c) => c.actual));
  return chartAria(Plot.plot({
    width,
    height: districts.length * 30 + (slant ? 80 : 36),
    marginLeft: 40,
    marginTop: slant ? 76 : 30,
    marginRight: slant ? 24 : 0,
    marginBottom: 4,
    ariaLabel: `区域×行业${label}矩阵`,
    ariaDescription: "颜色越深企业越多,格中数字为企业数;加粗边框、数字加粗的格为方案确定的重点区域与行业组合。",
    x: { domain: industries.map((i) => i.short), axis: "top", label: null, tickRotate: slant ? -40 : 0, tickSize: 0 },
    y: { domain: districts.map((d) => d.short), label: null, tickSize: 0 },
    color: { scheme: "blues", type: "sqrt", legend: true, label: "企业数" },
    marks: [
      Plot.cell(cells, { x, y, fill: "actual", inset: 1, title: (c: MatrixCell) => `${y(c)} × ${x(c)}:${fmtCount(c.actual)}家${c.is_focus ? "(重点)" : ""}` }),
      Plot.cell(cells.filter((c) => c.is_focus), { x, y, fill: "none", stroke: "#b35900", strokeWidth: 3, inset: 2.5 }),
      // Light text on the darkest cells, dark text elsewhere: readable without a halo.
      Plot.text(cells.filter((c) => !c.is_focus), { x, y, text: (c: MatrixCell) => fmtCount(c.actual), fill: (c: MatrixCell) => (c.actual > dark ? "white" : "black"), fontSize: 12 }),
      Plot.text(cells.filter((c) => c.is_focus), { x, y, text: (c: MatrixCell) => fmtCount(c.actual), fill: (c: MatrixCell) => (c.actual > dark ? "white" : "black"), fontSize: 13, fontWeight: 700 }),
    ],
  }));
}
