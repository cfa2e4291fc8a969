/**
 * The bundled sample end to end: every file reconciles, and every deliberate fault the generator
 * planted (data/sample/faults.json) is reported at its file, row and column with its code.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { sampleRoot } from "../../loaders/config/paths.ts";
import { ingestRoot } from "../../loaders/ingest/root.ts";
import type { IngestResult } from "../../loaders/ingest/types.ts";
import { plan } from "../helpers/plan.ts";

interface Fault {
  snapshot: string;
  file: string;
  row: number;
  column: string;
  code: string;
}

let result: IngestResult;
const faults = JSON.parse(readFileSync(resolve(sampleRoot, "faults.json"), "utf8")) as Fault[];

beforeAll(async () => {
  result = await ingestRoot(sampleRoot, plan);
}, 120_000);

describe("the bundled sample", () => {
  test("should ingest nine snapshots with no fatal problem", () => {
    expect(result.fatal).toEqual([]);
    expect(result.snapshots.map((s) => s.date)).toEqual([
      "2026-09-25", "2026-10-02", "2026-10-09", "2026-10-16", "2026-10-23", "2026-10-30", "2026-11-06", "2026-11-13", "2026-11-20",
    ]);
  });

  test("should reconcile every file: rows read = loaded + rejected, rejected = rows with an error", () => {
    for (const s of result.snapshots) {
      for (const f of s.files) {
        expect(f.rowsRead, f.file).toBe(f.rowsLoaded + f.rowsRejected);
        const rejectedRows = new Set(s.issues.filter((i) => i.file === f.file && i.severity === "error").map((i) => i.row));
        expect(rejectedRows.size, f.file).toBe(f.rowsRejected);
      }
    }
  });

  test("should report every planted fault at its file, row and column", () => {
    const reported = new Set(result.snapshots.flatMap((s) => s.issues).map((i) => `${i.file}|${i.row}|${i.column}|${i.code}`));
    const missing = faults.filter((f) => !reported.has(`${f.file}|${f.row}|${f.column}|${f.code}`));
    expect(faults.length).toBeGreaterThanOrEqual(200);
    expect(missing).toEqual([]);
  });
});
