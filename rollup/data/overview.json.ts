// The roll-up's overview page data (loaders/rollup/pages.ts overviewJson).
import { loadRollup } from "../../loaders/rollup/load.ts";
import { overviewJson } from "../../loaders/rollup/pages.ts";

process.stdout.write(JSON.stringify(overviewJson(await loadRollup())));
