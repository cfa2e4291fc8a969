// Pipeline stages, overdue and stuck projects, leading units and supply on the fixture.
import { beforeAll, describe, expect, test } from "vitest";
import { computeReport } from "../../loaders/kpi/computeReport.ts";
import type { Report } from "../../loaders/kpi/reportTypes.ts";
import { plan } from "../../loaders/plan/guangzhou.ts";
import type { PilotPlan } from "../../loaders/plan/types.ts";
import { S1, S2, openFixture } from "./fixture.ts";

let atS2: Report;
let atS1: Report;

beforeAll(async () => {
  const conn = await openFixture(plan);
  atS2 = await computeReport(conn, { asOf: S2 });
  atS1 = await computeReport(conn, { asOf: S1 });
});

describe("pipeline stages", () => {
  const counts = (r: Report) => Object.fromEntries(r.pipeline.stages.map((s) => [s.key, s.enterprises]));

  test("should count the SMEs that reached each stage by 2026-06-30", () => {
    expect(counts(atS2)).toEqual({
      surveyed: 15, // 16 SMEs, E11 has no survey date
      listed: 16,
      diagnosed: 16,
      signed: 15, // all but E15 (诊断中)
      implementing: 15, // the signed ones: 实施中 and beyond (P18 is terminated, but E05 has P05)
      applied: 14, // E16 (实施中) and E15 not
      accepted: 12, // E11 (07-01) and E14 (验收未通过) not
      paid: 7, // E01 E02 E04 E05 E07 E16 E17; E11's payment is after as-of
    });
  });

  test("should count by the dates at 2026-03-31", () => {
    // diagnosed loses E16; applied and accepted lose E09 (04-01) and E10 (06-30); applied also E11 (05-01).
    expect(counts(atS1)).toEqual({
      surveyed: 15, listed: 16, diagnosed: 15, signed: 15, implementing: 15, applied: 11, accepted: 10, paid: 7,
    });
  });

  test("should give conversion from the stage before and median days from the previous dated stage", () => {
    const s = Object.fromEntries(atS2.pipeline.stages.map((x) => [x.key, x]));
    expect(s.surveyed!.conversion).toBeNull();
    expect(s.listed!.conversion).toBe(16 / 15);
    expect(s.accepted!.conversion).toBe(12 / 14);
    expect(s.paid!.conversion).toBe(7 / 12);
    expect(s.implementing!.median_days).toBeNull(); // no implementation date is exported
    // accepted − applied: E01 22, E02 31, E08 30, nine others 0 (applied date missing → the review date) → 0.
    expect(s.accepted!.median_days).toBe(0);
    // first payment − acceptance: E01 0, E02 44, E04 16, E05 22, E07 320, E17 −1 (paid the day before),
    // E16 31 (from signing: not accepted) → sorted −1 0 16 22 31 44 320 → 22.
    expect(s.paid!.median_days).toBe(22);
  });
});

describe("overdue and stuck", () => {
  const brief = (rows: { project_id: string }[], days: string) =>
    rows.map((r) => [r.project_id, (r as unknown as Record<string, number>)[days]]);

  test("should list projects past planned end and not accepted by as-of, most overdue first", () => {
    // P14 验收未通过, planned 2025-10-31: 242 days. P11 planned 2026-05-31, acceptance dated 07-01: 30 days.
    // P16 planned 2026-06-30 = as-of is not past; P18 is terminated.
    expect(brief(atS2.pipeline.overdue, "days_overdue")).toEqual([["P14", 242], ["P11", 30]]);
    // At 2026-03-31: P14 151 days; P09 planned 03-15, accepted only 04-01: 16 days.
    expect(brief(atS1.pipeline.overdue, "days_overdue")).toEqual([["P14", 151], ["P09", 16]]);
  });

  test("should name enterprise, district, industry and leading unit", () => {
    expect(atS2.pipeline.overdue[0]).toEqual({
      project_id: "P14", project_name: "卯十四改造", uscc: "E14", enterprise: "卯十四汽配",
      district_code: "440114", district: "花都区", industry_key: "auto", industry: "智能网联与新能源汽车(零部件)",
      leading_unit_id: "U1", leading_unit: "汽配牵引一号", status: "验收未通过", planned_end: "2025-10-31", days_overdue: 242,
    });
  });

  test("should list open projects whose last change is more than 60 days back", () => {
    // P16 signed 2025-08-01: 333 days. P14 reviewed 2026-01-29: 152. P15 (诊断中, no dates): its enterprise's
    // pre-assessment 2026-03-31: 91. P11 applied 2026-05-01, exactly 60 days back: not stuck.
    expect(brief(atS2.pipeline.stuck, "days_since_change")).toEqual([["P16", 333], ["P14", 152], ["P15", 91]]);
    // At 2026-03-31 P09, P10, P11 are not accepted yet: signed 2025-03-15 (381), 04-01 (364), 04-10 (355).
    // P14 reviewed 61 days back: just past the line. P15's pre-assessment is that day (0 days).
    expect(brief(atS1.pipeline.stuck, "days_since_change")).toEqual([
      ["P09", 381], ["P10", 364], ["P11", 355], ["P16", 242], ["P14", 61],
    ]);
  });
});

