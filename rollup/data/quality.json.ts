// The roll-up's quality page data (loaders/rollup/pages.ts qualityJson).
import { loadRollup } from "../../loaders/rollup/load.ts";
import { qualityJson } from "../../loaders/rollup/pages.ts";

process.stdout.write(JSON.stringify(qualityJson(await loadRollup())));
