// One member per city (cities/<plan id>.json, loaders/rollup/pages.ts cityJson): one archive loader,
// not a loader per city (Framework runs loaders one after another, each a process).
import JSZip from "jszip";
import { loadRollup } from "../../loaders/rollup/load.ts";
import { cityJson } from "../../loaders/rollup/pages.ts";

const d = await loadRollup();
const zip = new JSZip();
// A fixed date: the archive's bytes depend on the bundles only.
const date = new Date(`${d.as_of}T00:00:00Z`);
for (const c of d.cities) zip.file(`${c.plan_id}.json`, JSON.stringify(cityJson(d, c.plan_id)), { date });
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
