/**
 * The data-quality output on two snapshots of the base export set; the newer one adds a payment
 * with a negative amount (rejected: one error) and an enterprise with a month-only survey date
 * (loaded with one warning). Base files: 9 tables, 3+2+1+1+1+1+1+1+1 = 12 data rows.
 */
import { describe, expect, test } from "vitest";
import { qualitySummary } from "../../loaders/outputs/quality.ts";
import { openWarehouse } from "../../loaders/warehouse/build.ts";
import { baseTables, uscc, writeRoot } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

describe("data quality output", () => {
  test("should give per-snapshot totals, the newest snapshot's files and its located issues", async () => {
    const newer = baseTables();
    newer["资金拨付.csv"]!.push(["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"]);
    newer["企业名录.csv"]![0]!.push("摸查日期");
    newer["企业名录.csv"]!.slice(1).forEach((r) => r.push(""));
    newer["企业名录.csv"]!.push([uscc("91440101MA5XQQ002"), "示例丁有限公司", "天河区", "服装", "30", "500", "", "", "2025年3月"]);
    const wh = await openWarehouse(writeRoot({ "2026-11-13": baseTables(), "2026-11-20": newer }), plan);
    try {
      const q = await qualitySummary(wh.conn, plan, true);
      expect(q.meta).toMatchObject({ snapshot: "2026-11-20", snapshots: ["2026-11-13", "2026-11-20"], sample: true });
      expect(q.trend).toEqual([
        { snapshot: "2026-11-13", folder: "2026-11-13", files: 9, rows_read: 12, rows_loaded: 12, rows_rejected: 0, rows_skipped: 0, errors: 0, warnings: 0 },
        { snapshot: "2026-11-20", folder: "2026-11-20", files: 9, rows_read: 14, rows_loaded: 13, rows_rejected: 1, rows_skipped: 0, errors: 1, warnings: 1 },
      ]);
      const funds = (q.files as { table_key: string; rows_read: number; rows_loaded: number; rows_rejected: number }[]).find((f) => f.table_key === "funds");
      expect(funds).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
      expect((q.issues as { code: string; severity: string; row: number }[]).map((i) => [i.severity, i.code, i.row])).toEqual([
        ["error", "NEGATIVE_AMOUNT", 3],
        ["warning", "DATE_MONTH_ONLY", 5],
      ]);
      expect(q.tables.find((t) => t.key === "funds")?.zh).toBe("资金拨付");
    } finally {
      wh.close();
    }
  });
});
