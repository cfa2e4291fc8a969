/**
 * Generate the sample: build the world, write every snapshot's files, then faults.json, truth.json and
 * README.md. Same seed and scale, same bytes, however the work is split: at big scales the snapshots
 * are shared between this thread and worker threads, each of which rebuilds the same world from the seed.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { knobs } from "./knobs.ts";
import { readme } from "./readme.ts";
import { writeSnapshot, type FaultRecord, type FileRecord } from "./snapshotWriter.ts";
import { truthDocument } from "./truth.ts";
import { planPath } from "./lookup.ts";
import { buildWorld } from "./world.ts";
import { sampleMarker } from "../../loaders/config/paths.ts";

export type { FaultRecord, FileRecord };

export interface GenerateOptions {
  out: string;
  scale?: number;
  seed?: string;
  /** Worker threads besides this one (default: none at scale ≤ 1, else one per spare core). */
  workers?: number;
}

export interface GenerateResult {
  snapshots: string[];
  files: FileRecord[];
  faults: FaultRecord[];
  truth: ReturnType<typeof truthDocument>;
}

const SNAPSHOT_DIR = /^\d{4}-\d{2}-\d{2}$/;

/** Remove what an earlier run wrote (snapshot folders and the three documents), nothing else. */
async function clean(out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const name of await readdir(out)) {
    if (SNAPSHOT_DIR.test(name) || ["faults.json", "truth.json", "README.md", sampleMarker].includes(name)) await rm(join(out, name), { recursive: true, force: true });
  }
}

type Written = { index: number; files: FileRecord[]; faults: FaultRecord[] };

function inWorker(data: { seed: string; scale: number; out: string; indexes: number[] }): Promise<Written[]> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader on Node 20: register it in the worker, then load the script.
    const boot = `(async () => {
      const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))});
      register();
      await import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)});
    })().catch((e) => { console.error(e); process.exit(1); });`;
    // A worker has no argv (--plan): it reads the same plan file through $PILOT_PLAN.
    const w = new Worker(boot, { eval: true, workerData: data, env: { ...process.env, PILOT_PLAN: planPath } });
    w.once("message", resolve);
    w.once("error", reject);
    w.once("exit", (code) => code !== 0 && reject(new Error(`generator worker exited with code ${code}`)));
  });
}

export async function generateSample(opts: GenerateOptions): Promise<GenerateResult> {
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? knobs.defaultSeed;
  const workers = opts.workers ?? (scale <= 1 ? 0 : Math.max(0, Math.min(availableParallelism(), knobs.snapshots.count) - 1));
  await clean(opts.out);
  // Deal snapshots round-robin from the newest (largest) down, so every thread gets a similar load.
  const order = Array.from({ length: knobs.snapshots.count }, (_, i) => knobs.snapshots.count - 1 - i);
  // This thread also computes truth.json, so it takes the last (smallest) share.
  const shares = Array.from({ length: workers + 1 }, (_, t) => order.filter((_, j) => j % (workers + 1) === t));
  const mine = shares.pop()!;
  const remote = shares.map((indexes) => inWorker({ seed, scale, out: opts.out, indexes }));
  const world = buildWorld(seed, scale);
  const local: Written[] = [];
  for (const i of mine) local.push({ index: i, ...(await writeSnapshot(world, i, opts.out)) });
  const written = [...local, ...(await Promise.all(remote)).flat()].sort((a, b) => a.index - b.index);
  const files = written.flatMap((x) => x.files);
  const faults = written.flatMap((x) => x.faults);
  const truth = truthDocument(world);
  await writeFile(join(opts.out, "faults.json"), "[\n" + faults.map((f) => "  " + JSON.stringify(f)).join(",\n") + "\n]\n");
  await writeFile(join(opts.out, "truth.json"), JSON.stringify(truth, null, 2) + "\n");
  await writeFile(join(opts.out, "README.md"), readme({ world, files, faults, truth }));
  // Marks the root as synthetic wherever it is written: every page built from it then says 示例数据.
  await writeFile(join(opts.out, sampleMarker), "synthetic sample data (示例数据), written by npm run generate\n");
  return { snapshots: world.snapshots, files, faults, truth };
}
