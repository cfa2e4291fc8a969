// Every data file of the public site in one archive: Framework serves `data/<page>.json` from its
// member `<page>.json`. One loader instead of one per page, as src/data.zip.ts (loaders/outputs/
// siteFiles.ts, publicDataFiles): suppressed aggregates only (loaders/outputs/public.ts).
import { dataRoot } from "../loaders/config/paths.ts";
import { publicDataFiles, siteArchive } from "../loaders/outputs/siteFiles.ts";
import { loadPlan } from "../loaders/plan/load.ts";

process.stdout.write(await siteArchive(await publicDataFiles(dataRoot([], process.env), loadPlan())));
