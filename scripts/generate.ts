/**
 * Write a realistic, deterministic sample of the pilot's exports.
 *   tsx scripts/generate.ts [--out DIR] [--scale N] [--seed S] [--workers W] [--plan FILE]
 * Defaults: --out data/sample, --scale 1, the fixed seed in scripts/sample/knobs.ts; --workers (extra
 * threads) defaults to none at scale ≤ 1 and one per spare core above. The output never depends on it.
 * The plan is --plan FILE, else $PILOT_PLAN, else plans/guangzhou.json (loaders/plan/load.ts).
 */
import { knobs } from "./sample/knobs.ts";
import { print, printError, runCli } from "./lib/cli.ts";

const usage = "usage: tsx scripts/generate.ts [--out DIR] [--scale N] [--seed S] [--workers W] [--plan FILE]";

type Options = { out: string; scale: number; seed: string; workers?: number };

/** The options, or "help" for --help / -h; throws on a bad option. `--plan` is left to loadPlan (scripts/sample/lookup.ts). */
function parseArgs(argv: string[]): Options | "help" {
  const opts: Options = { out: "data/sample", scale: 1, seed: knobs.defaultSeed };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--help" || flag === "-h") return "help";
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--out") opts.out = value;
    else if (flag === "--scale") opts.scale = Number(value);
    else if (flag === "--seed") opts.seed = value;
    else if (flag === "--workers") opts.workers = Number(value);
    else if (flag === "--plan") {
      // read by scripts/sample/lookup.ts from argv
    }
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  if (!(opts.scale > 0)) throw new Error("--scale must be a positive number");
  if (opts.workers !== undefined && !(Number.isInteger(opts.workers) && opts.workers >= 0)) throw new Error("--workers must be a whole number ≥ 0");
  return opts;
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    await printError(`generate: ${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  if (opts === "help") {
    await print(usage);
    return 0;
  }
  // The generator loads the plan when its modules load: import them only now, so that a plan error
  // prints as its located message (runCli) rather than as a crash while loading.
  const { generateSample } = await import("./sample/generate.ts");
  try {
    const started = Date.now();
    const result = await generateSample(opts);
    const bytes = result.files.reduce((s, f) => s + f.bytes, 0);
    const last = result.truth.snapshots[result.truth.snapshots.length - 1]!;
    await print(
      `wrote ${result.files.length} files in ${result.snapshots.length} snapshots to ${opts.out} ` +
        `(${(bytes / 1e6).toFixed(1)} MB, ${result.faults.length} fault rows, seed ${opts.seed}, scale ${opts.scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `last snapshot ${last.snapshot}: ${last.enterprises_transformed} transformed, ${last.diagnosed} diagnosed, ${last.breaches.length} breaches`,
    );
    return 0;
  } catch (e) {
    await printError(`generate: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

runCli(main);
