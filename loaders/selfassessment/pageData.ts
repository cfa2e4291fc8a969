/** The 绩效自评估 page's data file: the self-assessment, its tables and its sentences, as the markdown prints them. */
import { isSampleData } from "../config/paths.ts";
import { withWarehouse, type Meta } from "../outputs/report.ts";
import type { PilotPlan } from "../plan/types.ts";
import { computeSelfAssessment } from "./compute.ts";
import { selfAssessmentProse, type SaProse } from "./prose.ts";
import { selfAssessmentTables, type SaTable } from "./tables.ts";
import type { SelfAssessment } from "./types.ts";

export interface SelfAssessmentPageData {
  meta: Meta;
  sa: SelfAssessment;
  prose: SaProse;
  /** By name (the tables of tables.ts). */
  tables: Record<string, SaTable>;
}

export async function selfAssessmentPageData(root: string, plan: PilotPlan): Promise<SelfAssessmentPageData> {
  return withWarehouse(root, plan, async (conn) => {
    const sa = await computeSelfAssessment(conn, { plan });
    const snapshots = (await conn.runAndReadAll("SELECT strftime(snapshot, '%Y-%m-%d') AS s FROM snapshots ORDER BY snapshot"))
      .getRowObjectsJson()
      .map((r) => r.s as string);
    return {
      meta: { title: plan.title, snapshot: sa.snapshot, as_of: sa.as_of, snapshots, sample: isSampleData(root) },
      sa,
      prose: selfAssessmentProse(sa),
      tables: Object.fromEntries(selfAssessmentTables(sa).map((t) => [t.name, t])),
    };
  });
}
