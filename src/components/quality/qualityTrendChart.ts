// Week by week: how many rows were rejected and how many warnings were raised, per snapshot.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount, zhDate, zhShortDate } from "../shared/format.js";
import type { QualitySnapshotRow } from "../../../loaders/quality/types.ts";

const series = [
  { key: "rows_rejected", name: "拒绝行数", color: "#c62828" },
  { key: "warnings", name: "警告条数", color: "#b35900" },
] as const;

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Two labelled lines (rejected rows, warnings) over the snapshots; the last values are written at the line ends. */
export function qualityTrendChart(trend: QualitySnapshotRow[], { width, height = 220 }: { width: number; height?: number }): SVGSVGElement | HTMLElement {
  width = Math.max(width, 240);
  const points = series.flatMap((s) => trend.map((t) => ({ date: utc(t.snapshot), snapshot: t.snapshot, value: t[s.key], name: s.name })));
  const last = trend.at(-1);
  // d3 has no two-week tick interval: label every k-th snapshot so the dates never collide.
  const every = Math.max(1, Math.ceil(trend.length / Math.max(2, Math.floor(width / 80))));
  const ticks = trend.filter((_, k) => (trend.length - 1 - k) % every === 0).map((t) => utc(t.snapshot));
  return chartAria(Plot.plot({
    width,
    height,
    marginLeft: 40,
    marginRight: 70,
    ariaLabel: "各周快照拒绝行数与警告条数趋势图",
    ariaDescription: last ? `${zhDate(last.snapshot)}快照拒绝 ${fmtCount(last.rows_rejected)} 行,警告 ${fmtCount(last.warnings)} 条。` : "没有快照。",
    x: { type: "utc", ticks, tickFormat: (d: Date) => zhShortDate(d.toISOString()), label: null },
    y: { grid: true, label: null, zero: true, tickFormat: fmtCount, ticks: 4 },
    color: { domain: series.map((s) => s.name), range: series.map((s) => s.color), legend: true },
    marks: [
      Plot.line(points, { x: "date", y: "value", stroke: "name", strokeWidth: 2 }),
      Plot.dot(points, { x: "date", y: "value", fill: "name", r: 2.5 }),
      // Each line names itself at its end, so the colour is never the only key.
      Plot.text(points, Plot.selectLast({ x: "date", y: "value", z: "name", text: (d: { name: string; value: number }) => `${d.name} ${fmtCount(d.value)}`, textAnchor: "start", dx: 6, fill: "name" })),
      Plot.tip(points, Plot.pointer({ x: "date", y: "value", title: (d: { snapshot: string; name: string; value: number }) => `${zhDate(d.snapshot)}\n${d.name} ${fmtCount(d.value)}` })),
    ],
  }));
}
