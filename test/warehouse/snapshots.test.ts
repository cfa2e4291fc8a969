// Which snapshot: worked out by hand for small lists of dates, and for folders on disk (the banner's
// view), where a folder the ingest would skip (an impossible date) must be skipped too.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, test } from "vitest";
import { dataBanner } from "../../loaders/config/site.ts";
import { discoverSnapshots } from "../../loaders/ingest/read/discover.ts";
import {
  currentSnapshot, latestSnapshotDate, pageMeta, pickPair, pickSnapshot, snapshotAsOf, snapshotFolders,
  warehouseMeta, warehouseSnapshots, weeklyPair,
} from "../../loaders/warehouse/snapshots.ts";

const S = ["2026-10-30", "2026-11-06", "2026-11-13", "2026-11-20"]; // oldest first, a week apart

describe("snapshot as of a date", () => {
  test("should take the newest snapshot when no date is given", () => {
    expect(snapshotAsOf(S)).toBe("2026-11-20");
    expect(currentSnapshot(S)).toBe("2026-11-20");
  });

  test("should take the newest snapshot on or before the date", () => {
    expect(snapshotAsOf(S, "2026-11-13")).toBe("2026-11-13"); // on the day
    expect(snapshotAsOf(S, "2026-11-12")).toBe("2026-11-06"); // the day before a snapshot
    expect(snapshotAsOf(S, "2026-10-30")).toBe("2026-10-30"); // the first one, on its day
    expect(snapshotAsOf(S, "2027-01-01")).toBe("2026-11-20"); // after the last
  });

  test("should refuse a date before the first snapshot, and an empty list", () => {
    expect(() => snapshotAsOf(S, "2026-10-29")).toThrow("no snapshot on or before 2026-10-29");
    expect(() => snapshotAsOf([], "2026-11-20")).toThrow("the warehouse holds no snapshot");
    expect(() => currentSnapshot([])).toThrow("the warehouse holds no snapshot");
  });

  test("should work with a single snapshot", () => {
    expect(snapshotAsOf(["2026-11-20"])).toBe("2026-11-20");
    expect(snapshotAsOf(["2026-11-20"], "2026-12-31")).toBe("2026-11-20");
    expect(() => snapshotAsOf(["2026-11-20"], "2026-11-19")).toThrow("no snapshot on or before 2026-11-19");
  });
});

describe("the weekly pair", () => {
  test("should compare the newest snapshot with the one before it by default", () => {
    expect(weeklyPair(S)).toEqual({ before: "2026-11-13", after: "2026-11-20" });
  });

  test("should take the newest snapshot on or before each date given", () => {
    expect(weeklyPair(S, { before: "2026-11-01" })).toEqual({ before: "2026-10-30", after: "2026-11-20" });
    expect(weeklyPair(S, { after: "2026-11-10" })).toEqual({ before: "2026-10-30", after: "2026-11-06" });
    expect(weeklyPair(S, { before: "2026-11-06", after: "2026-11-19" })).toEqual({ before: "2026-11-06", after: "2026-11-13" });
  });

  test("should refuse a pair that is not earlier → later", () => {
    expect(() => weeklyPair(S, { before: "2026-11-20" })).toThrow("the earlier snapshot (2026-11-20) must come before the current one (2026-11-20)");
    expect(() => weeklyPair(S, { before: "2026-11-20", after: "2026-11-13" })).toThrow("the earlier snapshot (2026-11-20) must come before the current one (2026-11-13)");
    expect(() => weeklyPair(S, { after: "2026-10-30" })).toThrow("no snapshot before 2026-10-30 to compare with");
    expect(() => weeklyPair(S, { before: "2026-10-01" })).toThrow("no snapshot on or before 2026-10-01");
    expect(() => weeklyPair(S, { after: "2026-10-01" })).toThrow("no snapshot on or before 2026-10-01");
    expect(() => weeklyPair([])).toThrow("the warehouse holds no snapshot");
  });

  test("should compare a single snapshot with itself only when allowed, and only when no earlier date was asked for", () => {
    expect(() => weeklyPair(["2026-11-20"])).toThrow("no snapshot before 2026-11-20 to compare with");
    expect(weeklyPair(["2026-11-20"], { allowSame: true })).toEqual({ before: "2026-11-20", after: "2026-11-20" });
    expect(() => weeklyPair(["2026-11-20"], { allowSame: true, before: "2026-11-20" })).toThrow("must come before");
    // With an earlier snapshot there, allowSame changes nothing.
    expect(weeklyPair(S, { allowSame: true })).toEqual({ before: "2026-11-13", after: "2026-11-20" });
  });
});

