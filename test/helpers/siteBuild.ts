/**
 * Test helpers for sites built from src/: a lock around each build, and Framework's data loaders
 * run in this process.
 *
 * Every build of src/ (any audience) shares src/.observablehq/cache, and scripts/prebuild.ts clears
 * its loader outputs when the audience changes: two test files building at once (vitest runs two
 * workers) would read each other's outputs. `withSourceBuild` makes them take turns.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { projectRoot } from "../../loaders/config/paths.ts";
import { tryLock } from "../../loaders/warehouse/lock.ts";

const lock = resolve(projectRoot, ".cache/test-src-build.lock");

/** Run `fn` (a build of src/) while no other test process builds src/. */
export async function withSourceBuild<T>(fn: () => T | Promise<T>): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  // tryLock clears a lock whose process is gone (a run that was killed).
  while (!tryLock(lock)) await new Promise((r) => setTimeout(r, 250));
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Run the site's data loader (src/data.zip.ts) in this process with `env` set, as Framework runs it
 * for a build, and write each member `keep` accepts to `out/_file/data/<member>`: where a site keeps
 * the files Framework serves from the archive (data/funds.json, data/districts/liwan.json …), so
 * the leak scan treats them as data. The loader prints at import: each run imports it afresh (a
 * query naming `tag`), while the modules it imports stay shared. Framework's build copies the
 * members' bytes unchanged; districts.test.ts checks that against real builds. Returns the names
 * of every member the archive holds.
 */
export async function runSiteLoader(env: Record<string, string>, out: string, tag: string, keep: (member: string) => boolean = () => true): Promise<string[]> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const write = process.stdout.write;
  const chunks: Buffer[] = [];
  try {
    process.stdout.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), cb?: () => void) => {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk));
      const done = typeof encoding === "function" ? encoding : cb;
      done?.();
      return true;
    }) as typeof process.stdout.write;
    try {
      const url = `${pathToFileURL(join(projectRoot, "src/data.zip.ts")).href}?run=${encodeURIComponent(tag)}`;
      await import(/* @vite-ignore */ url);
    } finally {
      process.stdout.write = write;
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const members = Object.values(zip.files).filter((f) => !f.dir);
  for (const m of members.filter((f) => keep(f.name))) {
    const file = join(out, "_file/data", m.name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await m.async("nodebuffer"));
  }
  return members.map((m) => m.name).sort();
}
