// One district's enterprises by pilot industry, with the plan's focus industries for that district marked.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount } from "../shared/format.js";
import type { MatrixCell } from "../../../loaders/kpi/reportTypes.ts";
import type { PageData } from "../../../loaders/outputs/pages.ts";

type Industry = PageData<"districts">["industries"][number];

/** Light bar = diagnosed, dark bar = transformed (level ≥ 2); "★重点" after the plan's focus industries. */
export function districtIndustryChart(cells: MatrixCell[], industries: Industry[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const rows = industries.map((i) => {
    const get = (key: string) => cells.find((c) => c.key === key && c.industry_key === i.key);
    const t = get("enterprises_transformed");
    return { name: i.short, transformed: t?.actual ?? 0, diagnosed: get("diagnosed")?.actual ?? 0, focus: t?.is_focus ?? false };
  });
  const y = (d: (typeof rows)[number]) => (d.focus ? `${d.name} ★` : d.name);
  return chartAria(Plot.plot({
    width,
    height: rows.length * 34 + 10,
    marginLeft: 88,
    marginRight: 96,
    marginTop: 4,
    marginBottom: 4,
    ariaLabel: "本区各行业企业数条形图",
    ariaDescription: rows.map((d) => `${d.name}${d.focus ? "(重点行业)" : ""}改造达二级${d.transformed}家,诊断评测${d.diagnosed}家`).join(";"),
    x: { axis: null, domain: [0, Math.max(1, ...rows.map((d) => Math.max(d.diagnosed, d.transformed)))] },
    y: { domain: rows.map(y), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { y, x: "diagnosed", fill: "#c6dbef", insetTop: 4, insetBottom: 4 }),
      Plot.barX(rows, { y, x: "transformed", fill: "#2c6fb0", insetTop: 9, insetBottom: 9 }),
      Plot.text(rows, { y, x: (d) => Math.max(d.diagnosed, d.transformed), text: (d) => `${fmtCount(d.transformed)} / ${fmtCount(d.diagnosed)}`, textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
