// A count target's cumulative weekly series against its target and the pro-rated expectation line.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount, statusScale, zhDate } from "../shared/format.js";
import type { KpiRow, Report, SeriesPoint } from "../../../loaders/kpi/reportTypes.ts";

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * Cumulative actual (solid), expectation from 0 to the target (dashed; through the target's dated
 * steps when it has any), target (rule), forecast to plan end (dotted). A target the plan gives no
 * number for has no rule and no expectation line.
 */
export function trendChart(
  points: SeriesPoint[],
  { kpi, timing, width, height = 190, steps = [] }: { kpi: KpiRow; timing: Report["timing"]; width: number; height?: number; steps?: { by: string; target: number }[] },
): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const color = statusScale.range[statusScale.domain.indexOf(kpi.status)] ?? "#555";
  const last = points.at(-1);
  // No expectation start in the plan ⇒ no pace line (kpi.expected is null then too).
  const expStart = timing.expectation_start;
  const expectation = kpi.target == null || kpi.expected == null || expStart == null ? [] : [
    { date: utc(expStart), value: 0 },
    ...steps.map((s) => ({ date: utc(s.by), value: s.target })),
    { date: utc(timing.plan_end), value: kpi.target },
  ];
  const targets = kpi.target == null ? [] : [kpi.target];
  const forecast = last && kpi.forecast != null
    ? [{ date: utc(last.week_end), value: last.actual }, { date: utc(timing.plan_end), value: kpi.forecast }]
    : [];
  const first = points[0]?.week_end ?? expStart ?? timing.plan_end;
  const start = expStart != null && expStart < first ? expStart : first;
  const top = Math.max(kpi.target ?? 0, kpi.forecast ?? 0, ...points.map((p) => p.actual)) * 1.08;
  return chartAria(Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginRight: 16,
    ariaLabel: `${kpi.short}累计趋势图`,
    ariaDescription: `截至${last ? zhDate(last.week_end) : "—"}累计${fmtCount(last?.actual ?? 0)}${kpi.unit},目标${kpi.target == null ? "方案未给出数值" : `${fmtCount(kpi.target)}${kpi.unit}`},状态${kpi.status}。`,
    x: { type: "utc", domain: [utc(start), utc(timing.plan_end)], ticks: Math.max(2, Math.floor(width / 110)), tickFormat: "%Y年%-m月", label: null },
    y: { domain: [0, top], grid: true, label: null, tickFormat: fmtCount, ticks: 4 },
    marks: [
      Plot.ruleY(targets, { stroke: "#555", strokeWidth: 1 }),
      Plot.text(targets, { y: (d: number) => d, frameAnchor: "left", dy: -7, dx: 2, text: (d: number) => `目标 ${fmtCount(d)}`, fill: "#555", fontSize: 11 }),
      Plot.line(expectation, { x: "date", y: "value", stroke: "#777", strokeDasharray: "5,4" }),
      Plot.line(forecast, { x: "date", y: "value", stroke: color, strokeDasharray: "1,3", strokeWidth: 2 }),
      Plot.line(points, { x: (d: SeriesPoint) => utc(d.week_end), y: "actual", stroke: color, strokeWidth: 2.5 }),
      Plot.dot(last ? [last] : [], { x: (d: SeriesPoint) => utc(d.week_end), y: "actual", fill: color, r: 3.5 }),
      Plot.text(last ? [last] : [], { x: (d: SeriesPoint) => utc(d.week_end), y: "actual", text: (d: SeriesPoint) => fmtCount(d.actual), dy: 12, dx: -4, textAnchor: "end", fill: color, fontWeight: 700, stroke: "white", strokeWidth: 3 }),
      Plot.tip(points, Plot.pointerX({ x: (d: SeriesPoint) => utc(d.week_end), y: "actual", title: (d: SeriesPoint) => `${zhDate(d.week_end)}\n累计 ${fmtCount(d.actual)}${kpi.unit}` })),
    ],
  }));
}
