/** The 周报 page's data file: `{meta, review}` for the current snapshot against the one before it. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { isSampleData } from "../config/paths.ts";
import { withWarehouse, type Meta } from "./report.ts";
import type { Report } from "../kpi/reportTypes.ts";
import { warehouseMeta } from "../warehouse/snapshots.ts";
import type { PilotPlan } from "../plan/types.ts";
import { computeWeekly } from "../weekly/computeWeekly.ts";
import type { WeeklyReview } from "../weekly/types.ts";

/** What data/weekly.json holds. */
export interface WeeklyPageData {
  meta: Meta;
  review: WeeklyReview;
}

/**
 * The weekly page's data for data root `root` under `plan` (A: `before`, default the snapshot before the newest).
 * A root with one snapshot gets that snapshot compared with itself (review.before = review.after),
 * which the page reports as nothing to compare, rather than a failed build. `known`: a report
 * already read (loadReport), used where it is A's or B's (reportAsOf).
 */
export async function weeklyPageData(root: string, plan: PilotPlan, before?: string): Promise<WeeklyPageData> {
  return withWarehouse(root, plan, (conn) => weeklyPageDataOn(conn, root, plan, { before }));
}

/** weeklyPageData on an open warehouse of `root`. */
export async function weeklyPageDataOn(conn: DuckDBConnection, root: string, plan: PilotPlan, { before, known }: { before?: string; known?: Report } = {}): Promise<WeeklyPageData> {
  const review = await computeWeekly(conn, { ...(before ? { before } : { allowSame: true }), plan, ...(known ? { known } : {}) });
  return {
    meta: await warehouseMeta(conn, { title: plan.title, sample: isSampleData(root), snapshot: review.after }),
    review,
  };
}
