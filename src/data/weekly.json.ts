// Data of the 周报 page: the weekly review of the newest snapshot against the one before (loaders/weekly).
import { dataRoot } from "../../loaders/config/paths.ts";
import { weeklyPageData } from "../../loaders/weekly/weeklyPage.ts";

process.stdout.write(JSON.stringify(await weeklyPageData(dataRoot([], process.env))));
