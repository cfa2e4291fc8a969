/**
 * The one place the monitor chooses its pilot plan. Entry points (page loaders in src/data and
 * public/data, the Framework configs, the scripts/*.ts CLIs, bench) call loadPlan() once and pass
 * the plan on as a value; library code under loaders/ takes `plan: PilotPlan` and never imports a
 * plan file. For now it always returns the Guangzhou plan: choosing another plan (a `--plan`
 * option, PILOT_PLAN in the environment) is to be added here and nowhere else.
 */
import { guangzhou } from "./guangzhou.ts";
import type { PilotPlan } from "./types.ts";

/** The plan to run on. `env` is where a later PILOT_PLAN will be read; today it is unused. */
export function loadPlan(_env: NodeJS.ProcessEnv = process.env): PilotPlan {
  return guangzhou;
}
