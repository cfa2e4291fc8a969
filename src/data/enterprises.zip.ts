// Each enterprise's history for the 一企一档 page, in ENTERPRISE_SHARDS shard files
// (enterprises/<NNN>.json; loaders/outputs/enterpriseFiles.ts says which firm is where). One
// archive loader, as districts.zip: Framework runs loaders one after another, each a process of
// about a second. A district build's holds that district's enterprises only.
import JSZip from "jszip";
import { audienceFromEnv, scopeDistrict } from "../../loaders/config/audience.ts";
import { dataRoot } from "../../loaders/config/paths.ts";
import { enterpriseShards } from "../../loaders/outputs/enterpriseFiles.ts";
import { loadEnterpriseArchive } from "../../loaders/outputs/enterprises.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const plan = loadPlan();
const { meta, data } = await loadEnterpriseArchive(dataRoot([], process.env), plan, scopeDistrict(audienceFromEnv(plan)));
const zip = new JSZip();
// A fixed date: the archive's bytes depend on the data only.
const date = new Date(`${meta.snapshot}T00:00:00Z`);
for (const s of enterpriseShards(data)) zip.file(s.name, s.text, { date });
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
