/** The cumulative monthly series of each count target whose city value is published, thinned for small steps. */
import type { Report } from "../kpi/reportTypes.ts";
import type { PublicKpi } from "./publicKpis.ts";
import { isPublished } from "./suppress.ts";
import { monthEnds, thinSeries, type Point } from "./thinSeries.ts";

export interface PublicSeries {
  key: string;
  points: Point[];
}

/** One thinned monthly series per count target with a published actual. */
export function publicSeries(report: Report, kpis: PublicKpi[], min: number): PublicSeries[] {
  return kpis
    .filter((k) => k.kind === "count" && isPublished(k.actual))
    .map((k) => {
      const weekly = report.series
        .filter((s) => s.key === k.key)
        .map((s) => ({ date: s.week_end, value: s.actual }))
        .sort((a, b) => a.date.localeCompare(b.date));
      return { key: k.key, points: thinSeries(monthEnds(weekly), min) };
    });
}
