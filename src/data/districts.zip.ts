// Each district's overdue and stuck projects, one member per district (districts/<pinyin>.json; see
// districtProjectsJson in loaders/outputs/pages.ts). One archive loader instead of a loader per
// district: Framework runs loaders one after another, each a process of about a second.
import JSZip from "jszip";
import { dataRoot } from "../../loaders/config/paths.ts";
import { districtProjectsJson } from "../../loaders/outputs/pages.ts";
import { loadReport } from "../../loaders/outputs/report.ts";
import { plan } from "../../loaders/plan/guangzhou.ts";

const { report, meta } = await loadReport(dataRoot([], process.env));
const zip = new JSZip();
// A fixed date: the archive's bytes depend on the data only.
const date = new Date(`${meta.snapshot}T00:00:00Z`);
for (const d of plan.districts) zip.file(`${d.pinyin}.json`, districtProjectsJson(d.pinyin, report, meta), { date });
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
