/**
 * The sample of a plan other than the default, made before a build or a dev server needs it: with
 * no --data and no $PILOT_DATA, `PILOT_PLAN=plans/x.json npm start` runs on a synthetic sample
 * generated from that plan (scripts/generate.ts, fixed seed, scale 1) into the root
 * loaders/config/paths.ts sampleRootFor names. It is written again when the plan file or the
 * generator changes (a stamp beside it, loaders/config/fingerprint.ts), never otherwise.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fingerprint, refreshStamp } from "../../loaders/config/fingerprint.ts";
import { dataRoot, planFile, projectRoot, sampleRoot, sampleRootFor } from "../../loaders/config/paths.ts";
import { readPlanFile } from "../../loaders/plan/load.ts";

/** Generate the plan's sample when the data root is one and is missing or stale; returns the data root. */
export function ensurePlanSample(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const root = dataRoot(argv, env);
  const file = planFile(argv, env);
  if (root === sampleRoot || root !== sampleRootFor(file)) return root;
  // A plan with an error stops here with its located messages (PlanError), before any generating.
  readPlanFile(file);
  const print = fingerprint([{ file, as: "plan" }, { tree: resolve(projectRoot, "scripts/sample"), as: "generator" }, { file: resolve(projectRoot, "scripts/generate.ts"), as: "cli" }]);
  refreshStamp(`${root}.fingerprint`, print, () => {
    rmSync(root, { recursive: true, force: true });
    // On stderr: a command such as `report --format json` keeps stdout for its own output.
    console.error(`sample: generating the sample of ${file} into ${root}`);
    const r = spawnSync(join(projectRoot, "node_modules/.bin/tsx"), ["scripts/generate.ts", "--plan", file, "--out", root], { cwd: projectRoot, stdio: ["ignore", 2, 2] });
    if (r.status !== 0) throw new Error(`generating the sample of ${file} failed (exit ${r.status ?? r.signal})`);
  });
  return root;
}
