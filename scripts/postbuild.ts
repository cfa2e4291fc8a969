/**
 * After `observable build`: Framework 1.13 writes <html> without a lang; Chinese pages need
 * lang="zh-CN" for font selection and screen readers. Rewrites every HTML file under the output
 * (scripts/lib/pageFixes.ts: lang, reproducible lastModified, the sidebar's accessibility, each
 * page's Content-Security-Policy), and writes manifest.json last (scripts/lib/manifest.ts).
 * The audience is $PILOT_AUDIENCE (scripts/build.ts sets it; default city).
 */
import { audienceFromEnv } from "../loaders/config/audience.ts";
import { dataRoot } from "../loaders/config/paths.ts";

import { latestSnapshotDate } from "../loaders/warehouse/snapshots.ts";
import { fixPages } from "./lib/pageFixes.ts";
import { writeManifest } from "./lib/manifest.ts";
import { loadPlanOrExit } from "./lib/cli.ts";

const out = process.argv[2] ?? process.env.PILOT_OUT ?? "dist";
// Framework stamps each file's lastModified with the time the loader ran, so two builds of the
// same inputs differ; the snapshot date is the honest "last modified" of the data.
const asOf = latestSnapshotDate(dataRoot([], process.env));
const stamp = asOf ? Date.parse(`${asOf}T00:00:00+08:00`) : 0;

const n = fixPages(out, stamp);
console.log(`postbuild: lang="zh-CN" set on ${n} page(s) in ${out}/`);
const manifest = writeManifest(out, { audience: audienceFromEnv(loadPlanOrExit()), dataDate: asOf });
console.log(`postbuild: ${manifest.files.length} file(s) hashed into ${out}/manifest.json (audience ${manifest.audience})`);
