/**
 * The data-quality output (data/quality.json): per file counts and located issues for the newest
 * snapshot, one row per snapshot for the weekly trend, and the contract's Chinese table names.
 * Everything counted here is in loaders/sql/quality/*.sql.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { tableIdentities } from "../contract/tables.ts";
import type { PilotPlan } from "../plan/types.ts";
import type { QualityFileRow, QualityIssueRow, QualitySnapshotRow } from "../quality/types.ts";
import { runQueryFile } from "../warehouse/query.ts";
import { pageMeta, warehouseSnapshots, type Meta } from "../warehouse/snapshots.ts";


/** Files, issues and the per-snapshot trend, for the current (newest) snapshot. */
export async function qualitySummary(conn: DuckDBConnection, plan: PilotPlan, sample = false) {
  const trend = await runQueryFile<QualitySnapshotRow>(conn, "quality", "quality_by_snapshot");
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
    files: snapshot ? await runQueryFile<QualityFileRow>(conn, "quality", "quality_files", { snapshot }) : [],
    issues: snapshot ? await runQueryFile<QualityIssueRow>(conn, "quality", "quality_issues", { snapshot }) : [],
    trend,
  };
}
