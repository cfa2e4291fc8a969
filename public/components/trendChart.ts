// The cumulative count of one target over time, with the target and the expected pace drawn in.
import * as Plot from "@observablehq/plot";

export interface TrendPoint {
  date: string;
  value: number;
}

export interface TrendOptions {
  width: number;
  /** null when the plan gives no number: no target rule and no pace line. */
  target: number | null;
  unit: string;
  label: string;
  /** Start and end of the expected pace (plan dates, YYYY-MM-DD). */
  /** null when the plan gives no start: no pace line. */
  expectationStart: string | null;
  planEnd: string;
}

/** Line of the monthly cumulative count, a dashed expected-pace line and a target rule. */
export function trendChart(points: TrendPoint[], {width, target, unit, label, expectationStart, planEnd}: TrendOptions): SVGSVGElement | HTMLElement {
  const data = points.map((p) => ({date: new Date(`${p.date}T00:00:00`), value: p.value}));
  const pace = expectationStart == null || target == null ? [] : [
    {date: new Date(`${expectationStart}T00:00:00`), value: 0},
    {date: new Date(`${planEnd}T00:00:00`), value: target},
  ];
  return Plot.plot({
    width,
    height: 200,
    marginLeft: 48,
    ariaLabel: `${label}累计数量走势`,
    ariaDescription: `实线为每月末累计数${pace.length ? ",虚线为按计划进度应达到的数量" : ""}${target == null ? "。方案未给出目标数值。" : `,横线为目标 ${target}${unit}。`}`,
    x: {type: "utc", label: null, tickFormat: (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月`, ticks: width < 500 ? 3 : 6},
    y: {label: unit, grid: true, domain: [0, Math.max(target ?? 0, 1, ...points.map((p) => p.value)) * 1.05]},
    marks: [
      Plot.ruleY(target == null ? [] : [target], {stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.line(pace, {x: "date", y: "value", strokeDasharray: "4,3", stroke: "#888"}),
      Plot.line(data, {x: "date", y: "value", stroke: "#1f5fa8", strokeWidth: 2}),
      Plot.dot(data, {x: "date", y: "value", fill: "#1f5fa8", r: 2.5, tip: true, title: (d: {date: Date; value: number}) => `${d.date.getFullYear()}年${d.date.getMonth() + 1}月${d.date.getDate()}日:${d.value}${unit}`}),
    ],
  });
}
