/**
 * One DuckDB warehouse per data root, built once and reused by every loader and command.
 * It is keyed on the input files' content, the plan's content and the ingest code, built into a temporary file under
 * a lock, then renamed into place: concurrent loaders wait for one build, and an interrupted build
 * leaves only a temporary file and a stale lock that the next build clears.
 *
 * A build ingests one snapshot at a time (ingest, write, drop: memory stays that of one snapshot)
 * and keeps each snapshot's rows in a small DuckDB file of its own under .cache/warehouse/snapshots,
 * keyed on that snapshot folder's files, the plan and the ingest code. The next build copies the snapshots
 * whose files did not change from there instead of reading them again: a new weekly export or one
 * corrected file re-reads one snapshot, not all of them.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { formatIssue } from "../ingest/issues.ts";
import { scanRoot } from "../ingest/root.ts";
import { ingestSnapshots } from "../ingest/parallel.ts";
import { ingestSnapshot } from "../ingest/snapshot.ts";
import type { IngestResult, LocatedIssue } from "../ingest/types.ts";
import { fingerprint } from "../config/fingerprint.ts";
import { projectRoot } from "../config/paths.ts";
import type { PilotPlan } from "../plan/types.ts";
import { sweep, tryLock } from "./lock.ts";
import { copySnapshotFile, pruneSnapshotFiles, rowCount, saveSnapshotFile, snapshotFilePaths } from "./snapshotFiles.ts";
import { writeIssues, writeSchema, writeSnapshotRow, writeSnapshotRows } from "./write.ts";

const cacheDir = resolve(projectRoot, ".cache/warehouse");
const snapshotCacheDir = join(cacheDir, "snapshots");
/** Source folders whose code decides what the warehouse holds: a change there rebuilds it. */
const codeDirs = ["loaders/contract", "loaders/ingest", "loaders/plan", "loaders/warehouse"].map((d) => resolve(projectRoot, d));
const keep = 4;

/**
 * Print of what decides how files are read into the warehouse: the code, and the plan the ingest
 * and the schema read (districts, industries, enum values, caps). Another plan file, or one value
 * of it edited, prints otherwise: the warehouse and every per-snapshot file are rebuilt.
 */
function codeHash(plan: PilotPlan): string {
  return fingerprint([...codeDirs.map((d) => ({ tree: d, as: relative(projectRoot, d) })), { json: plan, as: "plan" }]);
}

/** The cache key of a data root: its files' names (relative to it) and bytes, the plan, and the code that ingests them. */
export function warehouseKey(root: string, plan: PilotPlan): string {
  return fingerprint([codeHash(plan), { tree: root, as: "data" }]).slice(0, 24);
}

/** Thrown when the inputs cannot be ingested at all; the message lists every fatal problem. */
export class IngestFailed extends Error {
  constructor(readonly result: IngestResult) {
    super(
      `数据无法导入 / the data cannot be ingested (${result.root}):\n` + result.fatal.map((i) => formatIssue(i)).join("\n"),
    );
    this.name = "IngestFailed";
  }
}

/** The per-snapshot files a build of `root` against `plan` would use (whether they exist yet or not), oldest snapshot first. */
export function snapshotCacheFiles(root: string, plan: PilotPlan, dir: string = snapshotCacheDir): string[] {
  return snapshotFilePaths(scanRoot(root), codeHash(plan), dir);
}

/** How a warehouse build went: which snapshots it read and which it copied from earlier builds. */
export interface BuildStats {
  /** Snapshots read from their files, and copied from an earlier build's snapshot file. */
  ingested: string[];
  reused: string[];
  /**
   * Milliseconds the build waited for ingested snapshots (read, normalise, validate; in worker
   * threads these overlap the writing of earlier snapshots), and the whole build (scan and hashing
   * of the inputs included).
   */
  ingestMs: number;
  totalMs: number;
}

/**
 * Build the warehouse of `root` into `target`, one snapshot at a time. `snapshotCache` is the folder
 * of per-snapshot files (null: read every snapshot and keep nothing); `workers` the worker threads
 * that read snapshots (default: ingestWorkers(), one per core). Throws IngestFailed, listing
 * every fatal problem of every snapshot, when any file cannot be ingested. Ingests against `plan`.
 */
