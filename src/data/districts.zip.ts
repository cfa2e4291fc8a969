// Each district's overdue and stuck projects, one member per district (districts/<pinyin>.json; see
// districtProjectsJson in loaders/outputs/pages.ts). One archive loader instead of a loader per
// district: Framework runs loaders one after another, each a process of about a second. A district
// build's archive holds its own member only (loaders/config/audience.ts).
import JSZip from "jszip";
import { audienceFromEnv } from "../../loaders/config/audience.ts";
import { dataRoot } from "../../loaders/config/paths.ts";
import { districtProjectsJson } from "../../loaders/outputs/pages.ts";
import { loadAudienceReport } from "../../loaders/outputs/scope.ts";
import { loadPlan } from "../../loaders/plan/load.ts";

const plan = loadPlan();
const audience = audienceFromEnv(plan);
const { report, meta } = await loadAudienceReport(dataRoot([], process.env), plan, audience);
const zip = new JSZip();
// A fixed date: the archive's bytes depend on the data only.
const date = new Date(`${meta.snapshot}T00:00:00Z`);
const members = audience.kind === "district" ? plan.districts.filter((d) => d.code === audience.code) : plan.districts;
for (const d of members) zip.file(`${d.pinyin}.json`, districtProjectsJson(d.pinyin, report, meta, plan), { date });
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
