/**
 * `npm run build:audiences -- --out DIR [--districts CODE,CODE…] [--public] [--plan FILE]`: the city site into
 * DIR/city and one site per district of the plan into DIR/d/<code> (the public site into
 * DIR/public with --public), all from one warehouse: the first build makes it (or finds it in
 * .cache/warehouse), the KPI report is computed once (.cache/report) and every later build reuses
 * both; Framework's bundled modules are kept between audiences (scripts/prebuild.ts).
 * Builds run one after another: they share src/.observablehq/cache. Prints each build's time.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { audienceId, parseAudience, type Audience } from "../loaders/config/audience.ts";
import { planFile } from "../loaders/plan/load.ts";
import { build } from "./build.ts";
import { ensurePlanSample } from "./lib/planSample.ts";
import { loadPlanOrExit } from "./lib/cli.ts";

/** Where each audience's site goes under DIR (docs/deploy.md serves these paths). */
export function audiencePath(a: Audience): string {
  return a.kind === "district" ? `d/${a.code}` : a.kind;
}

const argv = process.argv.slice(2);
const at = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const outArg = at("out");
if (!outArg) {
  console.error("usage: npm run build:audiences -- --out DIR [--districts CODE,CODE…] [--public] [--plan FILE]");
  process.exit(2);
}
const out = resolve(outArg);
const plan = loadPlanOrExit();
// Every build reads the same plan file, whatever its working folder.
const env = { ...process.env, PILOT_PLAN: planFile(), PILOT_DATA: ensurePlanSample() };
const codes = at("districts")?.split(",") ?? plan.districts.map((d) => d.code);
const audiences: Audience[] = [{ kind: "city" }, ...codes.map((c) => parseAudience(`district:${c}`, plan)), ...(argv.includes("--public") ? [{ kind: "public" } as const] : [])];
const times: { audience: string; seconds: number }[] = [];
const started = performance.now();
for (const a of audiences) {
  const t = performance.now();
  const dir = join(out, audiencePath(a));
  mkdirSync(dir, { recursive: true });
  build(a, dir, env);
  times.push({ audience: audienceId(a), seconds: Math.round((performance.now() - t) / 100) / 10 });
}
const total = Math.round((performance.now() - started) / 100) / 10;
writeFileSync(join(out, "build-times.json"), `${JSON.stringify({ total_seconds: total, builds: times }, null, 1)}\n`);
for (const t of times) console.log(`build:audiences: ${t.audience.padEnd(16)} ${t.seconds} s`);
console.log(`build:audiences: ${audiences.length} site(s) in ${total} s → ${out}`);
