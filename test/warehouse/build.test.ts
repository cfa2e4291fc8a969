import { execFile } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { buildWarehouse, ensureWarehouse, IngestFailed, openWarehouse } from "../../loaders/warehouse/build.ts";
import { queryRows } from "../../loaders/warehouse/query.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";
import { plan } from "../helpers/plan.ts";

const run = promisify(execFile);

describe("warehouse", () => {
  test("should hold every loaded row per snapshot, the ingest report, and no personal column", async () => {
    const older = baseTables();
    const newer = baseTables();
    newer["资金拨付.csv"]!.push(["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"]);
    const root = writeRoot({ "2026-11-13": older, "2026-11-20": newer });
    const wh = await openWarehouse(root, plan);
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
    const err = await ensureWarehouse(root, plan).catch((e: unknown) => e);
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

  test("should not prune a warehouse built long ago but just handed out again", async () => {
    // A warehouse is keyed by its inputs' content: a build an hour ago for the same exports is
    // handed out again. Another build's prune keeps the three most recent others and deletes older
    // ones unless used in the last 10 minutes; it deleted this one while a loader was opening it.
    const dir = resolve(projectRoot, ".cache/warehouse");
    const a = writeRoot({ "2026-11-20": baseTables() });
    const path = await ensureWarehouse(a, plan);
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(path, hourAgo, hourAgo);
    // Four warehouses newer than it, all past the 10 minutes: without the touch it would rank fifth.
    const fakes = [1, 2, 3, 4].map((i) => join(dir, `prune-test-${process.pid}-${i}.duckdb`));
    fakes.forEach((f, i) => {
      const t = new Date(Date.now() - (31 + i) * 60_000); // 31, 32, 33, 34 minutes ago
      writeFileSync(f, "");
      utimesSync(f, t, t);
    });
    expect(await ensureWarehouse(a, plan)).toBe(path);
    // Another root's build prunes (its content new to the cache, so that it is built, not handed out).
    const other = baseTables();
    other["资金拨付.csv"]!.push([`F${process.pid}${Date.now()}`, "改造补助", "省级", "91440101327598294H", "P1", "", "", "1", "2025-10-02"]);
    await ensureWarehouse(writeRoot({ "2026-11-20": other }), plan);
    expect(existsSync(path)).toBe(true);
    // The prune did run: the oldest two stand-ins are gone (another build may have taken more).
    expect(fakes.slice(2).filter((f) => existsSync(f))).toEqual([]);
    for (const f of fakes) rmSync(f, { force: true });
  });
});

/** Every table of a warehouse file, each as its rows in stored order. */
async function dump(path: string): Promise<Record<string, unknown[]>> {
  const db = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  try {
    const names = await queryRows<{ t: string }>(conn, "SELECT table_name AS t FROM information_schema.tables ORDER BY 1");
    const out: Record<string, unknown[]> = {};
    for (const { t } of names) out[t] = await queryRows(conn, `SELECT * FROM ${t}`);
    return out;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe("warehouse built one snapshot at a time", () => {
  const F2 = ["F2", "改造补助", "省级", "91440101327598294H", "P1", "", "", "-1", "2025-10-02"];
  const F3 = "F3,改造补助,市级,91440101327598294H,P1,,,20,2025-11-01\n";

  test("should re-read only the snapshot whose files changed, and hold what a full build holds", async () => {
    const middle = baseTables();
    middle["资金拨付.csv"]!.push(F2); // rejected: NEGATIVE_AMOUNT
    const root = writeRoot({ "2026-11-06": baseTables(), "2026-11-13": { ...middle, "会议签到.csv": "姓名\n张三\n" }, "2026-11-20": baseTables() });
    const work = mkdtempSync(join(tmpdir(), "pilot-wh-"));
    const cache = join(work, "snapshots");

    expect(await buildWarehouse(root, join(work, "first.duckdb"), plan, { snapshotCache: cache })).toMatchObject({
      ingested: ["2026-11-06", "2026-11-13", "2026-11-20"],
      reused: [],
    });
    appendFileSync(join(root, "2026-11-20", "资金拨付.csv"), F3);
    expect(await buildWarehouse(root, join(work, "second.duckdb"), plan, { snapshotCache: cache })).toMatchObject({
      ingested: ["2026-11-20"],
      reused: ["2026-11-06", "2026-11-13"],
    });
    expect(await buildWarehouse(root, join(work, "full.duckdb"), plan, { snapshotCache: null })).toMatchObject({
      ingested: ["2026-11-06", "2026-11-13", "2026-11-20"],
      reused: [],
    });

    const second = await dump(join(work, "second.duckdb"));
    expect(second).toEqual(await dump(join(work, "full.duckdb")));
    // Hand-counted: F1 in each snapshot, F2 rejected in 11-13, F3 added to 11-20.
    expect(second.funds!.map((r) => `${String((r as { payment_id: string }).payment_id)}`)).toEqual(["F1", "F1", "F1", "F3"]);
    const codes = (second.ingest_issues as { code: string; file: string }[]).map((i) => `${i.code} ${i.file}`);
    expect(codes.filter((c) => c.startsWith("NEGATIVE_AMOUNT"))).toEqual(["NEGATIVE_AMOUNT 2026-11-13/资金拨付.csv"]);
    expect(codes.filter((c) => c.includes("会议签到"))).toEqual(["UNKNOWN_FILE 2026-11-13/会议签到.csv"]); // a root-level issue, written once
    expect(second.snapshots).toHaveLength(3);
    expect((second.ingest_files as unknown[]).length).toBe(3 * 9);
  });

  test("should report every snapshot's fatal problems, write no warehouse, and keep the good snapshots for the next build", async () => {
    const broken = baseTables();
    delete broken["牵引单位.csv"];
    const root = writeRoot({ "2026-11-13": baseTables(), "2026-11-20": broken });
    const work = mkdtempSync(join(tmpdir(), "pilot-wh-"));
    const cache = join(work, "snapshots");
    const err = await buildWarehouse(root, join(work, "w.duckdb"), plan, { snapshotCache: cache }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestFailed);
    expect((err as IngestFailed).result.fatal.map((i) => `${i.code} ${i.snapshot}`)).toEqual(["MISSING_REQUIRED_TABLE 2026-11-20"]);
    expect(readdirSync(work).sort()).toEqual(["snapshots"]); // no warehouse, no temporary file
    expect(readdirSync(cache)).toHaveLength(1); // 2026-11-13, kept

    writeFileSync(join(root, "2026-11-20", "牵引单位.csv"), "单位编号,名称,统一社会信用代码,行业,遴选日期,评定档次\nU1,示例牵引单位,,工业母机和机器人,2024-06-01,二档\n");
    expect(await buildWarehouse(root, join(work, "w.duckdb"), plan, { snapshotCache: cache })).toMatchObject({
      ingested: ["2026-11-20"],
      reused: ["2026-11-13"],
    });
  });
});
