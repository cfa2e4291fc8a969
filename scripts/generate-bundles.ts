/**
 * `npm run generate:bundles -- --cities 100 --out DIR [--seed N]`: write synthetic city bundles
 * (scripts/sample/bundles.ts), all marked sample, the same for the same seed. Exit 2 on bad usage.
 */
import { resolve } from "node:path";
import { generateBundles } from "./sample/bundles.ts";
import { print, printError, runCli } from "./lib/cli.ts";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cities = Number(arg("--cities") ?? "100");
  const seed = Number(arg("--seed") ?? "1");
  const out = arg("--out");
  if (!out || !Number.isInteger(cities) || cities < 1 || cities > 256 || !Number.isInteger(seed)) {
    await printError("usage: npm run generate:bundles -- --cities N (1–256) --out DIR [--seed N]");
    return 2;
  }
  const t0 = performance.now();
  const m = await generateBundles(resolve(out), cities, seed);
  await print(`generate:bundles: ${m.length} sample bundles (seed ${seed}) → ${resolve(out)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

runCli(main);
