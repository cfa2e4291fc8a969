// Snapshots ingested in worker threads come back in order and equal to a one-by-one ingest.
import { describe, expect, test } from "vitest";
import { ingestSnapshots } from "../../loaders/ingest/parallel.ts";
import { scanRoot } from "../../loaders/ingest/root.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

async function collect<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe("ingestSnapshots", () => {
  test("should give in worker threads, in snapshot order, exactly what ingesting one by one gives", async () => {
    const second = baseTables();
    second["资金拨付.csv"]!.push(["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"]);
    const third = baseTables();
    third["企业名录.csv"]!.pop(); // the third enterprise left the list: two loaded
    const root = writeRoot({ "2026-11-06": baseTables(), "2026-11-13": second, "2026-11-20": third });
    const snaps = scanRoot(root).snapshots;

    const inWorkers = await collect(ingestSnapshots(root, snaps, plan, 2));
    const inThread = await collect(ingestSnapshots(root, snaps, plan, 1));
    expect(inWorkers).toEqual(inThread);
    expect(inWorkers.map((r) => r.snapshot.date)).toEqual(["2026-11-06", "2026-11-13", "2026-11-20"]);
    const funds = (i: number) => inWorkers[i]!.snapshot.files.find((f) => f.table === "funds")!;
    expect([0, 1, 2].map((i) => [funds(i).rowsRead, funds(i).rowsLoaded, funds(i).rowsRejected])).toEqual([[1, 1, 0], [2, 1, 1], [1, 1, 0]]);
    const enterprises = inWorkers[2]!.snapshot.files.find((f) => f.table === "enterprises")!;
    expect(enterprises.rowsLoaded).toBe(2);
  }, 60_000);

  test("should reject, naming the worker's error, when a snapshot cannot be ingested at all (a bug, not bad data)", async () => {
    const root = writeRoot({ "2026-11-13": baseTables(), "2026-11-20": baseTables() });
    const [first, second] = scanRoot(root).snapshots;
    const broken = { ...second!, files: [{ ...second!.files[0]!, table: "no_such_table" as never }] };
    await expect(collect(ingestSnapshots(root, [first!, broken], plan, 2))).rejects.toThrow(/ingest worker: Error: unknown table no_such_table/);
  }, 60_000);
});