export async function buildWarehouse(
  root: string,
  target: string,
  plan: PilotPlan,
  opts: { snapshotCache?: string | null; workers?: number } = {},
): Promise<BuildStats> {
  const started = performance.now();
  const cache = opts.snapshotCache === undefined ? snapshotCacheDir : opts.snapshotCache;
  if (cache) mkdirSync(cache, { recursive: true });
  const scan = scanRoot(root);
  const code = codeHash(plan);
  const fatal: LocatedIssue[] = [...scan.fatal];
  const stats: BuildStats = { ingested: [], reused: [], ingestMs: 0, totalMs: 0 };
  const used: string[] = [];
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = await DuckDBInstance.create(tmp);
  const conn = await db.connect();
  let finished = false;
  try {
    await writeSchema(conn, plan);
    for (const snap of scan.snapshots) await writeSnapshotRow(conn, snap.date, snap.dir);
    await writeIssues(conn, scan.issues);
    const files = cache ? snapshotFilePaths(scan, code, cache) : scan.snapshots.map(() => null);
    // The snapshots with no file to copy from are read ahead, on every core, while this thread writes.
    const toRead = scan.snapshots.filter((_, i) => !files[i] || !existsSync(files[i]!));
    const reading = ingestSnapshots(root, toRead, plan, opts.workers);
    try {
      for (const [i, snap] of scan.snapshots.entries()) {
        fatal.push(...snap.missing);
        const file = files[i] ?? null;
        let r: Awaited<ReturnType<typeof ingestSnapshot>>;
        const t = performance.now();
        if (toRead.includes(snap)) {
          r = (await reading.next()).value as typeof r;
        } else if (file && (await copySnapshotFile(conn, file))) {
          used.push(file);
          stats.reused.push(snap.date);
          continue;
        } else {
          r = await ingestSnapshot(snap, scan.display, plan); // its file vanished (pruned by another build)
        }
        stats.ingestMs += performance.now() - t;
        stats.ingested.push(snap.date);
        // Every snapshot is read and its good ones written and saved even after a fatal problem
        // elsewhere: the error then lists all problems, and the corrected build copies the rest.
        fatal.push(...r.fatal);
        if (r.fatal.length > 0 || snap.missing.length > 0) continue;
        const issuesBefore = await rowCount(conn, "ingest_issues");
        await writeSnapshotRows(conn, r.snapshot, plan);
        if (file) {
          await saveSnapshotFile(conn, file, snap.date, issuesBefore);
          used.push(file);
        }
      }
    } finally {
      await reading.return(undefined);
    }
    if (fatal.length === 0) await conn.run("CHECKPOINT");
    finished = true;
  } finally {
    conn.closeSync();
    db.closeSync();
    rmSync(`${tmp}.wal`, { force: true });
    // A build that threw or found fatal input problems (reported below) leaves no warehouse behind.
    if (!finished || fatal.length > 0) rmSync(tmp, { force: true });
  }
  if (cache) pruneSnapshotFiles(cache, used);
  if (fatal.length > 0) throw new IngestFailed({ root, snapshots: [], issues: scan.issues, fatal });
  renameSync(tmp, target);
  stats.totalMs = performance.now() - started;
  return stats;
}

/** Mark a warehouse as just used (its mtime), for prune(); gone already: nothing to mark. */
function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Pruned by another process between the check and here: the caller's open reports it.
  }
}

// Warehouses built or handed out this recently are never pruned: another process may be about to open one.
const PRUNE_MIN_AGE_MS = 10 * 60_000;

function prune(current: string): void {
  const now = Date.now();
  const files = readdirSync(cacheDir)
    .filter((f) => f.endsWith(".duckdb"))
    .map((f) => ({ path: join(cacheDir, f), mtimeMs: statSync(join(cacheDir, f), { throwIfNoEntry: false })?.mtimeMs ?? now }))
    .filter((f) => f.path !== current)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const f of files.slice(keep - 1)) if (now - f.mtimeMs > PRUNE_MIN_AGE_MS) rmSync(f.path, { force: true });
  sweep(cacheDir);
}

/** Path of the warehouse for `root`, building it first if no current one exists. */
export async function ensureWarehouse(root: string, plan: PilotPlan, opts: { timeoutMs?: number } = {}): Promise<string> {
  return (await prepareWarehouse(root, plan, opts)).path;
}

/** ensureWarehouse, also telling whether this call built the warehouse (false: it existed, or another process built it). */
export async function prepareWarehouse(root: string, plan: PilotPlan, opts: { timeoutMs?: number } = {}): Promise<{ path: string; built: boolean }> {
  mkdirSync(cacheDir, { recursive: true });
  sweep(cacheDir);
  const key = warehouseKey(root, plan);
  const target = join(cacheDir, `${key}.duckdb`);
  const lock = join(cacheDir, `${key}.lock`);
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  let built = false;
  while (!existsSync(target)) {
    if (tryLock(lock)) {
      try {
        if (!existsSync(target)) {
          await buildWarehouse(root, target, plan);
          built = true;
        }
      } finally {
        rmSync(lock, { force: true });
      }
      prune(target);
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another build of ${target}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  // Handed out now: prune() spares a warehouse used in the last PRUNE_MIN_AGE_MS, not only one built
  // then. A warehouse built long ago for the same inputs (its key is their content) was otherwise
  // deleted by another build's prune between this call and the caller opening it.
  if (!built) touch(target);
  return { path: target, built };
}

/** Open the warehouse of `root` read-only (several processes may read it at once). */
export async function openWarehouse(root: string, plan: PilotPlan): Promise<{ conn: DuckDBConnection; path: string; close: () => void }> {
  const path = await ensureWarehouse(root, plan);
  const db = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  return {
    conn,
    path,
    close: () => {
      conn.closeSync();
      db.closeSync();
    },
  };
}
