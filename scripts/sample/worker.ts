/** A worker thread for big scales: builds the same world from the seed and writes the snapshots it is given. */
import { parentPort, workerData } from "node:worker_threads";
import { writeSnapshot } from "./snapshotWriter.ts";
import { buildWorld } from "./world.ts";

const { seed, scale, out, indexes } = workerData as { seed: string; scale: number; out: string; indexes: number[] };
const world = buildWorld(seed, scale);
const results = [];
for (const i of indexes) results.push({ index: i, ...(await writeSnapshot(world, i, out)) });
parentPort!.postMessage(results);
