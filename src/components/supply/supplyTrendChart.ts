// One supply target's cumulative count week by week, with its target drawn as a dashed line.
import * as Plot from "@observablehq/plot";
import type { SeriesPoint } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, zhDate } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

/** "2026-11-20" → a UTC date, matching Plot's time axis. */
const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

interface Options {
  width: number;
  target: number;
  label: string;
  unit: string;
  /** First and last week (ISO dates) shared by a set of small multiples, so their time axes line up. */
  domain?: [string, string];
}

/** A small line chart of `points` (one key) with its target as a dashed line. */
export function supplyTrendChart(points: SeriesPoint[], { width, target, label, unit, domain }: Options) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const last = points[points.length - 1];
  return chartAria(Plot.plot({
    width,
    height: 150,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 16,
    style: { fontSize: "11px" },
    ariaLabel: `${label}累计走势`,
    ariaDescription: last ? `截至${zhDate(last.week_end)}累计${fmtCount(last.actual)}${unit},目标${fmtCount(target)}${unit}` : "暂无数据",
    x: { type: "utc", label: null, domain: domain?.map(utc), ticks: Math.max(2, Math.floor(width / 140)), tickFormat: "%Y年%-m月" },
    y: { label: null, grid: true, domain: [0, Math.max(target, ...points.map((p) => p.actual)) * 1.08], ticks: 3, tickFormat: (v: number) => fmtCount(v) },
    marks: [
      Plot.ruleY([target], { stroke: "#c62828", strokeDasharray: "4,3" }),
      Plot.text([target], { y: (t: number) => t, frameAnchor: "left", text: (t: number) => `目标 ${fmtCount(t)}`, dy: -7, dx: 2, textAnchor: "start", fill: "#c62828" }),
      Plot.line(points, { x: (p: SeriesPoint) => utc(p.week_end), y: "actual", stroke: "#3b6a9a", strokeWidth: 2, curve: "step-after", tip: true, title: (p: SeriesPoint) => `${zhDate(p.week_end)}:${fmtCount(p.actual)}${unit}` }),
      Plot.ruleY([0]),
    ],
  }));
}
