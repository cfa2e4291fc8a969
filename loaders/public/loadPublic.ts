/** The public aggregates of a data root: the cached KPI report plus the fund contributor counts. */
import type { Meta } from "../outputs/report.ts";
import { reportOn, withWarehouse } from "../outputs/report.ts";
import type { PilotPlan } from "../plan/types.ts";
import { fundContributors } from "./fundContributors.ts";
import { publicAggregates, type PublicAggregates } from "./publicAggregates.ts";

/** Load the report of `root` under `plan` and reduce it to what may be published. */
export async function loadPublic(root: string, plan: PilotPlan): Promise<{ aggregates: PublicAggregates; meta: Meta }> {
  // One warehouse open: finding it prints every input (withWarehouse).
  return withWarehouse(root, plan, async (conn) => {
    const { report, meta } = await reportOn(conn, root, plan);
    const contributors = await fundContributors(conn, plan, report.snapshot, report.as_of);
    return { aggregates: publicAggregates(report, contributors, plan), meta };
  });
}
