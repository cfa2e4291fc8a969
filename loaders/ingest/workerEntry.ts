/**
 * A worker thread that ingests snapshots for loaders/ingest/parallel.ts: it receives one
 * snapshot at a time and posts back what ingestSnapshot returns (or the error it threw). The plan
 * to ingest against comes once, as the worker's workerData.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { PilotPlan } from "../plan/types.ts";
import { displayPath } from "./root.ts";
import { ingestSnapshot, type SnapshotFiles } from "./snapshot.ts";

export interface IngestJob {
  id: number;
  root: string;
  snap: SnapshotFiles;
}

/** What a worker is started with. */
export interface IngestWorkerData {
  plan: PilotPlan;
}

const { plan } = workerData as IngestWorkerData;

parentPort!.on("message", async ({ id, root, snap }: IngestJob) => {
  try {
    parentPort!.postMessage({ id, result: await ingestSnapshot(snap, displayPath(root), plan) });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
