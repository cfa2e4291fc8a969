/**
 * One DuckDB warehouse per data root, built once and reused by every loader and command.
 * It is keyed on the input files' content and the ingest code, built into a temporary file under
 * a lock, then renamed into place: concurrent loaders wait for one build, and an interrupted build
 * leaves only a temporary file and a stale lock that the next build clears.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { formatIssue } from "../ingest/issues.ts";
import { ingestRoot } from "../ingest/root.ts";
import type { IngestResult } from "../ingest/types.ts";
import { projectRoot } from "../config/paths.ts";
import { writeWarehouse } from "./write.ts";

const cacheDir = resolve(projectRoot, ".cache/warehouse");
/** Source folders whose code decides what the warehouse holds: a change there rebuilds it. */
const codeDirs = ["loaders/contract", "loaders/ingest", "loaders/plan", "loaders/warehouse"].map((d) => resolve(projectRoot, d));
const keep = 4;

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** The cache key of a data root: its files' names and bytes, and the code that ingests them. */
export function warehouseKey(root: string): string {
  const h = createHash("sha256");
  for (const dir of codeDirs) for (const f of listFiles(dir)) h.update(relative(projectRoot, f)).update(readFileSync(f));
  h.update("\0data\0");
  for (const f of listFiles(root)) h.update(relative(root, f)).update("\0").update(readFileSync(f));
  return h.digest("hex").slice(0, 24);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// A lock holding no pid was created by a process killed before it could write one.
const EMPTY_LOCK_STALE_MS = 10_000;

/** Whether a lock belongs to a build that can no longer finish: its process is gone. */
function staleLock(lock: string): boolean {
  let text: string;
  let mtimeMs: number;
  try {
    text = readFileSync(lock, "utf8");
    mtimeMs = statSync(lock).mtimeMs;
  } catch {
    return false; // already gone: the caller simply tries again
  }
  const pid = Number(text.trim());
  if (Number.isInteger(pid) && pid > 0) return !alive(pid);
  return Date.now() - mtimeMs > EMPTY_LOCK_STALE_MS;
}

function tryLock(lock: string): boolean {
  try {
    const fd = openSync(lock, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // A lock whose process died (an interrupted build) is stale: clear it and try again.
    if (staleLock(lock)) {
      rmSync(lock, { force: true });
      return tryLock(lock);
    }
    return false;
  }
}

// "<key>.duckdb.tmp-<pid>" and the write-ahead log DuckDB keeps beside it.
const TMP_RE = /\.tmp-(\d+)(?:\.wal)?$/;

/** Clear what interrupted builds left: temporary files of dead processes and their stale locks. */
function sweep(): void {
  for (const f of readdirSync(cacheDir)) {
    const p = join(cacheDir, f);
    const m = TMP_RE.exec(f);
    if (m && !alive(Number(m[1]))) rmSync(p, { force: true });
    else if (f.endsWith(".lock") && staleLock(p)) rmSync(p, { force: true });
  }
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

async function build(root: string, target: string): Promise<void> {
  const result = await ingestRoot(root);
  if (result.fatal.length > 0) throw new IngestFailed(result);
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = await DuckDBInstance.create(tmp);
  const conn = await db.connect();
  try {
    await writeWarehouse(conn, result);
    await conn.run("CHECKPOINT");
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  rmSync(`${tmp}.wal`, { force: true });
  renameSync(tmp, target);
}

// Warehouses this recent are never pruned: another process may have just been handed one.
const PRUNE_MIN_AGE_MS = 10 * 60_000;

function prune(current: string): void {
  const now = Date.now();
  const files = readdirSync(cacheDir)
    .filter((f) => f.endsWith(".duckdb"))
    .map((f) => ({ path: join(cacheDir, f), mtimeMs: statSync(join(cacheDir, f), { throwIfNoEntry: false })?.mtimeMs ?? now }))
    .filter((f) => f.path !== current)
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const f of files.slice(keep - 1)) if (now - f.mtimeMs > PRUNE_MIN_AGE_MS) rmSync(f.path, { force: true });
  sweep();
}

/** Path of the warehouse for `root`, building it first if no current one exists. */
export async function ensureWarehouse(root: string, opts: { timeoutMs?: number } = {}): Promise<string> {
  return (await prepareWarehouse(root, opts)).path;
}

/** ensureWarehouse, also telling whether this call built the warehouse (false: it existed, or another process built it). */
export async function prepareWarehouse(root: string, opts: { timeoutMs?: number } = {}): Promise<{ path: string; built: boolean }> {
  mkdirSync(cacheDir, { recursive: true });
  sweep();
  const key = warehouseKey(root);
  const target = join(cacheDir, `${key}.duckdb`);
  const lock = join(cacheDir, `${key}.lock`);
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  let built = false;
  while (!existsSync(target)) {
    if (tryLock(lock)) {
      try {
        if (!existsSync(target)) {
          await build(root, target);
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
  return { path: target, built };
}

/** Open the warehouse of `root` read-only (several processes may read it at once). */
export async function openWarehouse(root: string): Promise<{ conn: DuckDBConnection; path: string; close: () => void }> {
  const path = await ensureWarehouse(root);
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
