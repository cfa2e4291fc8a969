// Data of the 一企一档 page: every enterprise's archive, packed (see loaders/outputs/enterprises.ts).
import { dataRoot } from "../../loaders/config/paths.ts";
import { enterprisesJson } from "../../loaders/outputs/enterprises.ts";

process.stdout.write(await enterprisesJson(dataRoot([], process.env)));
