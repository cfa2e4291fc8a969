/**
 * Ingest several snapshots on several cores: each snapshot is read, normalised and validated in a
 * worker thread (they are independent of each other), and the results come back in snapshot
 * order, so whoever writes them writes exactly what a one-by-one ingest would. At most one
 * snapshot per worker is in flight or waiting, so memory stays that of a few snapshots.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PilotPlan } from "../plan/types.ts";
import { displayPath } from "./root.ts";
import { ingestSnapshot, type SnapshotFiles } from "./snapshot.ts";
import type { IngestJob, IngestWorkerData } from "./workerEntry.ts";

type Ingested = Awaited<ReturnType<typeof ingestSnapshot>>;

/**
 * Workers to use: PILOT_INGEST_WORKERS if set (0 or 1: ingest in this thread), else one per core,
 * at most 4 (each holds one snapshot's rows and its own copy of the code).
 */
export function ingestWorkers(): number {
  const set = Number(process.env.PILOT_INGEST_WORKERS);
  if (process.env.PILOT_INGEST_WORKERS && Number.isInteger(set) && set >= 0) return set;
  return Math.min(4, availableParallelism());
}

class IngestWorker {
  // A JavaScript entry that registers tsx, as the loaders themselves are run through tsx.
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { ok: (r: Ingested) => void; fail: (e: Error) => void }>();
  private nextId = 0;

  constructor(plan: PilotPlan) {
    const workerData: IngestWorkerData = { plan };
    this.worker = new Worker(new URL("./workerBoot.mjs", import.meta.url), { workerData });
    this.worker.on("message", (m: { id: number; result?: Ingested; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.fail(new Error(`ingest worker: ${m.error}`));
      else w?.ok(m.result!);
    });
    const failAll = (e: Error) => {
      for (const w of this.waiting.values()) w.fail(e);
      this.waiting.clear();
    };
    this.worker.on("error", failAll);
    this.worker.on("exit", (code) => failAll(new Error(`ingest worker exited with code ${code}`)));
  }

  run(root: string, snap: SnapshotFiles): Promise<Ingested> {
    const id = this.nextId++;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      const job: IngestJob = { id, root, snap: { date: snap.date, dir: snap.dir, files: snap.files } };
      this.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/** ingestSnapshot (against `plan`) for each of `snaps`, yielded in their order, using up to `workers` worker threads. */
export async function* ingestSnapshots(root: string, snaps: SnapshotFiles[], plan: PilotPlan, workers = ingestWorkers()): AsyncGenerator<Ingested> {
  if (workers <= 1 || snaps.length <= 1) {
    const display = displayPath(root);
    for (const snap of snaps) yield await ingestSnapshot(snap, display, plan);
    return;
  }
  const pool = Array.from({ length: Math.min(workers, snaps.length) }, () => new IngestWorker(plan));
  const inflight: (Promise<Ingested> | undefined)[] = [];
  // Snapshot i goes to worker i mod n, launched once snapshot i - n has been taken: each worker
  // has one job at a time, and results are taken in order.
  const launch = (i: number) => {
    const p = pool[i % pool.length]!.run(root, snaps[i]!);
    p.catch(() => {}); // awaited in order below; do not let an early failure count as unhandled
    inflight[i] = p;
  };
  try {
    for (let i = 0; i < pool.length; i++) launch(i);
    for (let i = 0; i < snaps.length; i++) {
      const r = await inflight[i]!;
      inflight[i] = undefined;
      if (i + pool.length < snaps.length) launch(i + pool.length);
      yield r;
    }
  } finally {
    await Promise.all(pool.map((w) => w.close()));
  }
}
