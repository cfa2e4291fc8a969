/**
 * Framework caches a loader's output until the loader file itself changes: it notices neither a
 * different PILOT_DATA nor new exports nor edits to the modules a loader imports. A build must
 * never show numbers from another data root (a test fixture, last month's exports), another plan
 * or older code, so scripts/prebuild.ts (internal site) and observablehq.public.config.ts (public
 * site) clear the loader cache whenever the data root, its files, the plan or the loader code print
 * otherwise than at the last build (loaders/config/fingerprint.ts: content, not timestamps), and
 * keep it otherwise.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fingerprint, refreshStamp } from "./fingerprint.ts";
import { projectRoot } from "./paths.ts";
import type { PilotPlan } from "../plan/types.ts";

/**
 * What loader output depends on: the data root (its path too: a sample root is flagged as such)
 * and its files, the plan (its content: a plan file edited, or another one chosen, prints
 * otherwise), and the code loaders run (loaders/, and the formatters they share with the pages in
 * src/components/).
 */
export function loaderInputsFingerprint(dataRoot: string, plan: PilotPlan): string {
  return fingerprint([
    resolve(dataRoot),
    { tree: dataRoot, as: "data" },
    { json: plan, as: "plan" },
    { tree: resolve(projectRoot, "loaders"), as: "loaders" },
    { tree: resolve(projectRoot, "src/components"), as: "src/components" },
  ]);
}

/** Framework's loader cache of a source root, and the stamp beside it. */
export function loaderCachePaths(sourceRoot: string): { cache: string; stamp: string } {
  const dot = resolve(projectRoot, sourceRoot, ".observablehq");
  return { cache: resolve(dot, "cache"), stamp: resolve(dot, "cache.fingerprint") };
}

/**
 * Entries of Framework's cache that hold no loader output: its bundles of node_modules (`_node`,
 * `_npm`) and of its own client (`_observablehq`). They depend on the installed packages only
 * (each under its name@version), never on the data, the plan or the loader code.
 */
export const frameworkBundles: ReadonlySet<string> = new Set(["_node", "_npm", "_observablehq"]);

/**
 * Delete the loader outputs in `cache`, keeping Framework's bundles: rebundling node_modules took
 * about 9 s of every build after a new export (issue 17), for bytes that cannot have changed.
 * Returns the entries deleted.
 */
export function clearLoaderOutputs(cache: string): string[] {
  if (!existsSync(cache)) return [];
  const outputs = readdirSync(cache).filter((e) => !frameworkBundles.has(e));
  for (const e of outputs) rmSync(join(cache, e), { recursive: true, force: true });
  return outputs;
}

/** Clear the loader outputs in `sourceRoot`/.observablehq/cache when the loader inputs changed since the last call; true when cleared. */
export function resetStaleLoaderCache(sourceRoot: string, dataRoot: string, plan: PilotPlan): boolean {
  const { cache, stamp } = loaderCachePaths(sourceRoot);
  return refreshStamp(stamp, loaderInputsFingerprint(dataRoot, plan), () => void clearLoaderOutputs(cache));
}
