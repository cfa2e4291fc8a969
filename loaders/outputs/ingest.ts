/**
 * The data-quality output (src/data/ingest.json): per file counts and located issues for the newest
 * snapshot, one row per snapshot for the weekly trend, and the contract's Chinese table names.
 * Everything counted here is in loaders/quality/sql/*.sql.
 */
import { resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { projectRoot } from "../config/paths.ts";
import { tableIdentities } from "../contract/tables.ts";
import type { PilotPlan } from "../plan/types.ts";
import type { QualityFileRow, QualityIssueRow, QualitySnapshotRow } from "../quality/types.ts";
import { runSqlFile } from "../warehouse/query.ts";
import { pageMeta, warehouseSnapshots, type Meta } from "../warehouse/snapshots.ts";

const sql = (name: string) => resolve(projectRoot, "loaders/quality/sql", `${name}.sql`);

/** Files, issues and the per-snapshot trend, for the current (newest) snapshot. */
export async function ingestSummary(conn: DuckDBConnection, plan: PilotPlan, sample = false) {
  const trend = await runSqlFile<QualitySnapshotRow>(conn, sql("quality_by_snapshot"));
  const snapshots = await warehouseSnapshots(conn);
  const meta: Meta | null = snapshots.length > 0 ? pageMeta({ title: plan.title, snapshots, sample }) : null;
  const snapshot = meta?.snapshot ?? null;
  return {
    meta,
    // Kept beside meta for the pages that read them directly (src/index.md).
    sample,
    snapshot,
    snapshots,
    tables: tableIdentities.map(({ key, zh }) => ({ key, zh })),
    files: snapshot ? await runSqlFile<QualityFileRow>(conn, sql("quality_files"), { snapshot }) : [],
    issues: snapshot ? await runSqlFile<QualityIssueRow>(conn, sql("quality_issues"), { snapshot }) : [],
    trend,
  };
}
