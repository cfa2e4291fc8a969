/**
 * A worker thread that ingests snapshots for loaders/ingest/parallel.ts: it receives one
 * snapshot at a time and posts back what ingestSnapshot returns (or the error it threw).
 */
import { parentPort } from "node:worker_threads";
import { displayPath } from "./root.ts";
import { ingestSnapshot, type SnapshotFiles } from "./snapshot.ts";

export interface IngestJob {
  id: number;
  root: string;
  snap: SnapshotFiles;
}

parentPort!.on("message", async ({ id, root, snap }: IngestJob) => {
  try {
    parentPort!.postMessage({ id, result: await ingestSnapshot(snap, displayPath(root)) });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