describe("leading units", () => {
  const unit = (r: Report, id: string) => r.leading_units.find((u) => u.unit_id === id)!;

  test("should score each unit's results at 2026-06-30", () => {
    // U1 serves E01 E04 E05 E06 E07 E09 E14: all diagnosed and signed; counted: E01 E04 E07 E09.
    // Products of V1 (D1 D2) and V2 (D3); scenario R4 (E01). Days to acceptance: P01 243, P04 274, P05 273,
    // P06 36, P07 59, P09 382 → 1267 / 6.
    expect(unit(atS2, "U1")).toMatchObject({
      enterprises_diagnosed: 7, enterprises_signed: 7, enterprises_transformed: 4, products: 3, scenarios: 1,
      award_paid_wan: 100, award_cap_wan: 100, tier_awarded: "一档", tier_supported: null, awarded_above_results: true,
    });
    expect(unit(atS2, "U1").avg_days_to_accept).toBeCloseTo(1267 / 6, 9);
    // U2: E02 E08 E12 E13 E17 and E01 (P19); counted E02 E08 E13 E17 (E12 signed before the window; E01's
    // P19 is accepted after as-of, it counts through U1 only); D4 via V3; R5 (E02) and R4 (E01).
    expect(unit(atS2, "U2")).toMatchObject({
      enterprises_diagnosed: 6, enterprises_signed: 6, enterprises_transformed: 4, products: 1, scenarios: 2,
      award_paid_wan: 50.5, award_cap_wan: 50, tier_awarded: "三档",
    });
    // U3: E10 E11 E15 E16 (E03 is large); signed E10 E11 E16; counted E10: 2025-04-01 → 2026-06-30 = 455 days.
    expect(unit(atS2, "U3")).toMatchObject({
      enterprises_diagnosed: 4, enterprises_signed: 3, enterprises_transformed: 1, products: 0, scenarios: 0,
      avg_days_to_accept: 455, award_paid_wan: 10, award_cap_wan: null, tier_awarded: null, awarded_above_results: false,
    });
    expect(unit(atS1, "U3").avg_days_to_accept).toBeNull();
  });

  test("should find the highest tier whose every threshold the results reach", async () => {
    const tiers: PilotPlan = structuredClone(plan);
    tiers.funding.leadingUnitTierCriteria = [
      { tier: "一档", minTransformed: 4, minProducts: 3, minScenarios: 1 }, // U1 exactly: 4, 3, 1
      { tier: "二档", minTransformed: 4, minProducts: 1, minScenarios: 1 }, // U2: 4, 1 (< 3 for 一档), 2
      { tier: "三档", minTransformed: 1, minProducts: 0, minScenarios: 0 }, // U3: 1, 0, 0
    ];
    const r = await computeReport(await openFixture(tiers), { asOf: S2, plan: tiers });
    expect(r.leading_units.map((u) => [u.unit_id, u.tier_supported, u.awarded_above_results])).toEqual([
      ["U1", "一档", false],
      ["U2", "二档", false], // awarded 三档, below what it supports
      ["U3", "三档", false], // awarded none
    ]);
  });
});

describe("supply", () => {
  test("should count products per stage × industry, 通用 apart", () => {
    const nonZero = (r: Report) => r.supply.products.filter((p) => p.products > 0).map((p) => [p.stage, p.industry, p.products]);
    expect(nonZero(atS2)).toEqual([["设计", "时尚美妆", 1], ["制造", "智能网联与新能源汽车(零部件)", 2], ["管理", "通用", 1]]);
    expect(nonZero(atS1)).toEqual([["设计", "时尚美妆", 1], ["制造", "智能网联与新能源汽车(零部件)", 1], ["管理", "通用", 1]]);
    expect(atS2.supply.products).toHaveLength(42); // 6 stages × (6 industries + 通用)
  });

  test("should count providers and their products per unit", () => {
    expect(atS2.supply.providers).toEqual([
      { unit_id: "U1", unit: "汽配牵引一号", providers: 2, products: 3, provider_names: ["服务商一", "服务商二"] },
      { unit_id: "U2", unit: "美妆牵引二号", providers: 1, products: 1, provider_names: ["服务商三"] },
      { unit_id: "U3", unit: "家居牵引三号", providers: 0, products: 0, provider_names: [] },
      { unit_id: null, unit: "无所属牵引单位", providers: 1, products: 0, provider_names: ["服务商四"] },
    ]);
    // V3 (selected 04-01) and D4 are after 2026-03-31.
    expect(atS1.supply.providers.find((p) => p.unit_id === "U2")).toMatchObject({ providers: 0, products: 0 });
  });
});
