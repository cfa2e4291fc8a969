/**
 * Before `observable build` / `preview`: Framework's loader cache (<root>/.observablehq/cache)
 * only notices edits to a loader file itself, not a new data root, new exports or edits to the
 * modules a loader imports. resetStaleLoaderCache (loaders/config/loaderCache.ts) prints all of
 * those and the plan's content, and clears the cache when the print changes, so a build never shows stale numbers while a
 * build with nothing changed still re-runs no loader.
 * The loaders' output also depends on the build's audience ($PILOT_AUDIENCE): when it differs from
 * the last build's, the loader outputs are cleared but Framework's bundled modules (_node, _npm)
 * kept. Both decisions use the stamp convention of loaders/config/fingerprint.ts.
 * Usage: tsx scripts/prebuild.ts [source-root]   (default src)
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { audienceFromEnv, audienceId } from "../loaders/config/audience.ts";
import { fingerprint, refreshStamp } from "../loaders/config/fingerprint.ts";
import { clearLoaderOutputs, loaderCachePaths, resetStaleLoaderCache } from "../loaders/config/loaderCache.ts";
import { dataRoot, projectRoot } from "../loaders/config/paths.ts";
import { loadPlanOrExit } from "./lib/cli.ts";
import { ensurePlanSample } from "./lib/planSample.ts";

const sourceRoot = resolve(projectRoot, process.argv[2] ?? "src");
const { cache } = loaderCachePaths(sourceRoot);

// bench/site.ts reads the first line's wording ("prebuild: inputs, plan or loader code changed").
const plan = loadPlanOrExit();
// `npm run dev` on another plan with no data root: its generated sample (scripts/lib/planSample.ts).
ensurePlanSample([], process.env);
if (resetStaleLoaderCache(sourceRoot, dataRoot([], process.env), plan)) {
  console.log(`prebuild: inputs, plan or loader code changed; cleared the loader outputs in ${cache}`);
} else {
  console.log("prebuild: inputs unchanged; Framework's loader cache kept");
}
mkdirSync(cache, { recursive: true });
const audience = audienceId(audienceFromEnv(plan));
refreshStamp(join(cache, "../audience.fingerprint"), fingerprint(["audience", audience]), () => {
  if (clearLoaderOutputs(cache).length > 0) console.log(`prebuild: audience is now ${audience}; cleared the loader outputs in ${cache}`);
});
