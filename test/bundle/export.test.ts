/**
 * export:bundle on the bundled sample: the bundle's targets are the report's for the newest
 * snapshot, its manifest verifies, and the leak scan (Parquet contents included) finds nothing;
 * a planted credit code fails the scan, through the library and the CLI. The generator writes the
 * same bytes for the same seed, and its bundles scan clean too.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { exportBundle } from "../../loaders/bundle/export.ts";
import type { BundleManifest } from "../../loaders/bundle/format.ts";
import { projectRoot, sampleRoot } from "../../loaders/config/paths.ts";
import type { Report } from "../../loaders/kpi/reportTypes.ts";
import { loadReport } from "../../loaders/outputs/report.ts";
import { defaultPlanFile } from "../../loaders/plan/load.ts";
import { verifyBundle } from "../../loaders/rollup/bundles.ts";
import { readProgramme } from "../../loaders/rollup/programme.ts";
import { latestSnapshotDate } from "../../loaders/warehouse/snapshots.ts";
import { cityIdentifiers, scanBundle } from "../../scripts/lib/bundleScan.ts";
import { generateBundles } from "../../scripts/sample/bundles.ts";
import { E1 } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

const run = promisify(execFile);
let dir: string;
let manifest: BundleManifest;
let report: Report;

async function parquetRows(file: string): Promise<Record<string, unknown>[]> {
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    return (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
  }
}

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "bundle-")), "guangzhou");
  manifest = await exportBundle({ root: sampleRoot, plan, programme: readProgramme(), planText: readFileSync(resolve(projectRoot, defaultPlanFile), "utf8"), out: dir });
  ({ report } = await loadReport(sampleRoot, plan));
}, 300_000);

describe("export:bundle on data/sample", () => {
  test("should date the bundle by the newest snapshot and mark it sample", () => {
    expect(manifest.dataDate).toBe(latestSnapshotDate(sampleRoot));
    expect(manifest.dataDate).toBe(report.snapshot);
    expect([manifest.planId, manifest.city, manifest.sample]).toEqual([plan.id, plan.city, true]);
    expect(manifest.tool.version).toBe(JSON.parse(readFileSync(resolve(projectRoot, "package.json"), "utf8")).version);
  });

  test("should hold the report's targets for the newest snapshot", async () => {
    const rows = await parquetRows(join(dir, "targets.parquet"));
    expect(rows.map((r) => r.key)).toEqual(report.kpis.map((k) => k.key));
    for (const k of report.kpis) {
      const r = rows.find((x) => x.key === k.key)!;
      expect([r.target, r.expected, r.data_date, r.kind]).toEqual([k.target, k.expected, report.snapshot, k.kind]);
      // Every sample target is published (≥ 3, or a status): its actual is the report's.
      expect(r.actual).toBe(k.actual);
      expect(r.status).toBe(k.status);
    }
  });

  test("should verify against its manifest, plan.json being the plan file as loaded", () => {
    expect(verifyBundle(dir).problems).toEqual([]);
    expect(readFileSync(join(dir, "plan.json"), "utf8")).toBe(readFileSync(resolve(projectRoot, defaultPlanFile), "utf8"));
    expect(manifest.files.find((f) => f.name === "targets.parquet")!.rows).toBe(report.kpis.length);
  });

  test("should hold no identifier of the city's exports, no credit code and no contact data", async () => {
    const known = await cityIdentifiers(sampleRoot, plan);
    expect(known.length).toBeGreaterThan(100);
    expect(await scanBundle(dir, known)).toEqual([]);
  }, 120_000);

  test("should fail the scan on a planted credit code, in the library and the CLI", async () => {
    const planted = join(mkdtempSync(join(tmpdir(), "planted-")), "b");
    cpSync(dir, planted, { recursive: true });
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    await conn.run(`COPY (SELECT * REPLACE ('${E1}' AS area) FROM read_parquet('${join(dir, "by_area.parquet")}')) TO '${join(planted, "x.parquet")}' (FORMAT parquet)`);
    conn.closeSync();
    renameSync(join(planted, "x.parquet"), join(planted, "by_area.parquet"));
    const hits = await scanBundle(planted);
    expect(hits.filter((h) => h.kind === "uscc").map((h) => [h.file, h.value])).toContainEqual(["by_area.parquet", E1]);
    const cli = await run("npx", ["tsx", "scripts/scan-leaks.ts", "--bundle", planted], { cwd: projectRoot }).then(
      () => 0,
      (e: { code: number }) => e.code,
    );
    expect(cli).toBe(1);
  }, 60_000);
});

describe("generate:bundles", () => {
  test("should write the same bytes for the same seed, all sample, all clean", async () => {
    const a = mkdtempSync(join(tmpdir(), "gen-a-"));
    const b = mkdtempSync(join(tmpdir(), "gen-b-"));
    const ma = await generateBundles(a, 3, 11);
    const mb = await generateBundles(b, 3, 11);
    expect(ma).toEqual(mb);
    expect(ma.every((m) => m.sample)).toBe(true);
    for (const m of ma) {
      expect(verifyBundle(join(a, m.planId)).problems).toEqual([]);
      expect(await scanBundle(join(a, m.planId))).toEqual([]);
    }
  }, 60_000);
});
