/**
 * Same inputs, same answer: two ingests are deep-equal wherever the data lives, the warehouse key
 * depends on content only, and two warehouse builds hold the same rows in the same order.
 * (The whole site, built twice and compared byte for byte: scripts/check-determinism.ts.)
 */
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { tableIdentities } from "../../loaders/contract/tables.ts";
import { ingestRoot } from "../../loaders/ingest/root.ts";
import type { IngestResult } from "../../loaders/ingest/types.ts";
import { openWarehouse, prepareWarehouse, warehouseKey } from "../../loaders/warehouse/build.ts";
import { queryRows } from "../../loaders/warehouse/query.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";
import { cases } from "./cases.ts";
import { plan } from "../helpers/plan.ts";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Two snapshots with a little of everything: GBK, a workbook, rejected rows, warnings, skipped rows. */
async function mixedRoot(): Promise<string> {
  const older = (await cases.find((c) => c.name === "gbk-invalid-byte")!.build())["2026-11-20"]!;
  const newer = (await cases.find((c) => c.name === "xlsx-merged-cells")!.build())["2026-11-20"]!;
  const t = newer as Record<string, string[][]>;
  t["资金拨付.csv"]!.push(["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"], ["合计", "", "", "", "", "", "", "29", ""]);
  t["人才培训.csv"]!.push(["T2", "研修班", "示例协会", "2025-02-30", "天河区", "管理人员", "1E+03"]);
  const root = writeRoot({ "2026-11-13": older, "2026-11-20": newer, "2026-13-01": baseTables() });
  roots.push(root);
  return root;
}

/** The result with the two absolute paths it holds (the root and each snapshot's folder) taken out. */
function located(r: IngestResult): unknown {
  return { ...r, root: "<root>", snapshots: r.snapshots.map((s) => ({ ...s, folder: s.folder.slice(r.root.length) })) };
}

describe("determinism", () => {
  test("should give deep-equal results for two ingests of the same inputs, wherever they are stored", async () => {
    const root = await mixedRoot();
    const first = await ingestRoot(root, plan);
    const second = await ingestRoot(root, plan);
    expect(second).toEqual(first);
    // Sanity: the set does exercise warnings, rejections and skipped rows.
    expect(first.snapshots.map((s) => s.files.reduce((a, f) => [a[0]! + f.rowsLoaded, a[1]! + f.rowsRejected, a[2]! + f.rowsSkipped], [0, 0, 0]))).toEqual([
      [12, 0, 0],
      [12, 2, 1],
    ]);
    expect(first.issues.map((i) => i.code)).toEqual(["BAD_SNAPSHOT_NAME"]);

    const elsewhere = join(mkdtempSync(join(tmpdir(), "moved-")), "exports");
    roots.push(elsewhere);
    cpSync(root, elsewhere, { recursive: true });
    expect(located(await ingestRoot(elsewhere, plan))).toEqual(located(first));
  });

  test("should key the warehouse on content only: stable, blind to timestamps and location, moved by one byte", async () => {
    const root = await mixedRoot();
    const key = warehouseKey(root, plan);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(warehouseKey(root, plan)).toBe(key);
    utimesSync(join(root, "2026-11-20", "企业名录.xlsx"), new Date("2031-01-01"), new Date("2031-01-01"));
    expect(warehouseKey(root, plan)).toBe(key);
    const elsewhere = mkdtempSync(join(tmpdir(), "moved-"));
    roots.push(elsewhere);
    cpSync(root, elsewhere, { recursive: true });
    expect(warehouseKey(elsewhere, plan)).toBe(key);
    writeFileSync(join(elsewhere, "2026-11-20", "人才培训.csv"), "培训编号,培训名称,日期,培训人次\nT1,研修班,2025-05-20,61\n");
    expect(warehouseKey(elsewhere, plan)).not.toBe(key);
  });

  test("should hold the same rows in the same order after a rebuild of the warehouse", async () => {
    const root = await mixedRoot();
    const dump = async () => {
      const wh = await openWarehouse(root, plan);
      try {
        const out: Record<string, unknown[]> = {};
        for (const t of [...tableIdentities.map((x) => x.key), "snapshots", "ingest_files", "ingest_issues"]) out[t] = await queryRows(wh.conn, `SELECT * FROM ${t}`);
        return JSON.stringify(out);
      } finally {
        wh.close();
      }
    };
    await prepareWarehouse(root, plan);
    const first = await dump();
    const { path } = await prepareWarehouse(root, plan);
    rmSync(path);
    expect((await prepareWarehouse(root, plan)).built).toBe(true);
    expect(await dump()).toBe(first);
    expect(first).toContain("NEGATIVE_AMOUNT");
  });
});
