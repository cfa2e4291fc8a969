// Data of the 周报 page: the weekly review of the newest snapshot against the one before (loaders/weekly).
// A district build has no 周报 page (its lists span every district): it prints no review.
import { audienceFromEnv } from "../../loaders/config/audience.ts";
import { dataRoot } from "../../loaders/config/paths.ts";
import { weeklyPageData } from "../../loaders/weekly/weeklyPage.ts";

process.stdout.write(JSON.stringify(audienceFromEnv().kind === "city" ? await weeklyPageData(dataRoot([], process.env)) : { review: null, excluded: true }));
