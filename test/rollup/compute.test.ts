/** The roll-up's numbers on the hand-worked 3-city fixture (./fixture.ts holds the arithmetic). */
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { computeRollup, NoReadableBundle } from "../../loaders/rollup/compute.ts";
import { readBundles } from "../../loaders/rollup/bundles.ts";
import { readProgramme } from "../../loaders/rollup/programme.ts";
import type { RollupData } from "../../loaders/rollup/types.ts";
import { writeFixtureBundles } from "./fixture.ts";

const programme = readProgramme();
let dir: string;
let d: RollupData;

beforeAll(async () => {
  dir = await writeFixtureBundles();
  d = await computeRollup({ bundlesDir: dir, programme });
}, 60_000);

const verdict = (rule: string, id: string) => d.rules.find((r) => r.key === rule)!.cities.find((c) => c.plan_id === id)!;

describe("roll-up of three cities", () => {
  test("should take the newest data date as the as-of date", () => {
    expect(d.as_of).toBe("2025-03-01");
    expect(d.cities.map((c) => c.plan_id).sort()).toEqual(["a", "b", "c"]);
    expect(d.sample).toBe(true);
  });

  test("should normalise each city's attainment by its own clock and band it by its own thresholds", () => {
    const a = d.attainment.find((r) => r.plan_id === "a" && r.key === "t1")!;
    expect(a.elapsed).toBeCloseTo(0.5, 10);
    expect(a.attainment).toBeCloseTo(0.9, 10);
    expect(a.band).toBe("预警");
    const b = d.attainment.find((r) => r.plan_id === "b" && r.key === "t1")!;
    expect(b.elapsed).toBe(1);
    expect(b.attainment).toBeCloseTo(1.05, 10);
    expect(b.band).toBe("达标");
    const platform = d.attainment.find((r) => r.plan_id === "a" && r.key === "platform")!;
    expect([platform.attainment, platform.band]).toEqual([null, "达标"]);
    const c = d.attainment.find((r) => r.plan_id === "c")!;
    expect([c.attainment, c.band, c.actual_shown]).toEqual([null, "数据抑制", "<3"]);
  });

  test("should rank by mean attainment, cities with nothing to judge last", () => {
    expect(d.ranks.map((r) => [r.plan_id, r.rank])).toEqual([["b", 1], ["a", 2], ["c", null]]);
  });

  test("should flag the bundle more than 14 days older than the as-of date", () => {
    expect(Object.fromEntries(d.freshness.map((f) => [f.plan_id, [f.age_days, f.stale]]))).toEqual({ a: [9, false], b: [0, false], c: [59, true] });
  });

  test("should judge the 80/20 split of central money", () => {
    expect([verdict("central_sme_share", "a").verdict, verdict("central_sme_share", "a").value]).toEqual(["不符合", 0.7]);
    expect([verdict("central_public_share", "a").verdict, verdict("central_public_share", "a").value]).toEqual(["不符合", 0.3]);
    expect(verdict("central_sme_share", "b").verdict).toBe("符合");
    expect(verdict("central_sme_share", "b").value).toBeCloseTo(10000 / 12000, 10);
    expect(verdict("central_public_share", "b").verdict).toBe("符合");
  });

  test("should judge the central ceiling by the city's class", () => {
    expect([verdict("central_ceiling", "a").verdict, verdict("central_ceiling", "a").value]).toEqual(["未超上限", 100]);
    expect([verdict("central_ceiling", "b").verdict, verdict("central_ceiling", "b").value]).toEqual(["超过上限", 12000]);
  });

  test("should show the 90% rule as progress before the pilot's end and judge it after", () => {
    expect([verdict("industry_level_share", "a").verdict, verdict("industry_level_share", "a").value]).toEqual(["进度", 0.5]);
    expect([verdict("industry_level_share", "b").verdict, verdict("industry_level_share", "b").value]).toEqual(["达标", 0.95]);
  });

  test("should say 无法判定 with the reason when a bundle lacks a rule's inputs", () => {
    for (const rule of ["central_sme_share", "central_public_share", "central_ceiling", "industry_level_share"]) {
      const v = verdict(rule, "c");
      expect(v.verdict).toBe("无法判定");
      expect(v.reason).toBeTruthy();
    }
    expect(verdict("central_ceiling", "c").reason).toBe("计划未声明城市类别(programme.cityClass)");
    expect(verdict("industry_level_share", "c").reason).toBe("数据包未提供规上企业分级数据(programme_levels 为空)");
  });
});

describe("bad bundles", () => {
  test("should skip a bundle with a bad checksum or a missing file, naming bundle and file in both languages", async () => {
    const bad = await writeFixtureBundles();
    writeFileSync(join(bad, "a", "targets.parquet"), "corrupt");
    rmSync(join(bad, "b", "funds.parquet"));
    const { bundles, problems } = readBundles(bad);
    expect(bundles.map((b) => b.name)).toEqual(["c"]);
    expect(problems.map((p) => p.message)).toEqual([
      "数据包 a/targets.parquet:校验和不符(文件已损坏或被改动) / bundle a/targets.parquet: checksum mismatch (file corrupt or altered)",
      "数据包 b/funds.parquet:文件缺失 / bundle b/funds.parquet: file missing",
    ]);
    const r = await computeRollup({ bundlesDir: bad, programme });
    expect(r.cities.map((c) => c.plan_id)).toEqual(["c"]);
    expect(r.skipped).toHaveLength(2);
  });

  test("should refuse only when no bundle is readable", async () => {
    const bad = await writeFixtureBundles();
    for (const id of ["a", "b", "c"]) rmSync(join(bad, id, "manifest.json"));
    await expect(computeRollup({ bundlesDir: bad, programme })).rejects.toBeInstanceOf(NoReadableBundle);
  });

  test("should skip a second bundle of the same plan", async () => {
    const twice = await writeFixtureBundles();
    cpSync(join(twice, "a"), join(twice, "a2"), { recursive: true });
    const { bundles, problems } = readBundles(twice);
    expect(bundles.map((b) => b.name)).toEqual(["a", "b", "c"]);
    expect(problems[0]!.message).toContain("a2/manifest.json");
  });
});
