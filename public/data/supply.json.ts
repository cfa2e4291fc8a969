// Data of the public supply page: suppressed aggregates only (see loaders/outputs/public.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { loadPlan } from "../../loaders/plan/load.ts";
import { loadPublic } from "../../loaders/public/loadPublic.ts";
import { publicPageJson } from "../../loaders/outputs/public.ts";

const plan = loadPlan();
const { aggregates, meta } = await loadPublic(dataRoot([], process.env), plan);
process.stdout.write(publicPageJson("supply", aggregates, meta, plan));
