/**
 * After `observable build`: Framework 1.13 writes <html> without a lang; Chinese pages need
 * lang="zh-CN" for font selection and screen readers. Rewrites every HTML file under the output, and makes builds reproducible (see below).
 * Then gives each page a Content-Security-Policy meta tag naming the hashes of its own inline
 * scripts (scripts/lib/csp.ts), and writes manifest.json last (scripts/lib/manifest.ts).
 * The audience is $PILOT_AUDIENCE (scripts/build.ts sets it; default city).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { audienceFromEnv } from "../loaders/config/audience.ts";
import { dataRoot } from "../loaders/config/paths.ts";

import { latestSnapshotDate } from "../loaders/warehouse/snapshots.ts";
import { withScriptHashes } from "./lib/csp.ts";
import { writeManifest } from "./lib/manifest.ts";
import { loadPlanOrExit } from "./lib/cli.ts";

const out = process.argv[2] ?? process.env.PILOT_OUT ?? "dist";
// Framework stamps each file's lastModified with the time the loader ran, so two builds of the
// same inputs differ; the snapshot date is the honest "last modified" of the data.
const asOf = latestSnapshotDate(dataRoot([], process.env));
const stamp = asOf ? Date.parse(`${asOf}T00:00:00+08:00`) : 0;

function visit(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? visit(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : [],
  );
}

let n = 0;
for (const f of visit(out)) {
  const html = readFileSync(f, "utf8");
  const fixed = html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="zh-CN"$1>')
    .replace(/"lastModified":\d+/g, `"lastModified":${stamp}`)
    // Framework's sidebar fails two serious accessibility rules: a checkbox named only by its
    // title, and a <label> directly inside an <ol>. Name the controls and move the label out.
    .replace('<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">', '<input id="observablehq-sidebar-toggle" type="checkbox" title="显示或隐藏导航" aria-label="显示或隐藏导航">')
    .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle")><\/label>/, '$2></label>\n  <ol>$1');
  const final = withScriptHashes(fixed);
  if (final !== html) {
    writeFileSync(f, final);
    n++;
  }
}
console.log(`postbuild: lang="zh-CN" set on ${n} page(s) in ${out}/`);
const manifest = writeManifest(out, { audience: audienceFromEnv(loadPlanOrExit()), dataDate: asOf });
console.log(`postbuild: ${manifest.files.length} file(s) hashed into ${out}/manifest.json (audience ${manifest.audience})`);
