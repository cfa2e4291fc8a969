// Data of the 报送与考核 page: a projection of the KPI report (see loaders/outputs/pages.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { pageJson } from "../../loaders/outputs/pages.ts";
import { loadReport } from "../../loaders/outputs/report.ts";

const { report, meta } = await loadReport(dataRoot([], process.env));
process.stdout.write(pageJson("unit-reviews", report, meta));
