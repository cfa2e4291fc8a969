// The plan's identity enters every cache decision: another plan file, or one value of the plan
// edited, is a cache miss for the warehouse, its per-snapshot files and Framework's loader caches;
// the same content read from another path is not.
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { fingerprint } from "../../loaders/config/fingerprint.ts";
import { loaderInputsFingerprint, resetStaleLoaderCache } from "../../loaders/config/loaderCache.ts";
import { projectRoot } from "../../loaders/config/paths.ts";
import { defaultPlanFile, readPlanFile } from "../../loaders/plan/load.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { prepareWarehouse, snapshotCacheFiles, warehouseKey } from "../../loaders/warehouse/build.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

const dir = mkdtempSync(join(tmpdir(), "pilot-plan-cache-"));
const original = resolve(projectRoot, defaultPlanFile);
// The same plan in another file, and the plan with one target changed (a value no ingest reads).
const copy = join(dir, "copy.json");
copyFileSync(original, copy);
const changedFile = join(dir, "changed.json");
writeFileSync(changedFile, readFileSync(original, "utf8").replace('"target": 2000,', '"target": 2001,'));
const samePlan = readPlanFile(copy);
const changed = readPlanFile(changedFile);

describe("the plan in cache keys", () => {
  test("should print a JSON value by content: key order aside, one changed value changes the print", () => {
    expect(fingerprint([{ json: { a: 1, b: [1, 2] } }])).toBe(fingerprint([{ json: { b: [1, 2], a: 1 } }]));
    expect(fingerprint([{ json: { a: 1, b: [1, 2] } }])).not.toBe(fingerprint([{ json: { a: 1, b: [2, 1] } }]));
    expect(changed.targets.at(-1)!.target).toBe(2001);
  });

  test("should key the warehouse and its snapshot files on the plan's content, not its path", () => {
    const root = writeRoot({ "2026-11-20": baseTables() });
    expect(warehouseKey(root, samePlan)).toBe(warehouseKey(root, plan));
    expect(warehouseKey(root, changed)).not.toBe(warehouseKey(root, plan));
    expect(snapshotCacheFiles(root, samePlan, dir)).toEqual(snapshotCacheFiles(root, plan, dir));
    expect(snapshotCacheFiles(root, changed, dir)[0]).not.toBe(snapshotCacheFiles(root, plan, dir)[0]);
  });

  test("should build the warehouse again when the plan changes, and reuse it when it does not", async () => {
    const root = writeRoot({ "2026-11-20": baseTables() });
    // Keys are content: a note unique to this run keeps other tests' warehouses of the same exports out.
    const mine: PilotPlan = { ...plan, citations: { ...plan.citations, "/id": `planCache.test ${randomUUID()}` } };
    const first = await prepareWarehouse(root, mine);
    expect(first.built).toBe(true);
    expect(await prepareWarehouse(root, structuredClone(mine))).toEqual({ path: first.path, built: false });
    const other = await prepareWarehouse(root, { ...mine, targets: changed.targets });
    expect(other.built).toBe(true);
    expect(other.path).not.toBe(first.path);
  });

  test("should clear Framework's loader cache when the plan changes", () => {
    const source = mkdtempSync(join(tmpdir(), "pilot-src-"));
    const data = writeRoot({ "2026-11-20": baseTables() });
    const cached = join(source, ".observablehq/cache/data/index.json");
    const cache = () => {
      mkdirSync(join(source, ".observablehq/cache/data"), { recursive: true });
      writeFileSync(cached, "{}");
    };
    expect(loaderInputsFingerprint(data, samePlan)).toBe(loaderInputsFingerprint(data, plan));
    expect(loaderInputsFingerprint(data, changed)).not.toBe(loaderInputsFingerprint(data, plan));
    cache();
    expect(resetStaleLoaderCache(source, data, plan)).toBe(true);
    cache();
    expect(resetStaleLoaderCache(source, data, samePlan)).toBe(false);
    expect(readFileSync(cached, "utf8")).toBe("{}");
    expect(resetStaleLoaderCache(source, data, changed)).toBe(true);
    expect(() => readFileSync(cached)).toThrow("ENOENT");
  });
});
