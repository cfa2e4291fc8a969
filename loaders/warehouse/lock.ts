/**
 * Build locks for the warehouse cache: a lock file holding the builder's pid (created with O_EXCL),
 * cleared when its process is gone, and the sweep of what interrupted builds left behind
 * (`<name>.tmp-<pid>` files and their write-ahead logs).
 */
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Whether process `pid` still runs (EPERM: it runs under another user). Also the publish lock's test (scripts/lib/releases.ts). */
export function alive(pid: number): boolean {
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

export function tryLock(lock: string): boolean {
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

/** Clear what interrupted builds left in `dir`: temporary files of dead processes and their stale locks. */
export function sweep(dir: string): void {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const m = TMP_RE.exec(f);
    if (m && !alive(Number(m[1]))) rmSync(p, { force: true });
    else if (f.endsWith(".lock") && staleLock(p)) rmSync(p, { force: true });
  }
}

