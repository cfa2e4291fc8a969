// The plan's work streams (五(一)–(九)) as bars on a calendar, the data date as a vertical line.
import * as Plot from "@observablehq/plot";
import { chartAria } from "./chartAria.js";
import { fmtCount, zhDate } from "./format.js";
import type { MilestoneRow } from "../../../loaders/kpi/milestones.ts";

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** What a bar's end says: days left, passed, or no deadline in the plan. */
export function milestoneLeftText(m: MilestoneRow): string {
  if (m.days_left == null) return "方案未定截止日期";
  if (m.days_left < 0) return `已于${zhDate(m.to)}截止`;
  return m.days_left === 0 ? "今日截止" : `剩${fmtCount(m.days_left)}天`;
}

/**
 * One bar per stream from its start to its deadline. A stream with no start (五(一)) or no deadline
 * (持续开展) runs to the chart's edge (pale when it has no deadline); red bars end within the alert
 * window; the final acceptance (五(八)) is drawn darker; the black line is the data date.
 */
export function milestoneTimeline(rows: MilestoneRow[], { asOf, width }: { asOf: string; width: number }): SVGSVGElement | HTMLElement {
  width = Math.max(width, 280);
  const starts = rows.map((m) => m.from).filter((d): d is string => d != null);
  const ends = rows.map((m) => m.to).filter((d): d is string => d != null);
  const lo = [...starts, asOf].sort()[0]!;
  const hi = [...ends, asOf].sort().at(-1)!;
  const domain = [utc(`${lo.slice(0, 4)}-01-01`), utc(`${+hi.slice(0, 4) + 1}-01-01`)];
  const label = (m: MilestoneRow) => `${m.cite} ${m.name}`;
  const bars = rows.map((m) => ({
    ...m,
    x1: m.from ? utc(m.from) : domain[0]!,
    x2: m.to ? utc(m.to) : domain[1]!,
    open: m.from == null || m.to == null,
    y: label(m),
  }));
  const narrow = width < 560;
  const fill = (b: (typeof bars)[number]) => (b.due_soon ? "#c62828" : b.final ? "#1f4e79" : b.open && b.to == null ? "#c9daea" : "#2f5d8a");
  // Short labels on a phone: "剩274天" becomes "274天".
  const text = (b: MilestoneRow) => (narrow && b.days_left != null && b.days_left > 0 ? `${fmtCount(b.days_left)}天` : milestoneLeftText(b));
  return chartAria(Plot.plot({
    width,
    height: rows.length * 30 + 40,
    marginLeft: narrow ? 60 : 250,
    marginRight: 12,
    ariaLabel: "试点工作节点时间轴",
    ariaDescription: rows.map((m) => `${label(m)}(${m.words}):${milestoneLeftText(m)}`).join(";"),
    x: { type: "utc", domain, label: null, tickFormat: (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` },
    y: { domain: bars.map((b) => b.y), label: null, tickSize: 0, tickFormat: (s: string) => (narrow ? s.split(" ")[0] : s) },
    marks: [
      Plot.barX(bars, { y: "y", x1: "x1", x2: "x2", fill, insetTop: 6, insetBottom: 6 }),
      // A deadline's label right of the bar's end; a stream with no deadline says so inside its pale bar.
      Plot.text(bars.filter((b) => b.to != null), { y: "y", x: "x2", text, textAnchor: "start", dx: 4, fontSize: 10, fill: "currentColor" }),
      Plot.text(bars.filter((b) => b.to == null), { y: "y", x: "x2", text, textAnchor: "end", dx: -4, fontSize: 10, fill: "#1b1b1b" }),
      Plot.ruleX([utc(asOf)], { stroke: "currentColor", strokeWidth: 2 }),
      Plot.text([utc(asOf)], { x: (d: Date) => d, frameAnchor: "top", text: () => `数据日期 ${zhDate(asOf)}`, dy: -8, fontSize: 11, fill: "currentColor", textAnchor: "middle" }),
    ],
  }));
}
