// The plan facts pages format with (level names; see loaders/outputs/pages.ts planJson).
import { planJson } from "../../loaders/outputs/pages.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

process.stdout.write(planJson(loadPlan()));