describe("meta", () => {
  test("should show the newest snapshot as of itself by default, keys in the order the data files print them", () => {
    const m = pageMeta({ title: "T", snapshots: S, sample: true });
    expect(JSON.stringify(m)).toBe('{"title":"T","snapshot":"2026-11-20","as_of":"2026-11-20","snapshots":["2026-10-30","2026-11-06","2026-11-13","2026-11-20"],"sample":true}');
  });

  test("should show the snapshot and date given", () => {
    expect(pageMeta({ title: "T", snapshots: S, sample: false, snapshot: "2026-11-06", asOf: "2026-11-10" })).toEqual({
      title: "T", snapshot: "2026-11-06", as_of: "2026-11-10", snapshots: S, sample: false,
    });
    expect(() => pageMeta({ title: "T", snapshots: [], sample: false })).toThrow("the warehouse holds no snapshot");
  });
});

describe("snapshot folders on disk", () => {
  const root = (names: string[], files: string[] = []): string => {
    const dir = mkdtempSync(join(tmpdir(), "pilot-snapshots-"));
    for (const n of names) mkdirSync(join(dir, n));
    for (const f of files) writeFileSync(join(dir, f), "");
    return dir;
  };

  test("should skip impossible dates (2026-02-30, 2026-13-01) as the ingest does", () => {
    const dir = root(["2026-01-31", "2026-02-28", "2026-02-30", "2026-13-01", "notes", "2026-2-1"], ["2026-12-31"]);
    expect(snapshotFolders(dir)).toEqual(["2026-01-31", "2026-02-28"]);
    expect(latestSnapshotDate(dir)).toBe("2026-02-28");
    // The ingest's own view of the same root agrees (the folders are empty, but they are found).
    expect(discoverSnapshots(dir).snapshots.map((s) => s.date)).toEqual(["2026-01-31", "2026-02-28"]);
    expect(dataBanner(dir)).toContain("数据截至 2026年2月28日");
  });

  test("should find nothing in a root of impossible dates only, or a missing root", () => {
    const dir = root(["2026-02-30", "2026-13-01"]);
    expect(latestSnapshotDate(dir)).toBeNull();
    expect(dataBanner(dir)).toContain("未找到数据快照");
    expect(latestSnapshotDate(join(dir, "missing"))).toBeNull();
  });

  test("should take a root that is itself a snapshot folder (it holds a table file), but not an impossible one", () => {
    const parent = mkdtempSync(join(tmpdir(), "pilot-snapshots-"));
    for (const d of ["2026-11-20", "2026-02-30", "2026-11-27"]) mkdirSync(join(parent, d));
    for (const d of ["2026-11-20", "2026-02-30"]) writeFileSync(join(parent, d, "企业名录.csv"), "");
    writeFileSync(join(parent, "2026-11-27", "notes.txt"), "");
    expect(snapshotFolders(join(parent, "2026-11-20"))).toEqual(["2026-11-20"]);
    expect(discoverSnapshots(join(parent, "2026-11-20")).snapshots.map((s) => s.date)).toEqual(["2026-11-20"]);
    expect(snapshotFolders(join(parent, "2026-02-30"))).toEqual([]);
    // Named as a day but holding no table file: not a snapshot (the ingest finds none either).
    expect(snapshotFolders(join(parent, "2026-11-27"))).toEqual([]);
    expect(() => discoverSnapshots(join(parent, "2026-11-27"))).toThrow();
  });

  test("should read a root named as a day that holds table files as one snapshot, as the ingest does, sub-folders or not", () => {
    const parent = mkdtempSync(join(tmpdir(), "pilot-snapshots-"));
    const dir = join(parent, "2026-11-20");
    mkdirSync(join(dir, "2026-11-13"), { recursive: true });
    writeFileSync(join(dir, "企业名录.csv"), "");
    expect(snapshotFolders(dir)).toEqual(["2026-11-20"]);
    expect(discoverSnapshots(dir).snapshots.map((s) => s.date)).toEqual(["2026-11-20"]);
  });

  test("should follow a symlinked snapshot folder, as the ingest does", () => {
    const dir = root(["2026-11-13"]);
    const elsewhere = mkdtempSync(join(tmpdir(), "pilot-snapshots-"));
    symlinkSync(elsewhere, join(dir, "2026-11-20"));
    expect(snapshotFolders(dir)).toEqual(["2026-11-13", "2026-11-20"]);
  });
});

describe("the warehouse's snapshots", () => {
  test("should read them oldest first, and answer from them", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    try {
      await conn.run("CREATE TABLE snapshots (snapshot DATE PRIMARY KEY, folder VARCHAR)");
      await conn.run("INSERT INTO snapshots VALUES ('2026-11-20', 'b'), ('2026-11-13', 'a'), ('2026-11-06', 'c')");
      expect(await warehouseSnapshots(conn)).toEqual(["2026-11-06", "2026-11-13", "2026-11-20"]);
      expect(await pickSnapshot(conn)).toBe("2026-11-20");
      expect(await pickSnapshot(conn, "2026-11-19")).toBe("2026-11-13");
      expect(await pickPair(conn)).toEqual({ before: "2026-11-13", after: "2026-11-20" });
      expect(await warehouseMeta(conn, { title: "T", sample: false, snapshot: "2026-11-13" })).toEqual({
        title: "T", snapshot: "2026-11-13", as_of: "2026-11-13", snapshots: ["2026-11-06", "2026-11-13", "2026-11-20"], sample: false,
      });
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
