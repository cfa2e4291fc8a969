/**
 * Framework caches a loader's output until the loader file itself changes: it notices neither a
 * different PILOT_DATA nor edits to the modules a loader imports. A public build must never ship
 * numbers from another data root (a test fixture, last month's exports), so the public config
 * clears the loader cache whenever the data root, its files or the loader code differ from the
 * last build's.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { projectRoot } from "../config/paths.ts";

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/** What the public loaders' output depends on: the data root (path, file names, sizes, times) and the loader code. */
export function publicDataFingerprint(dataRoot: string): string {
  const h = createHash("sha256").update(resolve(dataRoot)).update("\0");
  for (const f of files(dataRoot)) {
    const s = statSync(f);
    h.update(`${relative(dataRoot, f)}\0${s.size}\0${s.mtimeMs}\0`);
  }
  for (const f of files(resolve(projectRoot, "loaders"))) h.update(relative(projectRoot, f)).update(readFileSync(f));
  return h.digest("hex");
}

/** Clear `sourceRoot`/.observablehq/cache when the fingerprint changed since the last call; true when cleared. */
export function resetStaleLoaderCache(sourceRoot: string, dataRoot: string): boolean {
  const cache = resolve(projectRoot, sourceRoot, ".observablehq/cache");
  const stamp = resolve(projectRoot, sourceRoot, ".observablehq/pilot-data.fingerprint");
  const now = publicDataFingerprint(dataRoot);
  const before = existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
  if (before === now) return false;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(resolve(stamp, ".."), { recursive: true });
  writeFileSync(stamp, now);
  return true;
}
