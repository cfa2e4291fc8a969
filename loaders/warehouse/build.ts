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

function tryLock(lock: string): boolean {
  try {
    const fd = openSync(lock, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // A lock whose process died (an interrupted build) is stale: clear it and try again.
    const pid = Number(readFileSync(lock, "utf8") || "0");
    if (pid && !alive(pid)) {
      rmSync(lock, { force: true });
      return tryLock(lock);
    }
    return false;
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

function prune(current: string): void {
  const files = readdirSync(cacheDir)
    .filter((f) => f.endsWith(".duckdb"))
    .map((f) => join(cacheDir, f))
    .filter((f) => f !== current)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const f of files.slice(keep - 1)) rmSync(f, { force: true });
  // Temporary files of builds whose process is gone.
  for (const f of readdirSync(cacheDir)) {
    const m = /\.tmp-(\d+)$/.exec(f);
    if (m && !alive(Number(m[1]))) rmSync(join(cacheDir, f), { force: true });
  }
}

/** Path of the warehouse for `root`, building it first if no current one exists. */
export async function ensureWarehouse(root: string, opts: { timeoutMs?: number } = {}): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const key = warehouseKey(root);
  const target = join(cacheDir, `${key}.duckdb`);
  const lock = join(cacheDir, `${key}.lock`);
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  while (!existsSync(target)) {
    if (tryLock(lock)) {
      try {
        if (!existsSync(target)) await build(root, target);
      } finally {
        rmSync(lock, { force: true });
      }
      prune(target);
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another build of ${target}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return target;
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
