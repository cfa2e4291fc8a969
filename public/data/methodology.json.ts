// Data of the public methodology page: suppressed aggregates only (see loaders/public/pages.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { loadPublic } from "../../loaders/public/loadPublic.ts";
import { publicPageJson } from "../../loaders/public/pages.ts";

const { aggregates, meta } = await loadPublic(dataRoot([], process.env));
process.stdout.write(publicPageJson("methodology", aggregates, meta));
