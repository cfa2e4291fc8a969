/**
 * The roll-up as the site's loaders get it: the bundles folder ($PILOT_BUNDLES), the as-of date
 * ($PILOT_ROLLUP_AS_OF, optional) and the programme file ($PILOT_PROGRAMME, default
 * plans/programme.json), set by scripts/build-rollup.ts. Computed once per inputs print and cached
 * in .cache/rollup/ (Framework runs each loader as its own process).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fingerprint, refreshStamp } from "../config/fingerprint.ts";
import { projectRoot } from "../config/paths.ts";
import { zhDate } from "../format/format.ts";
import { computeRollup } from "./compute.ts";
import { readBundles } from "./bundles.ts";
import { programmeFile, readProgramme } from "./programme.ts";
import type { RollupData } from "./types.ts";

export interface RollupEnv {
  bundlesDir: string;
  asOf?: string;
  programmeFile: string;
}

/** The roll-up's inputs from the environment; throws when $PILOT_BUNDLES is not set. */
export function rollupEnv(env: NodeJS.ProcessEnv = process.env): RollupEnv {
  if (!env.PILOT_BUNDLES) throw new Error("PILOT_BUNDLES 未设置(请用 npm run build:rollup -- --bundles DIR) / PILOT_BUNDLES is not set (use npm run build:rollup -- --bundles DIR)");
  return { bundlesDir: resolve(env.PILOT_BUNDLES), asOf: env.PILOT_ROLLUP_AS_OF || undefined, programmeFile: programmeFile([], env) };
}

/** What the roll-up's output depends on: the bundles (paths and bytes), as-of, programme file and roll-up code. */
export function rollupPrint(e: RollupEnv): string {
  return fingerprint([
    e.bundlesDir,
    { tree: e.bundlesDir, as: "bundles" },
    { json: e.asOf ?? null, as: "asOf" },
    { file: e.programmeFile, as: "programme" },
    { tree: resolve(projectRoot, "loaders"), as: "loaders" },
  ]);
}

const cacheDir = resolve(projectRoot, ".cache/rollup");

/** The roll-up for the environment's inputs, from cache when they print the same. */
export async function loadRollup(e: RollupEnv = rollupEnv()): Promise<RollupData> {
  const file = join(cacheDir, `${rollupPrint(e).slice(0, 24)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as RollupData;
  const data = await computeRollup({ bundlesDir: e.bundlesDir, asOf: e.asOf, programme: readProgramme(e.programmeFile) });
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, file);
  return data;
}

/** Clear the roll-up site's Framework loader cache when its inputs print otherwise than at the last build. */
export function resetRollupLoaderCache(sourceRoot: string, e: RollupEnv): boolean {
  const dot = resolve(projectRoot, sourceRoot, ".observablehq");
  return refreshStamp(join(dot, "cache.fingerprint"), rollupPrint(e), () => rmSync(join(dot, "cache"), { recursive: true, force: true }));
}

/** The banner above every roll-up page: as-of date, bundles used and skipped, and 示例数据 when any bundle is sample data. */
export function rollupBanner(e: RollupEnv): string {
  const { bundles, problems } = readBundles(e.bundlesDir);
  const asOf = e.asOf ?? bundles.map((b) => b.manifest.dataDate).sort().at(-1);
  const when = asOf ? `汇总截至 ${zhDate(asOf)}` : "无可读取的数据包";
  const skipped = new Set(problems.map((p) => p.bundle)).size;
  const counts = `<span class="data-class" role="note">${bundles.length} 个城市数据包${skipped ? `,${skipped} 个未通过校验` : ""}</span>`;
  const sample = bundles.some((b) => b.manifest.sample) ? `<span class="sample-flag" role="note">示例数据 · 虚构数据,仅供演示,不代表真实进展</span>` : "";
  return `<div class="data-banner">${counts}<span class="data-date">${when}</span>${sample}</div>`;
}

/** The city pages' paths, one per readable bundle (by plan id). */
export function rollupCityPaths(e: RollupEnv): string[] {
  return readBundles(e.bundlesDir).bundles.map((b) => `/cities/${b.manifest.planId}`);
}
