/**
 * `npm run build:rollup -- --bundles DIR [--out dist-rollup] [--as-of YYYY-MM-DD] [--programme FILE]`:
 * build the roll-up site (rollup/, observablehq.rollup.config.ts) for a province or the ministry
 * from the city bundles under DIR (docs/rollup.md). Bad bundles are skipped and listed on the
 * 数据包质量 page; the build fails only when no bundle is readable or the programme file is bad.
 * Exit codes: 0 built, 1 failed, 2 usage.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectRoot } from "../loaders/config/paths.ts";
import { readBundles } from "../loaders/rollup/bundles.ts";
import { programmeFile, readProgramme } from "../loaders/rollup/programme.ts";
import { fixPages } from "./lib/pageFixes.ts";

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Build the roll-up of `bundles` into `out`; throws with the reasons when it cannot. */
export function buildRollup(o: { bundles: string; out: string; asOf?: string; programme?: string }, env: NodeJS.ProcessEnv = process.env): { bundles: number; skipped: string[] } {
  const programme = o.programme ?? programmeFile([], env);
  readProgramme(programme); // a bad programme file stops here, located
  const { bundles, problems } = readBundles(o.bundles);
  if (bundles.length === 0) throw new Error([`没有可读取的数据包:${o.bundles} / no readable bundle in ${o.bundles}`, ...problems.map((p) => `  ${p.message}`)].join("\n"));
  // Framework clears an output folder only inside the working folder, and otherwise fails on the
  // first file a previous build left ("file conflict"). Clear an earlier site build; refuse anything else.
  const out = resolve(o.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, "_observablehq"))) throw new Error(`输出目录 ${out} 非空且不是站点构建结果 / output folder ${out} is not empty and holds no site build`);
    rmSync(out, { recursive: true, force: true });
  }
  const e: NodeJS.ProcessEnv = {
    ...env,
    PILOT_BUNDLES: resolve(o.bundles),
    PILOT_ROLLUP_OUT: out,
    PILOT_PROGRAMME: resolve(programme),
    PILOT_ROLLUP_AS_OF: o.asOf ?? "",
    OBSERVABLE_TELEMETRY_DISABLE: "1",
    NODE_OPTIONS: [env.NODE_OPTIONS, "--import=tsx"].filter(Boolean).join(" "),
  };
  const r = spawnSync(resolve(projectRoot, "node_modules/.bin/observable"), ["build", "--config", "observablehq.rollup.config.ts"], { cwd: projectRoot, env: e, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`observable build failed (exit ${r.status ?? r.signal})`);
  // As the other sites' postbuild: lang, the data date as lastModified, the sidebar's accessibility, each page's CSP.
  const asOf = o.asOf ?? bundles.map((b) => b.manifest.dataDate).sort().at(-1)!;
  fixPages(out, Date.parse(`${asOf}T00:00:00+08:00`));
  return { bundles: bundles.length, skipped: problems.map((p) => p.message) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const bundles = arg(argv, "bundles");
  const asOf = arg(argv, "as-of");
  if (!bundles || !existsSync(bundles) || (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
    console.error("usage: npm run build:rollup -- --bundles DIR [--out dist-rollup] [--as-of YYYY-MM-DD] [--programme FILE]");
    process.exit(2);
  }
  try {
    const t0 = performance.now();
    const r = buildRollup({ bundles, out: arg(argv, "out") ?? process.env.PILOT_ROLLUP_OUT ?? "dist-rollup", asOf, programme: arg(argv, "programme") });
    for (const s of r.skipped) console.error(`build:rollup: skipped ${s}`);
    console.log(`build:rollup: ${r.bundles} bundle(s), ${r.skipped.length} problem(s), in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(`build:rollup: ${(err as Error).message}`);
    process.exit(1);
  }
}
