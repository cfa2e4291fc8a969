// Data of the pipeline page: a projection of the KPI report (see loaders/outputs/pages.ts), cut to the
// build's audience (loaders/outputs/scope.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { pageJson } from "../../loaders/outputs/pages.ts";
import { loadAudienceReport } from "../../loaders/outputs/scope.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const plan = loadPlan();
const { report, meta } = await loadAudienceReport(dataRoot([], process.env), plan);
process.stdout.write(pageJson("pipeline", report, meta, plan));
