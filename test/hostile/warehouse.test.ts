/**
 * The warehouse under concurrency and interruption, and hostile text on its way into DuckDB.
 * (test/ingest/warehouse.test.ts covers the ordinary build and four concurrent openers.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../loaders/config/paths.ts";
import { openWarehouse, prepareWarehouse, snapshotCacheFiles, warehouseKey } from "../../loaders/warehouse/build.ts";
import { queryRows } from "../../loaders/warehouse/query.ts";
import { baseTables, writeRoot } from "../helpers/exports.ts";
import { cases } from "./cases.ts";
import { largeRoot } from "./helpers/large-root.ts";
import { plan } from "../helpers/plan.ts";

const cacheDir = resolve(projectRoot, ".cache/warehouse");
const child = resolve(projectRoot, "test/hostile/helpers/build-child.ts");
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A builder process: plain node with the tsx loader, so its pid is the pid that takes the lock. */
function startBuilder(root: string): { proc: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> } {
  const proc = spawn(process.execPath, ["--import", "tsx", child, root], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  proc.stdout!.on("data", (d: Buffer) => (stdout += d));
  proc.stderr!.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((ok) =>
    proc.on("exit", (code, signal) => ok({ code, signal, stdout })),
  );
  return { proc, done };
}

async function until(what: string, cond: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Forget every cached build of `root` (the key hashes content, not the path, so an earlier run of
 * the same test left one): the warehouse and the per-snapshot files it would copy from.
 */
function forgetBuilds(root: string): void {
  rmSync(join(cacheDir, `${warehouseKey(root, plan)}.duckdb`), { force: true });
  for (const f of snapshotCacheFiles(root, plan)) rmSync(f, { force: true });
}

/** Files in the cache belonging to one warehouse key, other than the warehouse itself. */
const leftovers = (key: string): string[] => readdirSync(cacheDir).filter((f) => f.startsWith(key) && f !== `${key}.duckdb`).sort();

describe("warehouse under concurrency", () => {
  test("should build once when six loaders start at the same time on a fresh root, all getting the same warehouse", async () => {
    const root = writeRoot({ "2026-11-13": baseTables(), "2026-11-20": baseTables() });
    roots.push(root);
    forgetBuilds(root);
    const runs = Array.from({ length: 6 }, () => startBuilder(root));
    const outs = await Promise.all(runs.map((r) => r.done));
    expect(outs.map((o) => o.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const results = outs.map((o) => JSON.parse(o.stdout) as { path: string; built: boolean });
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect(results.filter((r) => r.built)).toHaveLength(1);
    const key = warehouseKey(root, plan);
    expect(results[0]!.path).toBe(join(cacheDir, `${key}.duckdb`));
    expect(leftovers(key)).toEqual([]);
  }, 120_000);
});

describe("warehouse after an interrupted build", () => {
  test("should clear the stale lock and temporary files of builds killed mid-ingest and mid-write, then build", async () => {
    const root = largeRoot(150_000);
    roots.push(root);
    forgetBuilds(root);
    const key = warehouseKey(root, plan);
    const target = join(cacheDir, `${key}.duckdb`);
    const lock = join(cacheDir, `${key}.lock`);

    // 1. Killed while ingesting its only snapshot: it holds the lock; at most its temporary
    //    database (schema only) is written.
    const a = startBuilder(root);
    // The lock is created, then its pid written: wait for both.
    const holder = () => (existsSync(lock) ? readFileSync(lock, "utf8") : "");
    await until("the first build to take the lock", () => holder() !== "");
    expect(holder()).toBe(String(a.proc.pid));
    await new Promise((r) => setTimeout(r, 300));
    a.proc.kill("SIGKILL");
    expect((await a.done).signal).toBe("SIGKILL");
    expect(existsSync(target)).toBe(false);
    const tmpA = `${key}.duckdb.tmp-${a.proc.pid}`;
    expect(leftovers(key).filter((f) => f !== tmpA && f !== `${tmpA}.wal`)).toEqual([`${key}.lock`]);

    // 2. Killed while writing: a second build takes over the dead lock and gets as far as writing
    //    the snapshot's own file.
    const b = startBuilder(root);
    const tmp = `${key}.duckdb.tmp-${b.proc.pid}`;
    const [snapshotFile] = snapshotCacheFiles(root, plan);
    await until("the second build to write its snapshot file", () => existsSync(`${snapshotFile}.tmp-${b.proc.pid}`));
    b.proc.kill("SIGKILL");
    expect((await b.done).signal).toBe("SIGKILL");
    expect(existsSync(target)).toBe(false);
    expect(leftovers(key)).toContain(tmp);
    expect(holder()).toBe(String(b.proc.pid));

    // 3. The next build is not blocked, cleans up after both, and holds every row.
    const next = await prepareWarehouse(root, plan, { timeoutMs: 120_000 });
    expect(next).toEqual({ path: target, built: true });
    expect(leftovers(key)).toEqual([]);
    expect([existsSync(snapshotFile!), existsSync(`${snapshotFile}.tmp-${b.proc.pid}`)]).toEqual([true, false]);
    const wh = await openWarehouse(root, plan);
    try {
      expect(await queryRows(wh.conn, "SELECT count(*)::INTEGER AS n FROM enterprises")).toEqual([{ n: 150_003 }]);
    } finally {
      wh.close();
    }
  }, 300_000);
});

describe("hostile text in the warehouse", () => {
  test("should store SQL-, script- and formula-looking names verbatim and run none of them", async () => {
    const sql = cases.find((c) => c.name === "sql-looking-text")!;
    const t = (await sql.build())["2026-11-20"]!;
    (t["小快轻准产品.csv"] as string[][])[1]![1] = "<img src=x onerror=alert(1)>";
    (t["人才培训.csv"] as string[][])[1]![2] = "=HYPERLINK(\"http://example.com\",\"x\")";
    const root = writeRoot({ "2026-11-20": t });
    roots.push(root);
    const wh = await openWarehouse(root, plan);
    try {
      expect(await queryRows(wh.conn, "SELECT name FROM enterprises ORDER BY source_row")).toEqual([
        { name: "示例甲精密有限公司" },
        { name: "示例'); DROP TABLE enterprises; --" },
        { name: "示例丙美妆有限公司" },
      ]);
      expect(await queryRows(wh.conn, "SELECT name, organizer FROM trainings")).toEqual([{ name: "1' OR '1'='1", organizer: "=HYPERLINK(\"http://example.com\",\"x\")" }]);
      expect(await queryRows(wh.conn, "SELECT name FROM products")).toEqual([{ name: "<img src=x onerror=alert(1)>" }]);
    } finally {
      wh.close();
    }
  });
});
