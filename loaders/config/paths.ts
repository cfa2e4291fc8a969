/** Where things are: the project, the bundled sample, the data root a command or loader works on. */
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PlanError } from "../plan/planError.ts";

/** The project's root folder (where package.json is). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundled synthetic sample. */
export const sampleRoot = resolve(projectRoot, "data/sample");

/** A file that marks a data root as synthetic sample data (written by `npm run generate`). */
export const sampleMarker = "SAMPLE";

/** The plan used when neither --plan nor $PILOT_PLAN names one (relative to the project root). */
export const defaultPlanFile = "plans/guangzhou.json";

/** The plan file to use, as an absolute path: `--plan FILE` / `--plan=FILE` in argv, else $PILOT_PLAN, else the default. */
export function planFile(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf("--plan");
  if (i >= 0) {
    const value = argv[i + 1];
    if (!value || value.startsWith("--")) throw new PlanError(["--plan 需要计划文件路径 / --plan needs the path of a plan file"]);
    return resolve(value);
  }
  const eq = argv.find((a) => a.startsWith("--plan="));
  if (eq) return resolve(eq.slice("--plan=".length));
  if (env.PILOT_PLAN) return resolve(projectRoot, env.PILOT_PLAN);
  return resolve(projectRoot, defaultPlanFile);
}

/**
 * The synthetic sample a plan runs on when no data root is given: the bundled one (data/sample) for
 * the default plan; for any other plan file, one generated from that plan into
 * .cache/sample/<file name> (scripts/lib/planSample.ts writes it before a build or dev server).
 */
export function sampleRootFor(file: string): string {
  return file === resolve(projectRoot, defaultPlanFile) ? sampleRoot : resolve(projectRoot, ".cache/sample", basename(file, extname(file)));
}

/** The data root: `--data DIR` in argv, else $PILOT_DATA, else the sample of the plan (sampleRootFor). */
export function dataRoot(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf("--data");
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!);
  const eq = argv.find((a) => a.startsWith("--data="));
  if (eq) return resolve(eq.slice("--data=".length));
  if (env.PILOT_DATA) return resolve(env.PILOT_DATA);
  return sampleRootFor(planFile(argv, env));
}

/** True when the root is the bundled sample or a generated one: pages must then say 示例数据. */
export function isSampleData(root: string): boolean {
  // A single snapshot folder of a sample root is sample data too.
  if (existsSync(resolve(root, sampleMarker)) || existsSync(resolve(root, "..", sampleMarker))) return true;
  try {
    return realpathSync(root) === realpathSync(sampleRoot);
  } catch {
    return false;
  }
}
