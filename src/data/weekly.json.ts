// Data of the 周报 page: the weekly review of the newest snapshot against the one before (loaders/weekly).
// A district build has no 周报 page (its lists span every district): it prints no review.
import { audienceFromEnv } from "../../loaders/config/audience.ts";
import { dataRoot } from "../../loaders/config/paths.ts";
import { loadPlan } from "../../loaders/plan/load.ts";
import { weeklyPageData } from "../../loaders/outputs/weekly.ts";

const plan = loadPlan();
process.stdout.write(JSON.stringify(audienceFromEnv(plan).kind === "city" ? await weeklyPageData(dataRoot([], process.env), plan) : { review: null, excluded: true }));
