/**
 * `npm run export:bundle -- [--data DIR] [--plan FILE] [--programme FILE] --out DIR`: write the city's bundle for the
 * province and the ministry (loaders/bundle/, docs/rollup.md): plan.json, aggregate Parquet files
 * (small cells suppressed as on the public site) and manifest.json. Exit codes: 0 written, 1 failed, 2 usage.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { exportBundle } from "../loaders/bundle/export.ts";
import { planFile } from "../loaders/plan/load.ts";
import { programmeFile, readProgramme } from "../loaders/rollup/programme.ts";
import { ensurePlanSample } from "./lib/planSample.ts";
import { loadPlanOrExit, print, printError, runCli } from "./lib/cli.ts";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--out");
  const out = i >= 0 ? argv[i + 1] : undefined;
  if (!out || out.startsWith("--")) {
    await printError("usage: npm run export:bundle -- [--data DIR] [--plan FILE] --out DIR");
    return 2;
  }
  const plan = loadPlanOrExit();
  const planText = readFileSync(planFile(), "utf8");
  const t0 = performance.now();
  const programme = readProgramme(programmeFile(argv, process.env));
  const m = await exportBundle({ root: ensurePlanSample(argv, process.env), plan, programme, planText, out: resolve(out) });
  const rows = m.files.reduce((s, f) => s + (f.rows ?? 0), 0);
  await print(`export:bundle: ${m.city} (${m.planId}), data date ${m.dataDate}${m.sample ? ", 示例数据" : ""}: ${m.files.length} files, ${rows} rows → ${resolve(out)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

runCli(main);
