// Every data file of the internal site in one archive: Framework serves `data/<name>` from its
// member `<name>` (data/overview.json, data/districts/liwan.json, data/enterprises/007.json …).
// One loader instead of one per file: Framework runs loaders one after another, each a process of
// about 1.3 s before any work (loaders/outputs/siteFiles.ts lists the files and who builds each).
// The archive holds what the build's audience may see (loaders/config/audience.ts).
import { audienceFromEnv } from "../loaders/config/audience.ts";
import { dataRoot } from "../loaders/config/paths.ts";
import { siteArchive, siteDataFiles } from "../loaders/outputs/siteFiles.ts";
import { loadPlan } from "../loaders/plan/load.ts";

const plan = loadPlan();
process.stdout.write(await siteArchive(await siteDataFiles(dataRoot([], process.env), plan, audienceFromEnv(plan))));
