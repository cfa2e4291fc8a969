// The roll-up's programme page data (loaders/rollup/pages.ts programmeJson).
import { loadRollup } from "../../loaders/rollup/load.ts";
import { programmeJson } from "../../loaders/rollup/pages.ts";

process.stdout.write(JSON.stringify(programmeJson(await loadRollup())));
