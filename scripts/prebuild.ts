/**
 * Before `observable build` / `preview`: Framework's loader cache (<root>/.observablehq/cache)
 * only notices edits to a loader file itself, not a new data root, new exports or edits to the
 * modules a loader imports. Fingerprint all of those and clear the cache when it changes, so a
 * build never shows stale numbers while a build with nothing changed still re-runs no loader.
 * The loaders' output also depends on the build's audience ($PILOT_AUDIENCE): when it differs from
 * the last build's, the loader outputs are cleared but Framework's bundled modules (_node, _npm) kept.
 * Usage: tsx scripts/prebuild.ts [source-root]   (default src)
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { audienceFromEnv, audienceId } from "../loaders/config/audience.ts";
import { dataRoot, projectRoot } from "../loaders/config/paths.ts";
import { loadPlan } from "../loaders/plan/load.ts";
import { warehouseKey } from "../loaders/warehouse/build.ts";

const sourceRoot = resolve(projectRoot, process.argv[2] ?? "src");
const cache = join(sourceRoot, ".observablehq/cache");
const stamp = join(cache, ".inputs-fingerprint");
const audienceStamp = join(cache, ".audience");
/** Cache entries that hold no loader output: Framework's bundles of node_modules and its own files. */
const bundles = new Set(["_node", "_npm", "_observablehq"]);

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) hashTree(h, p);
    else h.update(p).update(readFileSync(p));
  }
}

const root = dataRoot([], process.env);
const h = createHash("sha256").update(root).update(warehouseKey(root));
hashTree(h, resolve(projectRoot, "loaders"));
const fingerprint = h.digest("hex");

const previous = existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
if (previous !== fingerprint) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  writeFileSync(stamp, fingerprint);
  console.log(`prebuild: inputs or loader code changed; cleared ${cache}`);
} else {
  console.log("prebuild: inputs unchanged; Framework's loader cache kept");
}
const audience = audienceId(audienceFromEnv(loadPlan()));
const lastAudience = existsSync(audienceStamp) ? readFileSync(audienceStamp, "utf8") : "city";
if (lastAudience !== audience) {
  for (const e of readdirSync(cache)) if (!e.startsWith(".") && !bundles.has(e)) rmSync(join(cache, e), { recursive: true, force: true });
  console.log(`prebuild: audience ${lastAudience} → ${audience}; cleared the loader outputs in ${cache}`);
}
writeFileSync(audienceStamp, audience);
