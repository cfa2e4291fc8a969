// 改造前 → 改造后 level transitions: where enterprises started and where transformation took them.
import * as Plot from "@observablehq/plot";
import { chartAria } from "./chartAria.js";
import { levelName, type LevelNames } from "./format.js";
import type { LevelUpliftRow } from "../../../loaders/kpi/reportTypes.ts";

/** A from × to grid; the rows (per district × industry) are summed per cell, so pass them pre-filtered. */
/** `levelNames`: the plan's names of the levels (data/plan.json level_names). */
export function levelUpliftChart(rows: LevelUpliftRow[], { width, levelNames }: { width: number; levelNames: LevelNames }): SVGSVGElement | HTMLElement {
  const tickFormat = (l: number) => levelName(l, levelNames);
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  // Rows are the levels enterprises started from; columns run over every level seen so the diagonal reads.
  const from = [...new Set(rows.map((r) => r.from_level))].sort((a, b) => a - b);
  const levels = [...new Set(rows.flatMap((r) => [r.from_level, r.to_level]))].sort((a, b) => a - b);
  // Square cells no bigger than ~80px: the grid is at most 5 × 5.
  const w = Math.min(width, 60 + levels.length * 80);
  const size = (w - 60) / levels.length;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(`${r.from_level}-${r.to_level}`, (totals.get(`${r.from_level}-${r.to_level}`) ?? 0) + r.enterprises);
  const dark = 0.3 * Math.max(1, ...totals.values());
  return chartAria(Plot.plot({
    width: w,
    height: size * from.length + 50,
    marginLeft: 60,
    marginTop: 40,
    marginBottom: 10,
    marginRight: 0,
    ariaLabel: "改造前后数字化水平等级迁移图",
    ariaDescription: "纵轴为改造前等级,横轴为改造后等级,格中数字为企业数;对角线右上方为等级提升。",
    x: { domain: levels, axis: "top", label: "改造后等级 →", tickFormat, labelAnchor: "center" },
    y: { domain: from, label: "改造前 ↓", tickFormat, labelAnchor: "top" },
    // From zero, so the smallest count is still tinted rather than white.
    color: { scheme: "purples", type: "sqrt", domain: [0, Math.max(1, ...totals.values())] },
    marks: [
      Plot.cell(rows, Plot.group({ fill: "sum" }, { x: "to_level", y: "from_level", fill: "enterprises", inset: 1, rx: 3 })),
      Plot.text(rows, Plot.group({ text: "sum" }, { x: "to_level", y: "from_level", text: "enterprises", fill: (r: LevelUpliftRow) => ((totals.get(`${r.from_level}-${r.to_level}`) ?? 0) > dark ? "white" : "black"), fontSize: 13, fontWeight: 600 })),
    ],
  }));
}
