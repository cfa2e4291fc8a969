// Data of the 统计口径 page: every counting rule with its source (see loaders/outputs/pages.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { pageJson } from "../../loaders/outputs/pages.ts";
import { loadReport } from "../../loaders/outputs/report.ts";

const { report, meta } = await loadReport(dataRoot([], process.env));
process.stdout.write(pageJson("methodology", report, meta));
