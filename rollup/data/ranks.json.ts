// The roll-up's ranks page data (loaders/rollup/pages.ts ranksJson).
import { loadRollup } from "../../loaders/rollup/load.ts";
import { ranksJson } from "../../loaders/rollup/pages.ts";

process.stdout.write(JSON.stringify(ranksJson(await loadRollup())));
