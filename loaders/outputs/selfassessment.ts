/** The 绩效自评估 page's data file: the self-assessment, its tables and its sentences, as the markdown prints them. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { isSampleData } from "../config/paths.ts";
import { withWarehouse, type Meta } from "./report.ts";
import type { Report } from "../kpi/reportTypes.ts";
import { warehouseMeta } from "../warehouse/snapshots.ts";
import type { PilotPlan } from "../plan/types.ts";
import { computeSelfAssessment } from "../selfassessment/compute.ts";
import { selfAssessmentProse, type SaProse } from "../selfassessment/prose.ts";
import { selfAssessmentTables, type SaTable } from "../selfassessment/tables.ts";
import type { SelfAssessment } from "../selfassessment/types.ts";

export interface SelfAssessmentPageData {
  meta: Meta;
  sa: SelfAssessment;
  prose: SaProse;
  /** By name (the tables of tables.ts). */
  tables: Record<string, SaTable>;
}

/** The self-assessment page's data for data root `root`. */
export async function selfAssessmentPageData(root: string, plan: PilotPlan): Promise<SelfAssessmentPageData> {
  return withWarehouse(root, plan, (conn) => selfAssessmentPageDataOn(conn, root, plan));
}

/** selfAssessmentPageData on an open warehouse of `root`; `known`: a report already read (loadReport), used when it is the newest (reportAsOf). */
export async function selfAssessmentPageDataOn(conn: DuckDBConnection, root: string, plan: PilotPlan, known?: Report): Promise<SelfAssessmentPageData> {
  const sa = await computeSelfAssessment(conn, { plan, ...(known ? { known } : {}) });
  return {
    meta: await warehouseMeta(conn, { title: plan.title, sample: isSampleData(root), snapshot: sa.snapshot, asOf: sa.as_of }),
    sa,
    prose: selfAssessmentProse(sa),
    tables: Object.fromEntries(selfAssessmentTables(sa).map((t) => [t.name, t])),
  };
}
