// One district's overdue and stuck projects (see districtProjectsJson in loaders/outputs/pages.ts).
// A parameterized loader: Framework runs it once per district page with --district <pinyin>.
import { parseArgs } from "node:util";
import { dataRoot } from "../../../loaders/config/paths.ts";
import { districtProjectsJson } from "../../../loaders/outputs/pages.ts";
import { loadReport } from "../../../loaders/outputs/report.ts";

const { values } = parseArgs({ options: { district: { type: "string" } }, strict: false });
const { report, meta } = await loadReport(dataRoot([], process.env));
process.stdout.write(districtProjectsJson(String(values.district ?? ""), report, meta));
