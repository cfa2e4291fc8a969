/**
 * The per-snapshot files of the warehouse cache (.cache/warehouse/snapshots): each snapshot's rows
 * of every snapshot table in a small DuckDB file of its own, keyed on that snapshot folder's files,
 * the plan and the ingest code. A build copies the snapshots whose files did not change from there
 * instead of reading them again.
 */
import { readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { fingerprint } from "../config/fingerprint.ts";
import type { RootScan, ScannedSnapshot } from "../ingest/root.ts";
import { sweep } from "./lock.ts";
import { snapshotTables } from "./write.ts";

/** Snapshot files kept beyond those the latest build used (about 1 MB per snapshot at scale 1, 10 MB at scale 50). */
const keepSnapshots = 48;
// Files this recent are never pruned: another process may have just been handed one.
const PRUNE_MIN_AGE_MS = 10 * 60_000;

/**
 * The cache key of one snapshot: the ingest code, its date, and its table files' names (as shown in
 * messages, relative to the root) and bytes: everything ingestSnapshot reads.
 */
function snapshotKey(code: string, snap: ScannedSnapshot, display: (p: string) => string): string {
  return fingerprint([code, snap.date, display(snap.dir), ...snap.files.flatMap((f) => [f.table, { file: f.path, as: display(f.path) }])]).slice(0, 24);
}

/** Where each snapshot of `scan` is (or would be) saved under `dir`, oldest snapshot first. */
export function snapshotFilePaths(scan: RootScan, code: string, dir: string): string[] {
  return scan.snapshots.map((snap) => join(dir, `${snapshotKey(code, snap, scan.display)}.duckdb`));
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function rowCount(conn: DuckDBConnection, table: string): Promise<number> {
  return Number((await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${table}`)).getRowObjectsJson()[0]!.n);
}

/**
 * Save the snapshot just written into the warehouse to its own file: its rows of every snapshot
 * table (its issues are the ingest_issues rows appended after the first `issuesFrom`). DuckDB keeps
 * insertion order, so a later copy puts the rows back in the order a full build writes them.
 */
export async function saveSnapshotFile(conn: DuckDBConnection, path: string, date: string, issuesFrom: number): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  await conn.run(`ATTACH ${sqlString(tmp)} AS snapshot_file`);
  try {
    for (const t of snapshotTables) {
      const where = t === "ingest_issues" ? `rowid >= ${issuesFrom}` : `snapshot = DATE ${sqlString(date)}`;
      await conn.run(`CREATE TABLE snapshot_file.${t} AS SELECT * FROM ${t} WHERE ${where}`);
    }
  } finally {
    await conn.run("DETACH snapshot_file");
  }
  rmSync(`${tmp}.wal`, { force: true });
  renameSync(tmp, path);
}

/** Copy one snapshot file's rows into the warehouse; false when the file is gone or unreadable (another build pruned it). */
export async function copySnapshotFile(conn: DuckDBConnection, path: string): Promise<boolean> {
  try {
    await conn.run(`ATTACH ${sqlString(path)} AS snapshot_file (READ_ONLY)`);
  } catch {
    return false;
  }
  try {
    for (const t of snapshotTables) await conn.run(`INSERT INTO ${t} SELECT * FROM snapshot_file.${t}`);
  } finally {
    await conn.run("DETACH snapshot_file");
  }
  return true;
}

/** Keep the snapshot files this build used (marked as just used) and the most recently used others. */
export function pruneSnapshotFiles(dir: string, used: string[]): void {
  const now = new Date();
  for (const f of used) {
    try {
      utimesSync(f, now, now);
    } catch {}
  }
  const keepSet = new Set(used);
  sweep(dir);
  const others = readdirSync(dir)
    .filter((f) => f.endsWith(".duckdb"))
    .map((f) => join(dir, f))
    .filter((f) => !keepSet.has(f))
    .map((f) => ({ f, mtimeMs: statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? now.getTime() }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { f, mtimeMs } of others.slice(keepSnapshots)) {
    if (now.getTime() - mtimeMs > PRUNE_MIN_AGE_MS) rmSync(f, { force: true });
  }
}

