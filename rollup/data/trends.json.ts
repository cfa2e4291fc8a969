// The roll-up's trends page data (loaders/rollup/pages.ts trendsJson).
import { loadRollup } from "../../loaders/rollup/load.ts";
import { trendsJson } from "../../loaders/rollup/pages.ts";

process.stdout.write(JSON.stringify(trendsJson(await loadRollup())));
