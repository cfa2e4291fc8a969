/**
 * The one place the monitor reads its pilot plan (loaders/config/paths.ts planFile chooses the file). Entry points (page loaders in src/data and
 * public/data, the Framework configs, the scripts/*.ts CLIs, bench, the sample generator) call
 * loadPlan() once and pass the plan on as a value; library code under loaders/ takes
 * `plan: PilotPlan` and never reads a plan file.
 *
 * The plan is a JSON file (docs/plan-file.md): `--plan FILE` on the command line (relative to the
 * working folder), else $PILOT_PLAN (relative to the project root, so every loader Framework
 * starts finds the same file), else plans/guangzhou.json. It is checked on every load
 * (./validate.ts): a file with an error throws PlanError with located, bilingual messages, which
 * stops a build (its loaders fail) and makes a command exit non-zero.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { planFile, projectRoot } from "../config/paths.ts";
import type { PilotPlan } from "./types.ts";
import { parsePlan, PlanError } from "./validate.ts";

export { PlanError } from "./validate.ts";
export { defaultPlanFile, planFile } from "../config/paths.ts";

/** How messages name a plan file: relative to the project root when inside it, else absolute. */
export function planDisplayName(file: string): string {
  const rel = relative(projectRoot, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** Read and check the plan file `file`; throws PlanError when it cannot be read or has an error. */
export function readPlanFile(file: string): PilotPlan {
  const name = planDisplayName(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new PlanError([`计划文件 ${name} 无法读取(${code}) / plan file ${name} cannot be read (${code})`]);
  }
  return parsePlan(text, name);
}

/** The plan to run on (see planFile for how it is chosen), checked. */
export function loadPlan(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): PilotPlan {
  return readPlanFile(planFile(argv, env));
}
