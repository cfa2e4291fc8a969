// The roll-up's freshness page data (loaders/rollup/pages.ts freshnessJson).
import { loadRollup } from "../../loaders/rollup/load.ts";
import { freshnessJson } from "../../loaders/rollup/pages.ts";

process.stdout.write(JSON.stringify(freshnessJson(await loadRollup())));
