/**
 * The one answer to "did the inputs change?" for every cache: the warehouse and its per-snapshot
 * files (loaders/warehouse/build.ts), the KPI report cache (loaders/outputs/report.ts) and
 * Framework's loader caches of the internal and public sites (loaders/config/loaderCache.ts).
 *
 * A print is the SHA-256 of what the inputs hold, never of when they were written: a value (the
 * pilot plan is one: its content, whichever file it was read from), a file's path
 * (relative to the folder given, so a copied data root prints the same) and its bytes. A file
 * touched or copied without a change keeps its print and every cache is reused; one byte changed,
 * a file added, removed or renamed changes it. Names starting with "." (editor and system files,
 * Framework's own .observablehq) are left out; symlinked folders and files are followed, as the
 * ingest follows them.
 *
 * Caches the code owns are named after their print (.cache/warehouse/<print>.duckdb,
 * .cache/report/<prints>.json): another print finds no file. For a cache a tool owns (Framework's
 * .observablehq/cache) the convention is a stamp: a file `<name>.fingerprint` beside the cache (not
 * inside it) holding the print of the inputs the cache was made from. When the current inputs
 * print otherwise, the cache is cleared first and the stamp written after, so an interrupted clear
 * is retried by the next run (refreshStamp).
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A part of a print: a string (a code version, a path, a date), a JSON value (printed as canonical
 * JSON: object keys sorted, so key order does not matter), one file, or every file under a folder.
 */
export type FingerprintPart = string | { json: unknown; as?: string } | { file: string; as?: string } | { tree: string; as?: string };

/** `value` as JSON with every object's keys sorted: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Every file under `dir` (following symlinks, skipping hidden names), as paths relative to it with "/", sorted. */
export function treeFiles(dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (abs: string, rel: string): void => {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return; // a dangling link
    }
    if (seen.has(real)) return; // a link back into the tree
    seen.add(real);
    for (const name of readdirSync(abs).sort()) {
      if (name.startsWith(".")) continue;
      const p = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const s = statSync(p, { throwIfNoEntry: false });
      if (s?.isDirectory()) visit(p, r);
      else if (s?.isFile()) out.push(r);
    }
  };
  if (existsSync(dir)) visit(dir, "");
  return out.sort();
}

// Each field is written with its length, so that no two different lists of parts hash alike.
function put(h: Hash, tag: string, data: string | Buffer): void {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  h.update(`${tag}${bytes.length}:`).update(bytes);
}

/** The print of `parts`, in order: 64 hex digits. */
export function fingerprint(parts: readonly FingerprintPart[]): string {
  const h = createHash("sha256");
  for (const part of parts) {
    if (typeof part === "string") put(h, "v", part);
    else if ("json" in part) {
      put(h, "j", part.as ?? "");
      put(h, "b", canonicalJson(part.json) ?? "undefined");
    } else if ("file" in part) {
      put(h, "f", part.as ?? "");
      put(h, "b", readFileSync(part.file));
    } else {
      put(h, "t", part.as ?? "");
      for (const rel of treeFiles(part.tree)) {
        put(h, "p", rel);
        put(h, "b", readFileSync(join(part.tree, rel)));
      }
      put(h, "e", "");
    }
  }
  return h.digest("hex");
}

/**
 * The stamp convention: whether the stamp file `stamp` (`<name>.fingerprint`) holds another print
 * than `print`; if so, `clear()` runs, then the stamp is written. True when it was stale (and the
 * cache it guards is now cleared).
 */
export function refreshStamp(stamp: string, print: string, clear: () => void): boolean {
  if (!stamp.endsWith(".fingerprint")) throw new Error(`a stamp file is named <name>.fingerprint: ${stamp}`);
  const before = existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
  if (before === print) return false;
  clear();
  mkdirSync(dirname(stamp), { recursive: true });
  const tmp = `${stamp}.tmp-${process.pid}`;
  writeFileSync(tmp, print);
  renameSync(tmp, stamp);
  return true;
}
