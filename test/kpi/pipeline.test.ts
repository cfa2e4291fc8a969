// Pipeline stages, overdue and stuck projects, leading units and supply on the fixture.
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
  const verdicts = (r: Report) => r.leading_units.map((u) => [u.unit_id, u.tier_awarded, u.tier_earned, u.awarded_above_earned]);

  test("should score each unit's results at 2026-06-30", () => {
    // U1 serves E01 E04 E05 E06 E07 E09 E14: all diagnosed and signed; counted: E01 E04 E07 E09.
    // Products of V1 (D1 D2) and V2 (D3); scenario R4 (E01). Days to acceptance: P01 243, P04 274, P05 273,
    // P06 36, P07 59, P09 382 → 1267 / 6.
    expect(unit(atS2, "U1")).toMatchObject({
      enterprises_diagnosed: 7, enterprises_signed: 7, enterprises_transformed: 4, products: 3, scenarios: 1,
      award_paid_wan: 100, award_other_wan: 0, award_cap_wan: 100, tier_awarded: "一档", // H01 中央 60 + H02 市级 40
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
      // H04's 10 is 区级: beside the award, never counted against a tier (四(二)2 names 中央、市级).
      avg_days_to_accept: 455, award_paid_wan: 0, award_other_wan: 10, award_cap_wan: null, tier_awarded: null,
    });
    expect(unit(atS1, "U3").avg_days_to_accept).toBeNull();
  });

  test("should give the three indicators of 四(二)2 with each unit's rank", () => {
    // Projects 验收通过 by as-of, pool SMEs only: U1 P01 P04 P05 P06 P07 P09 = 6 (P14 验收未通过, P18 终止);
    // U2 P02a P02b P08 P12 P13 P17 = 6 (P19 on 07-01, P02c 终止); U3 P10 = 1 (P03 is E03's, a large firm; P11 07-01).
    // Ranks: 1 = most, ties share: projects 6 6 1 → 1 1 3; products 3 1 0 → 1 2 3; scenarios 1 2 0 → 2 1 3.
    const row = (u: Report["leading_units"][number]) =>
      [u.unit_id, u.projects_accepted, u.projects_accepted_rank, u.products, u.products_rank, u.scenarios, u.scenarios_rank];
    expect(atS2.leading_units.map(row)).toEqual([
      ["U1", 6, 1, 3, 1, 1, 2],
      ["U2", 6, 1, 1, 2, 2, 1],
      ["U3", 1, 3, 0, 3, 0, 3],
    ]);
    // At 2026-03-31: P09 not yet (U1 5); D3 on as-of (U1 3), D4 not yet and V3 not selected (U2 0).
    expect(atS1.leading_units.map(row)).toEqual([
      ["U1", 5, 2, 3, 1, 1, 2],
      ["U2", 6, 1, 0, 2, 2, 1],
      ["U3", 0, 3, 0, 2, 0, 3],
    ]);
  });

  test("should make no tier verdict when no tier criteria are supplied (the plan sets none)", () => {
    expect(atS2.tier_criteria).toEqual([]);
    expect(atS2.leading_units.every((u) => u.criteria_given === false)).toBe(true);
    expect(verdicts(atS2)).toEqual([
      ["U1", "一档", null, null],
      ["U2", "三档", null, null],
      ["U3", null, null, null],
    ]);
  });

  describe("with tier criteria in the export", () => {
    let r: Report;
    let partial: Report;
    let earlier: Report;
    beforeAll(async () => {
      // 一档 asks 4 products (U1 has 3: just under); 二档 6 projects and 3 products (U1 exactly);
      // 三档 6 projects and 2 demonstrations, no product condition (U2 exactly: 6, 1, 2). S2's export only.
      const conn = await openFixture(plan);
      await conn.run(`INSERT INTO tier_criteria BY NAME SELECT DATE '${S2}' AS snapshot, * FROM (VALUES
        ('一档', 6, 4, 1, '示例管理办法第八条'),
        ('二档', 6, 3, 1, '示例管理办法第八条'),
        ('三档', 6, NULL, 2, '示例管理办法第八条')) v(tier, min_projects_accepted, min_products, min_demonstrations, source)`);
      r = await computeReport(conn, { plan, asOf: S2 });
      earlier = await computeReport(conn, { plan, asOf: S1 });
      // Criteria for 二档 and 三档 only: a unit awarded 一档 has nothing to be judged by.
      await conn.run(`DELETE FROM tier_criteria WHERE tier = '一档'`);
      partial = await computeReport(conn, { plan, asOf: S2 });
    });

    test("should find the highest tier whose every given threshold the results reach, and judge the award by it", () => {
      expect(verdicts(r)).toEqual([
        ["U1", "一档", "二档", true], // awarded 一档, earns 二档: rated above
        ["U2", "三档", "三档", false], // exactly 三档's thresholds
        ["U3", null, null, false], // earns none, awarded none
      ]);
      expect(r.leading_units.every((u) => u.criteria_given)).toBe(true);
    });

    test("should report the criteria with their source and each tier's amount from the plan", () => {
      expect(r.tier_criteria).toEqual([
        { tier: "一档", award_wan: 100, min_projects_accepted: 6, min_products: 4, min_demonstrations: 1, source: "示例管理办法第八条" },
        { tier: "二档", award_wan: 80, min_projects_accepted: 6, min_products: 3, min_demonstrations: 1, source: "示例管理办法第八条" },
        { tier: "三档", award_wan: 50, min_projects_accepted: 6, min_products: null, min_demonstrations: 2, source: "示例管理办法第八条" },
      ]);
    });

    test("should not judge a tier that has no criteria", () => {
      expect(verdicts(partial)).toEqual([
        ["U1", "一档", "二档", null],
        ["U2", "三档", "三档", false],
        ["U3", null, null, false],
      ]);
    });

    test("should use only the snapshot's own criteria", () => {
      expect(earlier.tier_criteria).toEqual([]);
      expect(verdicts(earlier).every(([, , earned, above]) => earned === null && above === null)).toBe(true);
    });
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
