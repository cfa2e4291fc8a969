// Data of the 一企一档 page to open it: meta, the packed format and the search index of every
// enterprise (loaders/outputs/enterpriseFiles.ts); each firm's history is in data/enterprises.zip.
// A district build's holds that district's enterprises only (the district is bound in the SQL).
import { audienceFromEnv, scopeDistrict } from "../../loaders/config/audience.ts";
import { dataRoot } from "../../loaders/config/paths.ts";
import { enterpriseIndexFile } from "../../loaders/outputs/enterpriseFiles.ts";
import { loadEnterpriseArchive } from "../../loaders/outputs/enterprises.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const plan = loadPlan();
const { meta, data } = await loadEnterpriseArchive(dataRoot([], process.env), plan, scopeDistrict(audienceFromEnv(plan)));
process.stdout.write(JSON.stringify({ meta, ...enterpriseIndexFile(data) }));
