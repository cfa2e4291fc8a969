import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { ensureWarehouse, IngestFailed, openWarehouse } from "../../loaders/warehouse/build.ts";
import { queryRows } from "../../loaders/warehouse/query.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";

const run = promisify(execFile);

describe("warehouse", () => {
  test("should hold every loaded row per snapshot, the ingest report, and no personal column", async () => {
    const older = baseTables();
    const newer = baseTables();
    newer["资金拨付.csv"]!.push(["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"]);
    const root = writeRoot({ "2026-11-13": older, "2026-11-20": newer });
    const wh = await openWarehouse(root);
    try {
      const rows = await queryRows(
        wh.conn,
        `SELECT strftime(snapshot, '%Y-%m-%d') AS s, count(*)::INTEGER AS n FROM enterprises GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([{ s: "2026-11-13", n: 3 }, { s: "2026-11-20", n: 3 }]);
      const files = await queryRows(
        wh.conn,
        `SELECT rows_read, rows_loaded, rows_rejected FROM ingest_files WHERE table_key = 'funds' ORDER BY snapshot`,
      );
      expect(files).toEqual([
        { rows_read: 1, rows_loaded: 1, rows_rejected: 0 },
        { rows_read: 2, rows_loaded: 1, rows_rejected: 1 },
      ]);
      const issues = await queryRows(wh.conn, `SELECT file, "row", "column", code, record_id FROM ingest_issues WHERE severity = 'error'`);
      expect(issues).toEqual([{ file: "2026-11-20/资金拨付.csv", row: 3, column: "金额(万元)", code: "NEGATIVE_AMOUNT", record_id: "F2" }]);
      const cols = await queryRows<{ column_name: string }>(wh.conn, `SELECT column_name FROM information_schema.columns WHERE table_name = 'enterprises'`);
      expect(cols.map((c) => c.column_name)).not.toContain("phone");
      expect(cols.map((c) => c.column_name)).not.toContain("contact");
      const stored = await queryRows(wh.conn, `SELECT * FROM enterprises`);
      expect(JSON.stringify(stored)).not.toMatch(/13800000001|张三/);
    } finally {
      wh.close();
    }
  });

  test("should refuse to build when a file cannot be ingested, naming it", async () => {
    const t = baseTables();
    delete t["牵引单位.csv"];
    const root = writeRoot({ "2026-11-20": t });
    const err = await ensureWarehouse(root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestFailed);
    expect((err as Error).message).toContain("MISSING_REQUIRED_TABLE");
    expect((err as Error).message).toContain("牵引单位");
  });

  test("should build once when several processes ask at the same time", async () => {
    const root = writeRoot({ "2026-11-20": baseTables() });
    const script = resolve(projectRoot, "test/helpers/open-warehouse.ts");
    const tsx = resolve(projectRoot, "node_modules/.bin/tsx");
    const outs = await Promise.all([1, 2, 3, 4].map(() => run(tsx, [script, root])));
    const paths = outs.map((o) => o.stdout.trim());
    expect(new Set(paths).size).toBe(1);
    expect(paths[0]).toMatch(/\.duckdb$/);
    expect(existsSync(paths[0]!)).toBe(true);
    const dir = resolve(projectRoot, ".cache/warehouse");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-") || f.endsWith(".lock"))).toEqual([]);
  });
});
