// Money over time: cumulative disbursement per direction, month by month (funding.monthly).
import * as Plot from "@observablehq/plot";
import type { FundsMonthRow } from "../../../loaders/kpi/reportTypes.ts";
import { fmtWan } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

/** "2025-01" → the first of that month, in UTC like Plot's time axis. */
const monthDate = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));

/** "2025-01" → "2025年1月". */
const zhMonth = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

/** January carries the year, other months only their number: "2025年1月", "2月". */
const monthTick = (d: Date) => (d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}年1月` : `${d.getUTCMonth() + 1}月`);

/** Stacked areas of each direction's running total: the top edge is all money paid so far. */
export function fundsMonthlyChart(monthly: FundsMonthRow[], { width, directions }: { width: number; directions: string[] }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const last = monthly.length ? monthly[monthly.length - 1]!.month : "";
  return chartAria(Plot.plot({
    width,
    height: 300,
    marginLeft: 72,
    marginRight: 12,
    style: { fontSize: "12px" },
    ariaLabel: "各资金方向累计拨付金额(按月)",
    ariaDescription: monthly
      .filter((r) => r.month === last)
      .map((r) => `截至${zhMonth(r.month)}${r.direction}累计${fmtWan(r.cumulative_wan)}`)
      .join(";"),
    x: { type: "utc", label: null, tickFormat: monthTick, ticks: Math.max(2, Math.floor(width / 90)) },
    y: { label: "累计拨付", grid: true, tickFormat: (v: number) => fmtWan(v) },
    color: { domain: directions, legend: true },
    marks: [
      Plot.areaY(monthly, Plot.stackY({ x: (r: FundsMonthRow) => monthDate(r.month), y: "cumulative_wan", fill: "direction", order: directions, title: (r: FundsMonthRow) => `${r.direction} 截至${zhMonth(r.month)} ${fmtWan(r.cumulative_wan)}`, tip: true })),
      Plot.ruleY([0]),
    ],
  }));
}
