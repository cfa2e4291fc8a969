// Data of the 一企一档 page: every enterprise's archive, packed (see loaders/outputs/enterprises.ts);
// a district build's holds that district's enterprises only (the district is bound in the SQL).
import { audienceFromEnv, scopeDistrict } from "../../loaders/config/audience.ts";
import { dataRoot } from "../../loaders/config/paths.ts";
import { enterprisesJson } from "../../loaders/outputs/enterprises.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const plan = loadPlan();
process.stdout.write(await enterprisesJson(dataRoot([], process.env), plan, scopeDistrict(audienceFromEnv(plan))));
