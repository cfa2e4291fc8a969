// Per district, per industry, district × industry, level uplift and level audit on the fixture.
import { beforeAll, describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import type { Report } from "../../loaders/kpi/reportTypes.ts";
import { plan } from "../helpers/plan.ts";
import { S1, S2, openFixture } from "./fixture.ts";

let atS2: Report;
let atS1: Report;

beforeAll(async () => {
  const conn = await openFixture(plan);
  atS2 = await computeReport(conn, { plan, asOf: S2 });
  atS1 = await computeReport(conn, { plan, asOf: S1 });
});

// The 9 counted at 2026-06-30 by district: 白云 E02 E13 · 增城 E10 E17 · 黄埔 E01 · 花都 E04 · 南沙 E07 ·
// 从化 E08 · 天河 E09. Focus pairs among them: all but E17 (美妆 in 增城) and E09 (汽车 in 天河).
describe("by district", () => {
  const row = (r: Report, key: string, code: string) => r.by_district.find((x) => x.key === key && x.district_code === code);

  test("should rank, share and mark focus with the district target beside", () => {
    expect(row(atS2, "enterprises_transformed", "440111")).toEqual({
      key: "enterprises_transformed", district_code: "440111", district: "白云区",
      actual: 2, share: 2 / 9, rank: 1, focus_actual: 2, is_focus: true, target: 4, pct: 0.5,
    });
    expect(row(atS2, "enterprises_transformed", "440118")).toMatchObject({
      district: "增城区", actual: 2, rank: 1, focus_actual: 1, target: 2, pct: 1,
    });
    // Five districts with 1 share rank 3; the four with none share rank 8.
    expect(row(atS2, "enterprises_transformed", "440106")).toMatchObject({
      district: "天河区", actual: 1, rank: 3, focus_actual: 0, is_focus: false, target: null, pct: null,
    });
    expect(row(atS2, "enterprises_transformed", "440103")).toMatchObject({ district: "荔湾区", actual: 0, rank: 8 });
  });

  test("should hold every district for every key, summing to the city total", () => {
    // 9 enterprise keys (2 targets + 7 other stages) + 5 recognition targets + training = 15 keys × 11 districts.
    expect(atS2.by_district).toHaveLength(165);
    const sum = atS2.by_district.filter((x) => x.key === "enterprises_transformed").reduce((s, x) => s + x.actual, 0);
    expect(sum).toBe(9);
  });

  test("should place a recognition without a district by its enterprise, and training by its own", () => {
    expect(row(atS2, "chain_cases", "440111")!.actual).toBe(1); // R5 → E02 in 白云
    expect(row(atS2, "training_person_times", "440114")!.actual).toBe(20); // T4
    expect(row(atS1, "training_person_times", "440114")!.actual).toBe(0); // T4 is not in that snapshot
    expect(row(atS2, "training_person_times", "440112")!.actual).toBe(100); // T1
  });
});

describe("by industry", () => {
  const row = (key: string, industry: string) => atS2.by_industry.find((x) => x.key === key && x.industry_key === industry);

  test("should count per industry with the part in its focus districts", () => {
    // auto: E01 (黄埔, focus), E07 (南沙, focus), E09 (天河, not).
    expect(row("enterprises_transformed", "auto")).toEqual({
      key: "enterprises_transformed", industry_key: "auto", industry: "智能网联与新能源汽车(零部件)",
      actual: 3, share: 3 / 9, rank: 1, focus_actual: 2,
    });
    // cosmetics: E02 (白云, focus), E08 (从化, focus), E17 (增城, not).
    expect(row("enterprises_transformed", "cosmetics")).toMatchObject({ actual: 3, rank: 1, focus_actual: 2 });
    expect(row("enterprises_transformed", "machine_robot")).toMatchObject({ actual: 0, rank: 6 });
  });

  test("should count products by their industry, leaving 通用 products out", () => {
    expect(row("products", "auto")!.actual).toBe(2); // D1, D4
    expect(row("products", "cosmetics")!.actual).toBe(1); // D3; D2 is for every industry
  });
});

describe("district × industry", () => {
  const cell = (district: string, industry: string) =>
    atS2.district_industry.find((c) => c.key === "enterprises_transformed" && c.district_code === district && c.industry_key === industry);

  test("should mark the plan's focus pairs", () => {
    expect(cell("440111", "cosmetics")).toMatchObject({ actual: 1, is_focus: true });
    expect(cell("440118", "cosmetics")).toMatchObject({ actual: 1, is_focus: false });
    expect(cell("440106", "auto")).toMatchObject({ actual: 1, is_focus: false });
  });

  test("should hold the full grid", () => {
    // (9 enterprise keys + 5 recognition targets) × 11 districts × 6 industries.
    expect(atS2.district_industry).toHaveLength(924);
  });
});

describe("level uplift", () => {
  const transitions = (r: Report) => {
    const t: Record<string, number> = {};
    for (const row of r.level_uplift) t[`${row.from_level}→${row.to_level}`] = (t[`${row.from_level}→${row.to_level}`] ?? 0) + row.enterprises;
    return t;
  };

  test("should pair each SME's latest 改造前 and 改造后 levels", () => {
    // 1→2: E01 E04 E08 E09 E10 E11 E13 E14 E17; 2→2: E02 (its latest pre is 二级); 1→1: E05 E06 (latest 一级);
    // 1→3: E07 E12. E03 is large; E15 E16 have no 改造后 yet.
    expect(transitions(atS2)).toEqual({ "1→2": 9, "2→2": 1, "1→1": 2, "1→3": 2 });
    expect(atS2.level_uplift.find((x) => x.district_code === "440115")).toEqual({
      district_code: "440115", district: "南沙区", industry_key: "auto", industry: "智能网联与新能源汽车(零部件)",
      from_level: 1, to_level: 3, uplift: 2, enterprises: 1,
    });
  });

  test("should use only assessments up to the as-of date", () => {
    // At 2026-03-31 E06 is still 二级 (1→2); E10 and E11 have no 改造后 yet.
    expect(transitions(atS1)).toEqual({ "1→2": 8, "2→2": 1, "1→1": 1, "1→3": 2 });
  });
});

describe("level audit", () => {
  test("should list the assessments whose reported level the configured rule does not give", () => {
    expect(atS2.level_audit.map((a) => [a.assessment_id, a.reported_level, a.computed_level, a.method])).toEqual([
      ["A27", 3, 4, "得分"], // 45 + 20 + 15 = 80 ≥ 80 and no scenarios: 四级
      ["A04", 2, 1, "得分"], // 20 + 10 + 5 = 35 < 40: 一级
      ["A10", 1, 0, "得分"], // 12 + 4 + 2 = 18 < 20: below 一级
      ["A07", 3, 2, "得分+场景"], // 65 points but 7 scenarios at 三级 (< 8): 二级
    ]);
    // A17 (70 points, 8 scenarios at 三级 of which 5 constraint) agrees; A12 has no scores.
  });

  test("should show the scenario counts behind a scenario-based finding", () => {
    expect(atS2.level_audit.find((a) => a.assessment_id === "A07")).toMatchObject({
      enterprise: "丙三家居", score: 65, scenarios_at_reported: 7, constraint_at_reported: 5,
    });
    expect(atS2.level_audit.find((a) => a.assessment_id === "A10")).toMatchObject({
      scenarios_at_reported: null, constraint_at_reported: null,
    });
  });
});
