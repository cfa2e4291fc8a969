/**
 * The Guangzhou plan for tests, read from plans/guangzhou.json through the loader (and so checked
 * against the schema and the semantic rules), as every entry point reads a plan. Tests that need
 * another plan build it from this one (`{ ...plan, … }`) or write a file and call readPlanFile.
 */
import { resolve } from "node:path";
import { projectRoot } from "../../loaders/config/paths.ts";
import { defaultPlanFile, readPlanFile } from "../../loaders/plan/load.ts";
import { planJson, type PlanFacts } from "../../loaders/outputs/pages.ts";

export const plan = readPlanFile(resolve(projectRoot, defaultPlanFile));

/** data/plan.json as pages read it for this plan (headline counts, area noun …). */
export const planFacts = JSON.parse(planJson(plan)) as PlanFacts;
