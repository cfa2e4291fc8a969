/** The data-quality output: per file counts and located issues for the newest snapshot, and the weekly trend. */
import { resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { projectRoot } from "../config/paths.ts";
import { queryRows, sqlText } from "../warehouse/query.ts";

const sql = (name: string) => sqlText(resolve(projectRoot, "loaders/quality/sql", `${name}.sql`));

/** Files, issues and the per-snapshot trend, for the current (newest) snapshot. */
export async function ingestSummary(conn: DuckDBConnection) {
  const [{ snapshot }] = await queryRows<{ snapshot: string }>(conn, "SELECT strftime(max(snapshot), '%Y-%m-%d') AS snapshot FROM snapshots");
  const snapshots = (await queryRows<{ s: string }>(conn, "SELECT strftime(snapshot, '%Y-%m-%d') AS s FROM snapshots ORDER BY snapshot")).map((r) => r.s);
  return {
    snapshot,
    snapshots,
    files: await queryRows(conn, sql("quality_files"), { snapshot }),
    issues: await queryRows(conn, sql("quality_issues"), { snapshot }),
    trend: await queryRows(conn, sql("quality_by_snapshot")),
  };
}
