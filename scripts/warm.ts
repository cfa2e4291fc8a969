/**
 * Started by scripts/build.ts beside Framework (`tsx scripts/warm.ts`, the build's environment):
 * builds the warehouse and computes the newest KPI report into their caches (.cache/warehouse,
 * .cache/report) while Framework parses and bundles the pages, about 5 s of one core before the
 * site's loader asks for either. The loader then finds them made, or waits on the warehouse's lock
 * (loaders/warehouse/build.ts), instead of starting them only then: on two cores a rebuild after a
 * new export overlaps the two (issue 17 item 2). Nothing here reaches the site, and a failure
 * changes nothing: the loader does the same work and reports the error where the build shows it,
 * so this prints nothing and its exit code is not read.
 */
import { dataRoot } from "../loaders/config/paths.ts";
import { loadReport } from "../loaders/outputs/report.ts";
import { loadPlan } from "../loaders/plan/load.ts";

await loadReport(dataRoot([], process.env), loadPlan());
