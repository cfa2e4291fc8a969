// Data of the 统计口径 page: every counting rule with its source (see loaders/outputs/pages.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { pageJson } from "../../loaders/outputs/pages.ts";
import { loadAudienceReport } from "../../loaders/outputs/scope.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const plan = loadPlan();
const { report, meta } = await loadAudienceReport(dataRoot([], process.env), plan);
process.stdout.write(pageJson("methodology", report, meta, plan));
